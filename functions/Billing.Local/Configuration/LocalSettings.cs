using System.Text.Json;
using System.Text.Json.Nodes;
using Billing.Core.Sellers;
using Microsoft.Extensions.Configuration;

namespace Billing.Local.Configuration;

/// <summary>
/// The configuration of a local installation: <c>settings.json</c> in the data folder (the <c>Seller</c>
/// section and any other setting), overridden by environment variables (<c>Seller__LegalName</c>,
/// <c>BILL_ACCOUNT_QUEUE</c>, …), the same names the Functions app reads from its app settings.
/// </summary>
public static class LocalSettings
{
    private static readonly JsonSerializerOptions s_indented = new(JsonSerializerDefaults.General) { WriteIndented = true };

    public static IConfigurationRoot Load(LocalDataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new ConfigurationBuilder()
            .AddJsonFile(data.Settings, optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .Build();
    }

    /// <summary>True when <c>settings.json</c> names a seller.</summary>
    public static bool HasSeller(LocalDataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return !string.IsNullOrWhiteSpace(Load(data)[$"{SellerOptions.Section}:{nameof(SellerOptions.LegalName)}"]);
    }

    /// <summary>Writes (or replaces) the <c>Seller</c> section of <c>settings.json</c>, keeping every other setting.</summary>
    public static void WriteSeller(LocalDataDirectory data, SellerOptions seller)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(seller);
        var root = File.Exists(data.Settings)
            ? JsonNode.Parse(File.ReadAllText(data.Settings)) as JsonObject ?? []
            : [];
        root[SellerOptions.Section] = JsonSerializer.SerializeToNode(seller, s_indented);
        File.WriteAllText(data.Settings, root.ToJsonString(s_indented));
    }
}
