namespace Billing.Core.Reporting;

/// <summary>A closed reporting period: a calendar month, quarter or year, both ends inclusive.</summary>
public sealed record ReportPeriod
{
    public ReportPeriod(PeriodKind kind, DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new ArgumentException($"The period ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).", nameof(end));
        }

        Kind = kind;
        Start = start;
        End = end;
    }

    public PeriodKind Kind { get; }

    public DateOnly Start { get; }

    /// <summary>The last day of the period (part of it).</summary>
    public DateOnly End { get; }

    /// <summary>A short label: <c>2026-03</c>, <c>2026-Q1</c>, <c>2026</c>.</summary>
    public string Label => Kind switch
    {
        PeriodKind.Month => $"{Start:yyyy-MM}",
        PeriodKind.Quarter => $"{Start.Year}-Q{((Start.Month - 1) / 3) + 1}",
        _ => $"{Start.Year}",
    };

    /// <summary>The report name of the period's close report.</summary>
    public string ReportName => Kind switch
    {
        PeriodKind.Month => ReportNames.MonthClose,
        PeriodKind.Quarter => ReportNames.QuarterClose,
        _ => ReportNames.YearClose,
    };

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>
    /// The periods whose close report is due on <paramref name="asOf"/>: those that ended
    /// <paramref name="delayDays"/> days before it (1 = the day after the month, quarter or year end).
    /// </summary>
    public static IReadOnlyList<ReportPeriod> ClosingOn(DateOnly asOf, int delayDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(delayDays);
        var end = asOf.AddDays(-delayDays);
        if (end.AddDays(1).Day != 1)
        {
            return [];
        }

        var month = new DateOnly(end.Year, end.Month, 1);
        var periods = new List<ReportPeriod> { new(PeriodKind.Month, month, end) };
        if (end.Month % 3 == 0)
        {
            periods.Add(new(PeriodKind.Quarter, month.AddMonths(-2), end));
        }

        if (end.Month == 12)
        {
            periods.Add(new(PeriodKind.Year, new DateOnly(end.Year, 1, 1), end));
        }

        return periods;
    }
}

public enum PeriodKind
{
    Month,
    Quarter,
    Year,
}
