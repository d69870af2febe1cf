namespace Billing.Functions.HostTests;

/// <summary>Every host test class shares one <see cref="WorkerFixture"/>: one worker process for the whole project.</summary>
[CollectionDefinition(Name)]
public sealed class WorkerCollection : ICollectionFixture<WorkerFixture>
{
    public const string Name = "worker";
}
