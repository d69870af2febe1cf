using System.Net.Sockets;

namespace Billing.Testing.Emulators;

/// <summary>
/// The local stand-ins the Azure adapter tests need (started by scripts/emulators-start.sh). Unreachable
/// emulators fail the tests with instructions; only <c>BILLING_SKIP_EMULATORS=1</c> outside CI skips them.
/// </summary>
public static class AzureEmulators
{
    public const string StorageConnectionString = "UseDevelopmentStorage=true";

    /// <summary>The stand-in accepts any key; this is the well-known emulator key.</summary>
    public const string CosmosConnectionString =
        "AccountEndpoint=https://127.0.0.1:8081/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    /// <summary>Unique per test run, so runs against long-lived emulators never see each other's data.</summary>
    public static string RunId { get; } = "t" + Guid.NewGuid().ToString("N")[..10];

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool SkipRequested => !IsCi && Environment.GetEnvironmentVariable("BILLING_SKIP_EMULATORS") == "1";

    public const string SkipReason = "BILLING_SKIP_EMULATORS=1: Azurite and the Cosmos DB stand-in are not used in this run.";

    private static readonly (string Name, int Port)[] Endpoints = [("Azurite blob", 10000), ("Azurite queue", 10001), ("Cosmos DB stand-in", 8081)];

    private static readonly Lazy<string?> s_problem = new(Probe);

    /// <summary>Throws with instructions when an emulator does not answer.</summary>
    public static void EnsureReachable()
    {
        if (s_problem.Value is { } problem)
        {
            throw new InvalidOperationException(
                $"{problem}. Start them with scripts/emulators-start.sh." +
                (IsCi ? " (CI=true: emulator tests never skip.)" : " To skip these tests locally, set BILLING_SKIP_EMULATORS=1."));
        }
    }

    private static string? Probe()
    {
        foreach (var (name, port) in Endpoints)
        {
            using var client = new TcpClient();
            try
            {
                if (!client.ConnectAsync("127.0.0.1", port).Wait(TimeSpan.FromSeconds(3)))
                {
                    return $"{name} does not answer on 127.0.0.1:{port}";
                }
            }
            catch (AggregateException)
            {
                return $"{name} does not answer on 127.0.0.1:{port}";
            }
        }

        return null;
    }
}
