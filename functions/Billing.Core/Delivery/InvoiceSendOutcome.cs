namespace Billing.Core.Delivery;

/// <summary>What <see cref="InvoiceMailer.SendAsync"/> did: one of a closed set of outcomes.</summary>
public abstract record InvoiceSendOutcome
{
    private InvoiceSendOutcome()
    {
    }

    /// <summary>The email was sent now.</summary>
    public sealed record Sent : InvoiceSendOutcome
    {
        public static readonly Sent Instance = new();
    }

    /// <summary>Nothing to do: it was sent before (or the invoice is void).</summary>
    public sealed record NothingToDo : InvoiceSendOutcome
    {
        public static readonly NothingToDo Instance = new();
    }

    /// <summary>Another worker holds a live claim; come back at <paramref name="RetryAt"/>, when its lease ends.</summary>
    public sealed record Deferred(DateTimeOffset RetryAt) : InvoiceSendOutcome;

    /// <summary>Internal step: this worker claimed it and is sending.</summary>
    internal sealed record Claimed : InvoiceSendOutcome
    {
        public static readonly Claimed Instance = new();
    }
}
