using System.Data.Common;
using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;

namespace Billing.Azure.Configuration;

/// <summary>
/// Builds the <see cref="CosmosClient"/> from configuration. In Azure: <c>COSMOS__accountEndpoint</c> with
/// <see cref="AzureCredentials"/> (no key anywhere). For the local stand-in only:
/// <c>COSMOS__connectionString</c>, with Gateway mode and LimitToEndpoint (the stand-in is one endpoint and
/// speaks only the gateway protocol) and, if <c>COSMOS__allowInsecureEmulatorCertificate=true</c>, acceptance of
/// its self-signed certificate — honoured only when the endpoint is a loopback address, so no setting can
/// switch off certificate checks against a real account.
/// Throttled requests (429) are retried up to 9 times within 30 s.
/// </summary>
public static class CosmosClientFactory
{
    public const string Section = "COSMOS";
    public const string DefaultDatabase = "billing";

    public static string DatabaseName(IConfiguration configuration) =>
        configuration?["COSMOS_DATABASE"] is { Length: > 0 } name ? name : DefaultDatabase;

    public static CosmosClient Create(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[$"{Section}:connectionString"] is { Length: > 0 } connectionString)
        {
            var endpoint = EndpointOf(connectionString);
            var allowInsecure = string.Equals(configuration[$"{Section}:allowInsecureEmulatorCertificate"], "true", StringComparison.OrdinalIgnoreCase);
            return new CosmosClient(connectionString, Options(endpoint, allowInsecure));
        }

        if (configuration[$"{Section}:accountEndpoint"] is { Length: > 0 } accountEndpoint)
        {
            var endpoint = new Uri(accountEndpoint);
            return new CosmosClient(accountEndpoint, AzureCredentials.For(configuration, Section), Options(endpoint, allowInsecureEmulatorCertificate: false));
        }

        throw new InvalidOperationException($"Cosmos DB is not configured: set {Section}__accountEndpoint (managed identity) or {Section}__connectionString (local stand-in).");
    }

    /// <summary>Client options for <paramref name="endpoint"/>; the certificate check is relaxed only for a loopback endpoint.</summary>
    public static CosmosClientOptions Options(Uri endpoint, bool allowInsecureEmulatorCertificate)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var local = IsLoopback(endpoint);
        var options = new CosmosClientOptions
        {
            ApplicationName = "billing-functions",
            ConnectionMode = local ? ConnectionMode.Gateway : ConnectionMode.Direct,
            LimitToEndpoint = local,
            MaxRetryAttemptsOnRateLimitedRequests = 9,
            MaxRetryWaitTimeOnRateLimitedRequests = TimeSpan.FromSeconds(30),
        };
        if (local)
        {
            // The stand-in computes no query plans: the SDK must build them itself (see LOCAL-AZURE.md).
            Environment.SetEnvironmentVariable("AZURE_COSMOS_USE_QUERY_PLAN_INTEROP_LINUX", Environment.GetEnvironmentVariable("AZURE_COSMOS_USE_QUERY_PLAN_INTEROP_LINUX") ?? "true");
            Environment.SetEnvironmentVariable("AZURE_COSMOS_OPTIMISTIC_DIRECT_EXECUTION_ENABLED", Environment.GetEnvironmentVariable("AZURE_COSMOS_OPTIMISTIC_DIRECT_EXECUTION_ENABLED") ?? "true");
        }

        if (local && allowInsecureEmulatorCertificate)
        {
            options.HttpClientFactory = () => new HttpClient(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
            });
        }

        return options;
    }

    public static bool IsLoopback(Uri endpoint) =>
        endpoint?.IsLoopback == true || (IPAddress.TryParse(endpoint?.Host, out var address) && IPAddress.IsLoopback(address));

    /// <summary>The AccountEndpoint of a Cosmos DB connection string.</summary>
    public static Uri EndpointOf(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return builder.TryGetValue("AccountEndpoint", out var value) && Uri.TryCreate(value?.ToString(), UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"{Section}__connectionString has no AccountEndpoint.");
    }
}
