using System.Globalization;
using System.Net;
using System.Text;
using Billing.Core.Reporting;

namespace Billing.Documents.Reports;

/// <summary>
/// Draws a <see cref="ReportChart"/> as inline SVG (no script, no font or file from elsewhere): bars for buckets and
/// categories, lines for trends, a centred funnel for stages. Coordinates are written with invariant digits, so the
/// same chart gives the same markup. A chart whose values are all zero says so instead of drawing empty axes.
/// </summary>
public static class SvgChart
{
    private const int Width = 720;
    private const int Height = 280;
    private const int Left = 64;
    private const int Right = 16;
    private const int Top = 28;
    private const int Bottom = 52;
    private static readonly string[] s_palette = ["#2563eb", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6", "#0ea5e9"];

    public static string Render(ReportChart chart, string title)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Encode(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Encode(title)}</title>");
        if (chart.Series.All(s => s.Values.All(v => v == 0m)) || chart.Categories.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"empty\" x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\">No amounts to chart</text></svg>");
            return svg.ToString();
        }

        switch (chart.Kind)
        {
            case ChartKind.Funnel:
                Funnel(svg, chart);
                break;
            case ChartKind.Lines:
                Axes(svg, chart, out var scale);
                Lines(svg, chart, scale);
                break;
            default:
                Axes(svg, chart, out var barScale);
                Bars(svg, chart, barScale);
                break;
        }

        Legend(svg, chart);
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Axes(StringBuilder svg, ReportChart chart, out Scale scale)
    {
        var values = chart.Series.SelectMany(s => s.Values).ToList();
        scale = Scale.For(Math.Min(0m, values.Min()), Math.Max(0m, values.Max()));
        svg.Append("<g class=\"axis\">");
        for (var tick = scale.Min; tick <= scale.Max; tick += scale.Step)
        {
            var y = scale.Y(tick);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(y)}\" y2=\"{F(y)}\" class=\"{(tick == 0m ? "zero" : "grid")}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{Encode(CurrencyDisplay.Compact(tick))}</text>");
        }

        var slot = Slot(chart);
        var every = Math.Max(1, (int)Math.Ceiling(chart.Categories.Count / 12.0));
        for (var i = 0; i < chart.Categories.Count; i += every)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Left + (slot * (i + 0.5)))}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{Encode(chart.Categories[i])}</text>");
        }

        svg.Append("</g>");
    }

    private static void Bars(StringBuilder svg, ReportChart chart, Scale scale)
    {
        var slot = Slot(chart);
        var group = slot * 0.7;
        var bar = group / chart.Series.Count;
        for (var s = 0; s < chart.Series.Count; s++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"series\" fill=\"{s_palette[s % s_palette.Length]}\">");
            var values = chart.Series[s].Values;
            for (var i = 0; i < values.Count && i < chart.Categories.Count; i++)
            {
                var x = Left + (slot * i) + ((slot - group) / 2) + (bar * s);
                var y0 = scale.Y(0m);
                var y1 = scale.Y(values[i]);
                var top = Math.Min(y0, y1);
                var height = Math.Max(Math.Abs(y1 - y0), values[i] == 0m ? 0 : 1);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{F(top)}\" width=\"{F(bar - 2)}\" height=\"{F(height)}\" rx=\"2\"><title>{Encode($"{chart.Categories[i]}: {CurrencyDisplay.Number(values[i].ToString(CultureInfo.InvariantCulture), 2)}")}</title></rect>");
                if (chart.Series.Count == 1 && values[i] != 0m)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{F(x + ((bar - 2) / 2))}\" y=\"{F(top - 4)}\" text-anchor=\"middle\">{Encode(CurrencyDisplay.Compact(values[i]))}</text>");
                }
            }

            svg.Append("</g>");
        }
    }

    private static void Lines(StringBuilder svg, ReportChart chart, Scale scale)
    {
        var slot = Slot(chart);
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var colour = s_palette[s % s_palette.Length];
            var points = chart.Series[s].Values.Take(chart.Categories.Count)
                .Select((v, i) => (X: Left + (slot * (i + 0.5)), Y: scale.Y(v))).ToList();
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"series\"><polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\" points=\"{string.Join(' ', points.Select(p => $"{F(p.X)},{F(p.Y)}"))}\"/>");
            foreach (var (x, y) in points)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"3.5\" fill=\"{colour}\"/>");
            }

            svg.Append("</g>");
        }
    }

    private static void Funnel(StringBuilder svg, ReportChart chart)
    {
        var values = chart.Series[0].Values;
        var max = values.Max();
        var band = (double)(Height - Top - 12) / chart.Categories.Count;
        var full = Width - 260.0;
        for (var i = 0; i < chart.Categories.Count && i < values.Count; i++)
        {
            var width = max == 0m ? 0 : Math.Max(2, full * (double)(values[i] / max));
            var x = 180 + ((full - width) / 2);
            var y = Top + (band * i);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(width)}\" height=\"{F(band - 6)}\" rx=\"3\" fill=\"{s_palette[i % s_palette.Length]}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"172\" y=\"{F(y + (band / 2))}\" text-anchor=\"end\">{Encode(chart.Categories[i])}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + width + 8)}\" y=\"{F(y + (band / 2))}\">{Encode(CurrencyDisplay.Number(values[i].ToString(CultureInfo.InvariantCulture)))}</text>");
        }
    }

    private static void Legend(StringBuilder svg, ReportChart chart)
    {
        if (chart.Series.Count < 2)
        {
            return;
        }

        for (var s = 0; s < chart.Series.Count; s++)
        {
            var x = Left + (s * 140);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"8\" width=\"12\" height=\"12\" fill=\"{s_palette[s % s_palette.Length]}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 18}\" y=\"18\">{Encode(chart.Series[s].Name)}</text>");
        }
    }

    private static double Slot(ReportChart chart) => (double)(Width - Left - Right) / Math.Max(1, chart.Categories.Count);

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A value axis with round ticks that covers [min, max].</summary>
    private sealed record Scale(decimal Min, decimal Max, decimal Step)
    {
        public static Scale For(decimal min, decimal max)
        {
            var span = max - min;
            if (span == 0m)
            {
                span = 1m;
            }

            var raw = (double)span / 4;
            var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
            var step = (decimal)(new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw));
            return new Scale(Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
        }

        public double Y(decimal value) =>
            Top + ((double)((Max - value) / (Max - Min)) * (Height - Top - Bottom));
    }
}
