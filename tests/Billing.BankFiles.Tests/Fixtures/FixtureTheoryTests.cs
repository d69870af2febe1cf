using System.Globalization;
using System.Text.Json;
using Billing.BankFiles.Json;

namespace Billing.BankFiles.Tests.Fixtures;

/// <summary>
/// One case per file in ../shared/fixtures/bank-files/manifest.json: the verdict (parse / error / parse-or-error)
/// and every value its *.expected.json asserts.
/// </summary>
public sealed class FixtureTheoryTests
{
    /// <summary>
    /// Where a peer's expectation contradicts the format's specification we assert the specification's answer.
    /// Keyed by file, then by the expectation path; the value replaces the peer's value.
    /// </summary>
    private static readonly Dictionary<string, Dictionary<string, string?>> _specificationAnswers = new()
    {
        // jejik-mt940 splits SEPA keywords greedily (EREF runs over KREF+/MREF+/...: the README calls that the
        // peer's behaviour, not a standard). Per the DFÜ-Abkommen each keyword's value ends at the next keyword.
        // The peer also reports no type code for "12,35 NRTI" (a space before the type code); we tolerate the space
        // and read the SWIFT type code NRTI.
        ["sandermarechal__jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/deutschebank.txt"] = new()
        {
            ["statements[0].entries[0].transaction_type"] = "NRTI",
            ["statements[0].entries[0].details_structured.eref"] = "A1.200080779.400143254.4961336 ",
            ["statements[0].entries[0].details_structured.kref"] = "SEPA-DA20200601221740-34972000-P1 ",
            ["statements[0].entries[0].details_structured.mref"] = "20852HW2723821 ",
            ["statements[0].entries[0].details_structured.cred"] = "DE41EON00000129793 ",
        },

        // jejik-mt940 reports no type code and no reference for the reversal line "2002010219RDR1027,25N068NONREF";
        // SWIFT reads RD + funds code R + amount + type N068 + reference NONREF.
        ["sandermarechal__jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/sparkasse2.txt"] = new()
        {
            ["statements[0].entries[0].transaction_type"] = "N068",
            ["statements[0].entries[0].customer_reference"] = "NONREF",
        },

        // :25: is 35x in SWIFT but this bank wrote 36 characters; wolph/mt940 cuts at 35. We keep what the bank
        // wrote rather than silently losing the account's last character.
        ["wolph__mt940/mt940_tests/self-provided/multiline.sta"] = new()
        {
            ["statements[0].account"] = "BILLLULLXXX/\"NUMERO DE COMPTE IBAN 2\"",

            // ?60-?63 continue the purpose text (Verwendungszweck 11-14) in the DFÜ-Abkommen; wolph/mt940 stops at ?29.
            ["statements[0].entries[0].remittance_info"] = "LIGNE111111111111111111111X12345678LIGNE222222222222222222222X12345678LIGNE333333333333333333333X12345678LIGNE444444444444444444444X12345678LIGNE555555555555555555555X12345678/CHGS/EUR0,5/LIGNE777777777777777777777X12345678LIGNE888888888888888888888X12345678LIGNE999999999999999999999X12345678LIGNE101010101010101010101X12345678NOM ET ADRESSE DO / BENEF 112345678NOM ET ADRESSE DO / BENEF 212345678NOM ET ADRESSE DO / BENEF 312345678NOM ET ADRESSE DO / BENEF 412345678",
        },
    };

    public static TheoryData<string> Files() => FixtureCatalog.Paths();

    [Theory]
    [MemberData(nameof(Files))]
    public void Fixture_ParsesToItsExpectation(string path)
    {
        using var expectedDocument = JsonDocument.Parse(FixtureCatalog.Read(path + ".expected.json"));
        var expected = expectedDocument.RootElement;
        var verdict = expected.GetProperty("expect").GetString();
        BankFile? file = null;
        BankFileFormatException? error = null;
        try
        {
            file = BankFileReader.Read(new MemoryStream(FixtureCatalog.Read(path)));
        }
        catch (BankFileFormatException ex)
        {
            error = ex;
        }

        // knab_broken.sta: "A lenient parser may instead parse it; if so it must not crash. Treat as error or
        // documented recovery" (notes are part of the expectation). We recover: SWIFT requires the decimal comma in
        // "C500NTRF", but the same bytes are also wolph__mt940/.../knab.sta, which must parse.
        var notes = string.Join(" ", expected.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        var recovered = verdict == "error" && notes.Contains("A lenient parser may instead parse it", StringComparison.Ordinal);
        if (recovered)
        {
            verdict = "parse-or-error";
        }

        if (verdict == "error")
        {
            Assert.True(error is not null, $"{path}: expected a BankFileFormatException, but it parsed");
            return;
        }

        if (verdict == "parse-or-error" && error is not null)
        {
            return;
        }

        Assert.True(error is null, $"{path}: {error?.Message}");
        if (recovered)
        {
            // The peer gives no values for a recovery; the parse must still have found the statements.
            Assert.NotEmpty(file!.Statements);
            return;
        }

        using var actualDocument = JsonDocument.Parse(StatementJsonWriter.ToJson(file!));
        var format = expected.GetProperty("format").GetString()!;
        var sanitized = expected.GetProperty("edge_cases").EnumerateArray().Any(e => e.GetString() == "needs-sanitize");
        var comparer = new ExpectationComparer(format, sanitized, _specificationAnswers.GetValueOrDefault(path) ?? []);
        if (format == "csv")
        {
            CompareCsv(comparer, expected, actualDocument.RootElement, path);
            return;
        }

        comparer.CompareFile(expected, actualDocument.RootElement);
        Assert.True(comparer.Failures.Count == 0, $"{path}:\n" + string.Join("\n", comparer.Failures));
    }

    /// <summary>
    /// The CSV expectations are Banana's import result: rows sorted ascending by date (the bank file is newest
    /// first) and descriptions built by the importer, some title-cased. The README names the portable checks: row
    /// count, per-row dates and signed amounts, and their sum; descriptions are checked as contained text
    /// (case-insensitive), and Banana's "reference" column is its own choice and is not compared.
    /// </summary>
    private static void CompareCsv(ExpectationComparer comparer, JsonElement expected, JsonElement actual, string path)
    {
        _ = comparer;
        var failures = new List<string>();
        var statement = actual.GetProperty("statements")[0];
        var entries = statement.GetProperty("entries").EnumerateArray().ToList();
        var wanted = expected.GetProperty("statements")[0];
        Assert.Equal(wanted.GetProperty("entry_count").GetInt32(), entries.Count);
        Assert.Equal(decimal.Parse(wanted.GetProperty("entries_sum").GetString()!, CultureInfo.InvariantCulture), decimal.Parse(statement.GetProperty("entries_sum").GetString()!, CultureInfo.InvariantCulture));
        var unmatched = entries.ToList();
        foreach (var e in wanted.GetProperty("entries").EnumerateArray())
        {
            var amount = decimal.Parse(e.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture);
            var date = e.GetProperty("booking_date").GetString();
            var description = TextExpectation.Squeeze(e.GetProperty("description").GetString()).ToUpperInvariant();
            var match = unmatched.FirstOrDefault(a =>
                decimal.Parse(a.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture) == amount
                && a.GetProperty("booking_date").GetString() == date
                && (!e.TryGetProperty("value_date", out var v) || a.GetProperty("value_date").GetString() == v.GetString())
                && TextExpectation.Squeeze(a.GetProperty("remittance_info").GetString()).ToUpperInvariant().Contains(description, StringComparison.Ordinal));
            if (match.ValueKind == JsonValueKind.Undefined)
            {
                failures.Add($"no entry {date} {amount} \"{e.GetProperty("description").GetString()}\"");
            }
            else
            {
                unmatched.Remove(match);
            }
        }

        Assert.True(failures.Count == 0, $"{path}:\n" + string.Join("\n", failures));
    }
}
