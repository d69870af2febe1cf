namespace Billing.Cli.Tests.Support;

/// <summary>One <c>billing demo --accounts 8 --months 2 --bill-only</c> into a temp folder, shared by the tests that read its output.</summary>
public sealed class DemoFixture : IAsyncLifetime
{
    public string Data { get; } = CliRun.NewDataDirectory();

    public CliResult Demo { get; private set; } = new(-1, "", "");

    public async Task InitializeAsync() => Demo = await CliRun.RunAsync("demo", "--accounts", "8", "--months", "2", "--bill-only", "--data", Data);

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
