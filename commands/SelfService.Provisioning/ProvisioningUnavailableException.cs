namespace SelfService.Provisioning;

/// <summary>The provisioning backend could not be reached or answered with a server error after retries.</summary>
public sealed class ProvisioningUnavailableException : Exception
{
    public ProvisioningUnavailableException() { }
    public ProvisioningUnavailableException(string message) : base(message) { }
    public ProvisioningUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
