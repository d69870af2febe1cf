using System.Globalization;
using System.Text.Json;

namespace Billing.BankFiles.Tests.Fixtures;

/// <summary>
/// Compares a fixture's *.expected.json (schema bankfile-expected/v1) with our StatementJsonWriter output. Every
/// asserted key is checked; peer-specific key names are mapped to ours (the mapping is the table in the README:
/// MT940 customer_reference/bank_reference, camt "transactions" = TxDtls, BAI2 type_code/text, ...). Conventions:
/// amounts numerically; text via <see cref="TextExpectation"/>; null and "" are both "absent"; dates as ISO dates or
/// instants.
/// </summary>
public sealed partial class ExpectationComparer
{
    private readonly List<string> _failures = [];
    private readonly bool _sanitized;
    private readonly string _format;
    private readonly IReadOnlyDictionary<string, string?> _overrides;

    public ExpectationComparer(string format, bool sanitized, IReadOnlyDictionary<string, string?> overrides)
    {
        _format = format;
        _sanitized = sanitized;
        _overrides = overrides;
    }

    public IReadOnlyList<string> Failures => _failures;

    private bool IsSwift => _format is "mt940" or "mt942";

    public void CompareFile(JsonElement expected, JsonElement actual)
    {
        Same("format", expected.GetProperty("format").GetString(), actual.GetProperty("format").GetString());
        if (_format.StartsWith("camt", StringComparison.Ordinal) && expected.GetProperty("format_version").GetString() is { } version)
        {
            Same("format_version", version, actual.GetProperty("format_version").GetString());
        }

        var statements = actual.GetProperty("statements");
        if (expected.TryGetProperty("total_entry_count", out var total))
        {
            var sum = statements.EnumerateArray().Sum(s => s.GetProperty("entry_count").GetInt32());
            Same("total_entry_count", total.GetInt32().ToString(CultureInfo.InvariantCulture), sum.ToString(CultureInfo.InvariantCulture));
        }

        if (expected.TryGetProperty("statement_count", out var count))
        {
            Same("statement_count", count.GetInt32().ToString(CultureInfo.InvariantCulture), statements.GetArrayLength().ToString(CultureInfo.InvariantCulture));
        }

        var indexed = expected.TryGetProperty("statements_are_indexed_subset", out var subset) && subset.GetBoolean();
        if (expected.GetProperty("statements") is { ValueKind: JsonValueKind.Array } expectedStatements)
        {
            CompareList("statements", expectedStatements, statements, indexed, CompareStatement);
        }

        if (expected.TryGetProperty("bai_file", out var bai))
        {
            CompareObject("bai_file", bai, actual.GetProperty("bai_file"));
        }

        if (expected.TryGetProperty("ach", out var ach))
        {
            CompareAch(ach, actual.GetProperty("ach"));
        }

        if (expected.TryGetProperty("peer_file_level_balances", out var fileBalances))
        {
            CompareFileLevelBalances(fileBalances, statements);
        }
    }

    private void CompareList(string path, JsonElement expected, JsonElement actual, bool indexed, Action<string, JsonElement, JsonElement> compare)
    {
        var actualItems = actual.ValueKind == JsonValueKind.Array ? actual.EnumerateArray().ToList() : [];
        var k = 0;
        if (!indexed && expected.GetArrayLength() != actualItems.Count)
        {
            Fail(path, $"expected {expected.GetArrayLength()} items, found {actualItems.Count}");
            return;
        }

        foreach (var item in expected.EnumerateArray())
        {
            var index = indexed && item.TryGetProperty("index", out var i) ? i.GetInt32() : k;
            k++;
            if (index >= actualItems.Count)
            {
                Fail($"{path}[{index}]", "missing");
                continue;
            }

            if (item.ValueKind != JsonValueKind.Null)
            {
                compare($"{path}[{index}]", item, actualItems[index]);
            }
        }
    }

    private string? Override(string path, string? value) => _overrides.TryGetValue(path, out var o) ? o : value;

    private void CompareText(string path, string? expected, string? actual)
    {
        if (!SameText(expected, actual))
        {
            Fail(path, $"expected \"{expected}\", found \"{actual}\"");
        }
    }

    private bool SameText(string? expected, string? actual) => TextExpectation.Matches(expected, actual, _sanitized);

    private void Same(string path, string? expected, string? actual)
    {
        if (!string.Equals(expected ?? string.Empty, actual ?? string.Empty, StringComparison.Ordinal))
        {
            Fail(path, $"expected \"{expected}\", found \"{actual}\"");
        }
    }

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private void Fail(string path, string message) => _failures.Add($"{path}: {message}");
}
