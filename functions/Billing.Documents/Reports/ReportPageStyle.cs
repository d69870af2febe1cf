namespace Billing.Documents.Reports;

/// <summary>The inline stylesheet of every report page: system fonts only, readable tables, and a print layout.</summary>
internal static class ReportPageStyle
{
    public const string Css = """
        :root { color-scheme: light; --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --accent: #2563eb; --bad: #b91c1c; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1040px; padding: 24px 28px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
        header { border-bottom: 3px solid var(--accent); margin-bottom: 20px; padding-bottom: 8px; }
        h1 { font-size: 24px; margin: 0 0 4px; }
        h2 { font-size: 17px; margin: 0 0 10px; }
        .meta, .notes, .muted { color: var(--muted); font-size: 12px; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 10px; margin: 0 0 24px; }
        .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
        .card .label { color: var(--muted); font-size: 12px; }
        .card .value { font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums; }
        section.block { margin: 0 0 28px; break-inside: avoid; page-break-inside: avoid; }
        .badge { display: inline-block; background: #eef2ff; color: #3730a3; border-radius: 4px; padding: 0 6px; font-size: 12px; margin-left: 6px; vertical-align: middle; }
        svg.chart { width: 100%; max-width: 720px; height: auto; display: block; margin: 4px 0 12px; }
        svg.chart text { font-size: 11px; fill: #374151; font-family: inherit; }
        svg.chart text.empty { fill: var(--muted); font-size: 14px; }
        svg.chart line.grid { stroke: var(--line); }
        svg.chart line.zero { stroke: #9ca3af; }
        table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
        th, td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        th { background: #f9fafb; font-weight: 600; font-size: 12px; color: #374151; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        td.neg { color: var(--bad); }
        tr.total td { font-weight: 600; border-top: 2px solid #9ca3af; }
        td.empty { color: var(--muted); font-style: italic; }
        a { color: var(--accent); }
        ul.reports { list-style: none; padding: 0; }
        ul.reports li { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; margin-bottom: 12px; }
        section.period-close { background: #eef2ff; border-radius: 10px; padding: 4px 16px 8px; margin-bottom: 24px; }
        section.period-close ul.reports li { background: #fff; border-color: #a5b4fc; border-width: 2px; }
        @media print {
          body { max-width: none; padding: 0; font-size: 11px; }
          header { border-bottom-width: 1px; }
          .card { border-color: #999; }
          a { color: inherit; text-decoration: none; }
          section.block, .cards, tr { break-inside: avoid; page-break-inside: avoid; }
          h2 { break-after: avoid; page-break-after: avoid; }
          svg.chart { max-width: 100%; }
        }
        """;
}
