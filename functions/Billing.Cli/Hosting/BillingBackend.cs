namespace Billing.Cli.Hosting;

/// <summary>Which adapters the CLI runs on.</summary>
public enum BillingBackend
{
    /// <summary>The embedded default: SQLite, folders, in-process queues, .eml outbox.</summary>
    Local,

    /// <summary>The Azure adapters (Cosmos DB, Blob Storage, Storage queues, Service Bus, SendGrid).</summary>
    Azure,
}
