using System.ComponentModel.DataAnnotations;

namespace Billing.Core.Reporting;

/// <summary>How the reports are computed (configuration section <c>Reports</c>).</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>Days after a month, quarter or year ends that its close report is written (1 = the next day).</summary>
    [Range(0, 366)]
    public int PeriodCloseDelayDays { get; set; } = 1;

    /// <summary>How many debtors, parked payments and credit balances the lists show.</summary>
    [Range(0, 1000)]
    public int TopCount { get; set; } = 10;

    /// <summary>How many months (the as-of month included) the revenue and cash trends cover.</summary>
    [Range(1, 120)]
    public int TrendMonths { get; set; } = 12;

    /// <summary>The window of billed revenue DSO is measured against, in days.</summary>
    [Range(1, 366)]
    public int DsoWindowDays { get; set; } = 90;
}
