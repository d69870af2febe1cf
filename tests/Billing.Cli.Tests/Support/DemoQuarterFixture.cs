namespace Billing.Cli.Tests.Support;

/// <summary>
/// <c>billing demo --accounts 6</c>: the README's demo (three months from 2026-01-01, the whole story) with fewer accounts,
/// for the tests of what a manager reads at month and quarter end.
/// </summary>
public sealed class DemoQuarterFixture : IAsyncLifetime
{
    public string Data { get; } = CliRun.NewDataDirectory();

    public CliResult Demo { get; private set; } = new(-1, "", "");

    public string Reports => Path.Combine(Data, "blobs", "reports");

    public async Task InitializeAsync() => Demo = await CliRun.RunAsync("demo", "--accounts", "6", "--data", Data);

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Data, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder's cleanup.
        }

        return Task.CompletedTask;
    }
}
