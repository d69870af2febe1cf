using Billing.Core.Storage;

namespace Billing.Core.Dunning;

/// <summary>
/// Dunning is paused for an account (container <c>billing</c>, partition = account id, id <c>dunning-pause</c>):
/// no notice is sent on any day up to and including <see cref="Until"/>, or at all while <see cref="Until"/> is
/// null. Kept apart from the account so re-importing accounts does not lift a pause; resuming deletes it.
/// </summary>
public sealed record DunningPause : IDocument
{
    public const string DocumentId = "dunning-pause";

    public static string DocumentType => "dunningPause";

    public static string Container => Containers.Billing;

    public required string AccountId { get; init; }

    public required DateTimeOffset PausedAt { get; init; }

    /// <summary>The last paused day (inclusive), or null for "until resumed".</summary>
    public DateOnly? Until { get; init; }

    public bool IsActiveOn(DateOnly date) => Until is null || date <= Until;
}
