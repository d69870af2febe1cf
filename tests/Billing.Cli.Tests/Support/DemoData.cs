using System.Text.Json.Nodes;

namespace Billing.Cli.Tests.Support;

/// <summary>
/// A fresh data folder holding <c>billing demo --accounts 8 --months 2 --bill-only</c> (billing only: no bank files, no dunning) (January and February 2026, seed 42: 18
/// open invoices, accounts <c>acct-00001</c>…<c>acct-00008</c>), for tests that change the data. Settings given are
/// added to its <c>settings.json</c>.
/// </summary>
public static class DemoData
{
    /// <summary>The setting that lets dunning send although no bank file was ingested (the demo has none).</summary>
    public static readonly KeyValuePair<string, string> WithoutBankFiles = new("DUNNING_REQUIRE_BANK_FILE", "false");

    public static async Task<string> CreateAsync(params KeyValuePair<string, string>[] settings)
    {
        var data = CliRun.NewDataDirectory();
        var demo = await CliRun.RunAsync("demo", "--accounts", "8", "--months", "2", "--bill-only", "--data", data);
        Assert.True(demo.ExitCode == 0, demo.Error);
        if (settings.Length > 0)
        {
            var file = Path.Combine(data, "settings.json");
            var root = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject();
            foreach (var (key, value) in settings)
            {
                root[key] = value;
            }

            await File.WriteAllTextAsync(file, root.ToJsonString());
        }

        return data;
    }

    public static string[] DunningEmails(string data) => Directory.GetFiles(Path.Combine(data, "outbox"), "dunning-*.eml");
}
