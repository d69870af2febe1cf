namespace Billing.Core.Storage;

/// <summary>Where a document lives: container, partition key (the account id in <c>billing</c>) and id.</summary>
public readonly record struct DocumentKey
{
    public DocumentKey(string container, string partitionKey, string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(container);
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Container = container;
        PartitionKey = partitionKey;
        Id = id;
    }

    public string Container { get; }

    public string PartitionKey { get; }

    public string Id { get; }

    public static DocumentKey For<T>(string partitionKey, string id) where T : IDocument =>
        new(T.Container, partitionKey, id);

    public override string ToString() => $"{Container}/{PartitionKey}/{Id}";
}
