namespace Billing.Core.Catalog;

/// <summary>How often a plan is billed; every interval is a whole number of calendar months.</summary>
public enum BillingInterval
{
    Monthly = 1,
    Quarterly = 3,
    Yearly = 12,
}
