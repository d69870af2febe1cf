using Billing.Core.Storage;

namespace Billing.Functions.Tests.Support;

/// <summary>Async sequences of stored documents, as a substituted <see cref="IDocumentStore"/> query returns them.</summary>
public static class StoredSequences
{
    public static async IAsyncEnumerable<Stored<T>> Of<T>(params Stored<T>[] items)
    {
        foreach (var item in items)
        {
            yield return item;
        }

        await Task.CompletedTask;
    }

    public static IAsyncEnumerable<Stored<T>> Empty<T>() => Of<T>();
}
