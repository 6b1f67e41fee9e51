using OneStop.Directory.V1;
using OneStop.ServiceDefaults.Streaming;

namespace OneStop.Directory.Domain;

/// <summary>Committed directory changes for live WatchChanges streams, in version order (writes are serialized).</summary>
public sealed class ChangeFeed : ChangeBroadcast<Change>;
