using Billing.Core.Invoicing;
using Billing.Core.Monetary;

namespace Billing.Core.Dunning;

/// <summary>One invoice in a dunning email: the invoice, the notice being sent for it, its stage's settings, and
/// how many days it is overdue on the run date.</summary>
public sealed record DunningLetterLine(Invoice Invoice, DunningNotice Notice, DunningStage Stage, int DaysOverdue)
{
    /// <summary>The late fee this stage charges on the invoice, fixed when the notice was claimed; null when it charges none.</summary>
    public Money? LateFee => Notice.LateFee;
}
