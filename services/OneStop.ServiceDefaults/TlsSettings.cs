namespace OneStop.ServiceDefaults;

/// <summary>
/// TLS for a service's listener, from <c>OneStop:Tls</c> (production; local runs use h2c). A PKCS#12 file with
/// the certificate and its private key.
/// </summary>
public sealed class TlsSettings
{
    public const string SectionName = "OneStop:Tls";

    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);
}
