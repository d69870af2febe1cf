namespace Billing.Core.Dunning;

/// <summary>What a dunning stage does besides sending its email.</summary>
public enum DunningAction
{
    /// <summary>The email only.</summary>
    Email,

    /// <summary>The email, and a late fee charged (<see cref="DunningStage.LateFee"/>).</summary>
    LateFee,

    /// <summary>The email, and every running subscription of the account suspended from the run date on.</summary>
    Suspend,

    /// <summary>The email, then the invoice is marked uncollectible and <c>InvoiceUncollectible</c> is published.</summary>
    Collections,
}
