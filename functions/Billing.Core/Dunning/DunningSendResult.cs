namespace Billing.Core.Dunning;

/// <summary>What handling one <see cref="DunningNoticeMessage"/> did: the notices sent in one email (with its message
/// id), and the items it sent nothing for, with the reason.</summary>
public sealed record DunningSendResult(IReadOnlyList<string> SentNoticeIds, string? MessageId, IReadOnlyList<DunningRunSkip> Skipped);
