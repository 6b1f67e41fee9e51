namespace OneStop.Directory.Client;

/// <summary>
/// The Redis key schema of the directory read model. Every key and the channel carry <see cref="SchemaVersion"/>, so a
/// change to what is stored (another message shape, another encoding) moves to new keys instead of being misread by
/// clients that still run the old code.
/// </summary>
/// <remarks>
/// Entity keys hold the protobuf bytes of the full entity, all translations included; callers localize.
/// The invalidation payload is "{version} {entity} {id}" (see <see cref="DirectoryInvalidation"/>).
/// </remarks>
public static class DirectoryKeys
{
    /// <summary>Raise when the meaning or encoding of stored values changes.</summary>
    public const string SchemaVersion = "v1";

    public const string Prefix = "onestop:directory:" + SchemaVersion + ":";

    /// <summary>Highest committed change version the read model contains.</summary>
    public const string Version = Prefix + "version";

    /// <summary>Version at which the read model was last fully rebuilt. Missing means: never built (or Redis lost it).</summary>
    public const string Built = Prefix + "built";

    /// <summary>Pub/sub channel of <see cref="DirectoryInvalidation"/> messages.</summary>
    public const string InvalidationChannel = Prefix + "invalidations";

    public const string ServiceEntity = "service";
    public const string OrganizationEntity = "organization";
    public const string LocationEntity = "location";

    /// <summary>Entity and id of an invalidation that drops everything (sent after a rebuild).</summary>
    public const string All = "*";

    public const string ServicePrefix = Prefix + ServiceEntity + ":";
    public const string OrganizationPrefix = Prefix + OrganizationEntity + ":";
    public const string LocationPrefix = Prefix + LocationEntity + ":";

    public static string Service(string id) => ServicePrefix + id;

    public static string Organization(string id) => OrganizationPrefix + id;

    public static string Location(string id) => LocationPrefix + id;
}
