
namespace Billing.Core.Dunning;

/// <summary>Where a <see cref="DunningEmail"/> stands.</summary>
public enum DunningEmailStatus
{
    /// <summary>Its notices are claimed and the email may or may not have reached the provider: whoever completes it
    /// sends it (again) under the same message id, which the sender refuses a second time.</summary>
    Pending,

    /// <summary>The provider accepted it; completing it only marks its notices sent.</summary>
    Sent,

    /// <summary>Every notice it listed stopped being due (paid, disputed, paused) before it was sent; it is never sent.</summary>
    Withdrawn,
}
