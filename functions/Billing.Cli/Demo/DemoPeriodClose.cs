namespace Billing.Cli.Demo;

/// <summary>A period-close report the demo published: its period (<c>2026-03</c>, <c>2026-Q1</c>), report name and page.</summary>
/// <param name="Path">The page's path in <paramref name="Container"/>, e.g. <c>2026-03-31/close-quarter.html</c>.</param>
public sealed record DemoPeriodClose(string Label, string Report, string Container, string Path);
