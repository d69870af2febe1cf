namespace Billing.Core.Reporting;

/// <summary>
/// What a snapshot says, and nothing else: no id, version or wall-clock time, so computing the same report for
/// the same date from the same data gives equal content and an equal <see cref="ReportSnapshot.ContentHash"/>.
/// Every list is in a stable order and every number an invariant decimal string.
/// </summary>
public sealed record ReportContent
{
    public required string Report { get; init; }

    /// <summary>The date the figures are as of (inclusive); for a period report, the period's last day.</summary>
    public required DateOnly AsOf { get; init; }

    public required string Title { get; init; }

    /// <summary>For a period report, the period it covers.</summary>
    public ReportPeriod? Period { get; init; }

    /// <summary>The figures a manager (or the CLI) reads first.</summary>
    public required IReadOnlyList<KeyFigure> Summary { get; init; }

    public required IReadOnlyList<ReportSection> Sections { get; init; }

    /// <summary>How the figures are defined (formulas, what is included), printed under the report.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>
/// A headline figure. <see cref="Key"/> is stable (e.g. <c>open.EUR</c>) so a later snapshot can compare with it;
/// <see cref="Value"/> is an invariant decimal string, an amount when <see cref="Currency"/> is set.
/// </summary>
public sealed record KeyFigure(string Key, string Label, string Value, string? Currency = null, FigureKind Kind = FigureKind.Amount);

/// <summary>How a figure or a table column is read and formatted.</summary>
public enum FigureKind
{
    Text,
    Amount,
    Count,
    Percent,
    Days,
    Date,
}

/// <summary>One block of a report: a table, optionally a chart of it, in at most one currency.</summary>
public sealed record ReportSection
{
    public required string Title { get; init; }

    /// <summary>The ISO 4217 code of every amount in the section; null when it holds no amounts.</summary>
    public string? Currency { get; init; }

    public ReportChart? Chart { get; init; }

    public required ReportTable Table { get; init; }
}

/// <summary>Columns and rows of cells; a cell is text or an invariant decimal string, read by its column's kind.</summary>
public sealed record ReportTable(IReadOnlyList<ReportColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

public sealed record ReportColumn(string Name, FigureKind Kind);

/// <summary>A chart of a section: one value per category and series (bars for buckets, lines for trends, a funnel for stages).</summary>
public sealed record ReportChart(ChartKind Kind, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series);

public sealed record ChartSeries(string Name, IReadOnlyList<decimal> Values);

public enum ChartKind
{
    Bars,
    Lines,
    Funnel,
}
