using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace Billing.Azure.Configuration;

/// <summary>
/// The credential of an identity-based connection: <see cref="DefaultAzureCredential"/> (managed identity in
/// Azure, the developer's login elsewhere), with the user-assigned identity's client id from
/// <c>&lt;SECTION&gt;__clientId</c> or <c>AZURE_CLIENT_ID</c>.
/// </summary>
public static class AzureCredentials
{
    public static TokenCredential For(IConfiguration configuration, string section)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var clientId = configuration[$"{section}:clientId"] ?? configuration["AZURE_CLIENT_ID"];
        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }
}
