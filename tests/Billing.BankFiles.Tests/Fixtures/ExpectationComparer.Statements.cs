using System.Globalization;
using System.Text.Json;

namespace Billing.BankFiles.Tests.Fixtures;

/// <summary>Statement, entry, structured-details, file-level balance and NACHA comparisons.</summary>
public sealed partial class ExpectationComparer
{
    private void CompareStatement(string path, JsonElement expected, JsonElement actual)
    {
        foreach (var p in expected.EnumerateObject())
        {
            var at = $"{path}.{p.Name}";
            switch (p.Name)
            {
                case "index" or "entries_are_subset":
                    break;
                case "entries":
                    var subset = expected.TryGetProperty("entries_are_subset", out var s) && s.GetBoolean();
                    CompareList(at, p.Value, actual.GetProperty("entries"), subset, (ep, e, a) => CompareEntry(ep, e, a, actual));
                    break;
                case "statement_number":
                    var number = Str(actual, "statement_number");
                    var withSequence = number + "/" + Str(actual, "sequence_number");
                    if (!SameText(p.Value.GetString(), number) && p.Value.GetString() != withSequence)
                    {
                        Fail(at, $"expected \"{p.Value.GetString()}\", found \"{number}\" (sequence \"{Str(actual, "sequence_number")}\")");
                    }

                    break;
                case "balances":
                    CompareList(at, p.Value, actual.GetProperty("balances"), false, CompareObject);
                    break;
                case "credit_bookings":
                    var credits = actual.GetProperty("entries").EnumerateArray().Where(e => Str(e, "credit_debit") == "CRDT").ToList();
                    CompareList(at, p.Value, JsonSerializer.SerializeToElement(credits), false, (ep, e, a) => CompareEntry(ep, e, a, actual));
                    break;
                default:
                    CompareValue(at, p.Name, p.Value, actual);
                    break;
            }
        }
    }

    private void CompareEntry(string path, JsonElement expected, JsonElement actual, JsonElement statement)
    {
        foreach (var p in expected.EnumerateObject())
        {
            var at = $"{path}.{p.Name}";
            switch (p.Name)
            {
                case "index":
                    break;
                case "transactions" or "transaction_details":
                    var indexed = p.Value.EnumerateArray().Any(t => t.TryGetProperty("index", out _));
                    CompareList(at, p.Value, actual.GetProperty("transaction_details"), indexed, CompareObject);
                    break;
                case "status" when p.Value.GetString() is "C" or "D" or "RC" or "RD" or "EC" or "ED":
                    Same(at, p.Value.GetString(), Str(actual, "mark"));
                    break;
                case "transaction_type":
                    var type = Str(actual, "transaction_type")?.Trim();
                    // mt940-rs writes non-standard codes as {"NonStandard": "426"}.
                    var peer = p.Value.ValueKind == JsonValueKind.Object ? p.Value.EnumerateObject().First().Value.GetString() : p.Value.GetString();
                    var wanted = Override(at, peer)?.Trim();
                    if (!(wanted == type || (type is { Length: > 1 } && wanted == type[1..]) || (string.IsNullOrEmpty(wanted) && string.IsNullOrEmpty(type))))
                    {
                        Fail(at, $"expected \"{wanted}\", found \"{type}\"");
                    }

                    break;
                case "details" when IsSwift:
                    var details = Str(actual, "details");
                    var info = Str(statement, "statement_info");
                    // wolph/mt940 appends a statement-level :86: (after :62F:) to the last transaction (README note).
                    // wolph/mt940 turns a structured (?xx) :86: into fields and reports no details for it.
                    var consumed = p.Value.ValueKind == JsonValueKind.Null && Str(actual, "gvc") is not null;
                    if (!consumed && !SameText(p.Value.GetString(), details) && !(info is not null && (SameText(p.Value.GetString(), details + "\n" + info) || SameText(p.Value.GetString(), info))))
                    {
                        Fail(at, $"expected \"{p.Value.GetString()}\", found \"{details}\"");
                    }

                    break;
                case "details_structured":
                    CompareStructured(at, p.Value, actual);
                    break;
                case "txdtls_count":
                    Same(at, p.Value.GetInt32().ToString(CultureInfo.InvariantCulture), actual.GetProperty("transaction_details").GetArrayLength().ToString(CultureInfo.InvariantCulture));
                    break;
                case "txdtls_count_isr":
                    var isr = actual.GetProperty("transaction_details").EnumerateArray().Count(t => Str(t, "creditor_reference") is not null);
                    Same(at, p.Value.GetInt32().ToString(CultureInfo.InvariantCulture), isr.ToString(CultureInfo.InvariantCulture));
                    break;
                case "isr_customer_number":
                    CompareText(at, p.Value.GetString(), Str(actual, "entry_reference"));
                    break;
                default:
                    CompareValue(at, p.Name, p.Value, actual);
                    break;
            }
        }
    }

    private void CompareStructured(string path, JsonElement expected, JsonElement actual)
    {
        var fields = actual.TryGetProperty("details_structured", out var f) ? f : default;
        var sepa = actual.TryGetProperty("sepa_keywords", out var k) ? k : default;
        string? Field(string key) => fields.ValueKind == JsonValueKind.Object && fields.TryGetProperty(key, out var v) ? v.GetString() : null;
        string? Sepa(string key) => sepa.ValueKind == JsonValueKind.Object && sepa.TryGetProperty(key, out var v) ? v.GetString() : null;
        foreach (var p in expected.EnumerateObject())
        {
            var value = p.Name switch
            {
                "gvc" => Str(actual, "gvc"),
                "posting_text" => Field("00"),
                "primanota" => Field("10"),
                "text_key_extension" => Field("34"),
                "counterparty_bic" => Field("30"),
                "counterparty_account" => Field("31"),
                "counterparty_name" => Field("32") + Field("33"),
                _ => Sepa(p.Name.ToUpperInvariant()),
            };
            CompareText($"{path}.{p.Name}", Override($"{path}.{p.Name}", p.Value.GetString()), value);
        }
    }

    private void CompareFileLevelBalances(JsonElement expected, JsonElement statements)
    {
        foreach (var p in expected.EnumerateObject())
        {
            var type = p.Name switch
            {
                "final_opening_balance" => "60F",
                "intermediate_opening_balance" => "60M",
                "final_closing_balance" => "62F",
                "intermediate_closing_balance" => "62M",
                "available_balance" => "64",
                _ => "65",
            };
            var last = statements.EnumerateArray().SelectMany(s => s.GetProperty("balances").EnumerateArray()).LastOrDefault(b => Str(b, "type") == type);
            if (last.ValueKind != JsonValueKind.Object)
            {
                Fail(p.Name, $"no :{type}: balance in the file");
                continue;
            }

            CompareObject($"peer_file_level_balances.{p.Name}", p.Value, last);
        }
    }

    private static string? BalanceType(string? type) => type switch
    {
        "interim" => "ITBD",
        "opening" => "OPBD",
        "closing" => "CLBD",
        "closing_available" => "CLAV",
        "forward_available" => "FWAV",
        "ITAV" => "ITBD",
        _ => type,
    };

    private void CompareAch(JsonElement expected, JsonElement actual)
    {
        foreach (var p in expected.EnumerateObject())
        {
            if (p.Name == "entries")
            {
                var returns = actual.GetProperty("entries").EnumerateArray().Where(e => Str(e, "kind") == "return").ToList();
                CompareList("ach.entries", p.Value, JsonSerializer.SerializeToElement(returns), true, CompareObject);
            }
            else
            {
                CompareValue($"ach.{p.Name}", p.Name, p.Value, actual);
            }
        }
    }
}
