using System.Globalization;
using Billing.Cli.Output;
using Billing.Core.Dunning;
using Billing.Core.Ingestion;
using Billing.Core.Invoicing;
using Billing.Core.Matching;
using Billing.Core.Monetary;

namespace Billing.Cli.Demo;

/// <summary>What the demo's bank files and dunning runs did: the ingestion reports added up, and the dunning ladder.</summary>
public sealed class DemoReconciliation
{
    private readonly List<BankFileIngestionReport> _reports = [];

    public string StatementsFolder { get; init; } = "";

    public IReadOnlyList<BankFileIngestionReport> Reports => _reports;

    public int FilesWritten { get; set; }

    public int Processed => _reports.Count(r => r.Outcome == IngestionOutcome.Processed);

    public int Duplicates => _reports.Count(r => r.Outcome == IngestionOutcome.Duplicate);

    public IReadOnlyList<string> Quarantined => _reports.Where(r => r.Outcome == IngestionOutcome.Quarantined).Select(r => $"{r.FileName}: {r.Error}").ToList();

    public int DunningDaysBlocked { get; set; }

    public string? DunningBlockedReason { get; set; }

    /// <summary>Positive credit balances per currency at the end (overpayments kept for the next invoice).</summary>
    public IReadOnlyList<Money> CreditBalances { get; set; } = [];

    public int AccountsInCredit { get; set; }

    /// <summary>Sent notices of the run.</summary>
    public IReadOnlyList<DunningNoticeView> Notices { get; set; } = [];

    /// <summary>Invoices paid after a notice: the invoice and the template of the last notice sent before it was paid.</summary>
    public IReadOnlyList<(Invoice Invoice, DunningNoticeView Notice)> PaidAfterNotice { get; set; } = [];

    public string? AfterFirstNoticeAccount { get; set; }

    public void Add(BankFileIngestionReport report) => _reports.Add(report);

    /// <summary>Count of entries with the outcome (or rule) <paramref name="name"/> in the processed files.</summary>
    public int Count(string name, bool byRule) =>
        _reports.Where(r => r.Outcome == IngestionOutcome.Processed).SelectMany(r => byRule ? r.ByRule : r.ByOutcome)
            .Where(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)).Sum(t => t.Count);

    public IEnumerable<string> RuleNames =>
        _reports.SelectMany(r => r.ByRule).Select(t => t.Name).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);

    public void Print(CliConsole console, string dataRoot)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.WriteLine();
        console.WriteLine($"Bank statements: wrote {FilesWritten} files into {StatementsFolder} (camt.053 for EUR, MT940 for CHF/GBP/SEK, BAI2 for USD).");
        console.WriteLine($"Reconciliation: {Processed} files ingested, {Duplicates} duplicate upload{(Duplicates == 1 ? "" : "s")} refused, {Quarantined.Count} quarantined.");
        foreach (var line in Quarantined)
        {
            console.WriteLine($"  quarantined: {line}");
        }

        var rows = new List<IReadOnlyList<string>>();
        foreach (var rule in RuleNames)
        {
            rows.Add([$"applied by {RuleText(rule)}", Text(Count(rule, byRule: true))]);
        }

        rows.Add(["applied (total)", Text(Count(nameof(EntryOutcome.Applied), byRule: false))]);
        rows.Add(["parked in suspense", Text(Count(nameof(EntryOutcome.Parked), byRule: false) + Count(nameof(EntryOutcome.ReturnParked), byRule: false))]);
        rows.Add(["returned by the bank", Text(Count(nameof(EntryOutcome.Returned), byRule: false))]);
        rows.Add(["accounts with a credit balance", Text(AccountsInCredit) + (CreditBalances.Count > 0 ? $" ({string.Join(", ", CreditBalances.Select(m => m.ToDecimalString() + " " + m.Currency.Code))})" : "")]);
        console.WriteTable(["Payments", "Count"], rows, "Reconciliation (all files ingested by this demo)");
        console.WriteLine($"  parked payments wait for a person: billing suspense list --data {dataRoot}");
        if (DunningDaysBlocked > 0)
        {
            console.WriteLine($"  dunning was blocked on {DunningDaysBlocked} days: {DunningBlockedReason}");
        }

        console.WriteLine();
        var stages = Notices.GroupBy(n => (n.Stage, n.Template)).OrderBy(g => g.Key.Stage)
            .Select(g => (IReadOnlyList<string>)[g.Key.Stage.ToString(CultureInfo.InvariantCulture), g.Key.Template, Text(g.Count()), Text(g.Select(n => n.AccountId).Distinct().Count()),
                Text(PaidAfterNotice.Count(p => p.Notice.Template == g.Key.Template))])
            .ToList();
        console.WriteTable(["Stage", "Notice", "Sent", "Accounts", "Paid after it"], stages, "Dunning ladder (notices sent over the simulated months)");
        if (AfterFirstNoticeAccount is { } account && PaidAfterNotice.FirstOrDefault(p => p.Invoice.AccountId == account) is { Invoice: { } invoice } paid)
        {
            console.WriteLine($"  {account} ({invoice.Buyer.LegalName}) ignored the reminder and paid {invoice.Number} on {invoice.PaidDate:yyyy-MM-dd}, after the {paid.Notice.Template} of {paid.Notice.RunDate:yyyy-MM-dd}.");
        }

        foreach (var group in PaidAfterNotice.Where(p => p.Invoice.AccountId != AfterFirstNoticeAccount).GroupBy(p => p.Notice.Template).OrderBy(g => g.Min(p => p.Notice.Stage)))
        {
            var accounts = group.Select(p => p.Invoice.AccountId).Distinct().Order(StringComparer.Ordinal).ToList();
            console.WriteLine($"  paid after the {group.Key}: {string.Join(", ", accounts.Take(5))}{(accounts.Count > 5 ? $" and {accounts.Count - 5} more" : "")}");
        }

        console.WriteLine($"  list the notices: billing dunning list --data {dataRoot}");
    }

    private static readonly Dictionary<string, string> s_ruleTexts = new(StringComparer.OrdinalIgnoreCase)
    {
        [nameof(MatchRule.CreditorReference)] = "RF creditor reference",
        [nameof(MatchRule.InvoiceNumber)] = "invoice number in the text",
        [nameof(MatchRule.EndToEndId)] = "end-to-end id",
        [nameof(MatchRule.PayerIbanAndAmount)] = "payer IBAN and amount",
        [nameof(MatchRule.Manual)] = "a person's decision",
    };

    private static string RuleText(string rule) => s_ruleTexts.GetValueOrDefault(rule, rule);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
