using Billing.Core.Storage;
using Billing.Testing;
using Billing.Testing.Contracts;

namespace Billing.Core.Tests.Fakes;

/// <summary>
/// The document-store contract against <see cref="InMemoryDocumentStore"/>, the fake most of Core's tests run on: a test
/// that passes on the fake then holds on SQLite and Cosmos DB too, because all three keep the same promises.
/// </summary>
public sealed class InMemoryDocumentStoreContractTests : DocumentStoreContract
{
    protected override IDocumentStore Store { get; } = new InMemoryDocumentStore();
}
