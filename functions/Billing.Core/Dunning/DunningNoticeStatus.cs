
namespace Billing.Core.Dunning;

/// <summary>Where a <see cref="DunningNotice"/> stands.</summary>
public enum DunningNoticeStatus
{
    /// <summary>Created by a sender that is about to send it; not known to be sent yet.</summary>
    Claimed,

    /// <summary>The email was accepted by the provider; never sent again.</summary>
    Sent,

    /// <summary>A lower stage passed over because a run reached a higher one first; never sent.</summary>
    Skipped,

    /// <summary>Claimed, then found not to be due any more (paid, disputed, paused) before it was sent; may be claimed again.</summary>
    Withdrawn,
}
