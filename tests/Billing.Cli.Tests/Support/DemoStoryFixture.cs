namespace Billing.Cli.Tests.Support;

/// <summary>
/// The whole demo story, <c>billing demo --accounts 12 --months 2</c> (bank files, ingestion, dunning), run twice with
/// the same seed into two folders, for the tests that read its output and compare the runs.
/// </summary>
public sealed class DemoStoryFixture : IAsyncLifetime
{
    public static readonly string[] Arguments = ["demo", "--accounts", "12", "--months", "2"];

    public string Data { get; } = CliRun.NewDataDirectory();

    public string Twin { get; } = CliRun.NewDataDirectory();

    public CliResult Demo { get; private set; } = new(-1, "", "");

    public CliResult TwinDemo { get; private set; } = new(-1, "", "");

    public async Task InitializeAsync()
    {
        Demo = await CliRun.RunAsync([.. Arguments, "--data", Data]);
        TwinDemo = await CliRun.RunAsync([.. Arguments, "--data", Twin]);
    }

    public Task DisposeAsync()
    {
        foreach (var folder in new[] { Data, Twin })
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the temp folder's cleanup.
            }
        }

        return Task.CompletedTask;
    }
}
