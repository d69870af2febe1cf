using Billing.Core.Invoicing;
using Billing.Core.Monetary;

namespace Billing.Core.Dunning;

/// <summary>One invoice in a dunning email: the invoice, the notice being sent for it, its stage's settings,
/// how many days it is overdue on the run date, and the late fee this stage charges (if any).</summary>
public sealed record DunningLetterLine(Invoice Invoice, DunningNotice Notice, DunningStage Stage, int DaysOverdue, Money? LateFee);
