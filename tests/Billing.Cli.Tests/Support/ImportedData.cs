namespace Billing.Cli.Tests.Support;

/// <summary>A fresh data folder holding the example import file (two accounts, three plans) and nothing billed: quick to make.</summary>
public static class ImportedData
{
    public static async Task<string> CreateAsync()
    {
        var data = CliRun.NewDataDirectory();
        var import = await CliRun.RunAsync("accounts", "import", CliRun.ExampleFile("accounts.json"), "--data", data);
        Assert.True(import.ExitCode == 0, import.Error);
        return data;
    }
}
