using System.Globalization;
using Billing.Cli.Output;
using Billing.Core.Invoicing;
using Billing.Core.Monetary;
using Billing.Core.Reporting;
using Billing.Local;

namespace Billing.Cli.Demo;

/// <summary>What a demo run did, and where to look at it; <see cref="Print"/> writes it for a person.</summary>
/// <param name="ReportsIndex">The file of the reports' <c>index.html</c> as of the last simulated day, when one was written.</param>
public sealed record DemoReport(
    LocalDataDirectory Data, DemoOptions Options, bool SellerWritten, DemoSnapshot Before, DemoSnapshot After, DemoTimings Timings, string InvoicesContainer,
    string? ReportsIndex)
{
    /// <summary>The bank files and dunning of the run (null for a bill-only demo).</summary>
    public DemoReconciliation? Reconciliation { get; init; }

    public string BankFilesContainer { get; init; } = "bank-files";

    public string BankArchiveContainer { get; init; } = "bank-archive";

    /// <summary>The period-close reports the run published (month, quarter, year), oldest first.</summary>
    public IReadOnlyList<DemoPeriodClose> PeriodCloses { get; init; } = [];

    public IReadOnlyList<Invoice> NewInvoices { get; } = After.Invoices.Where(i => !Before.InvoiceIds.Contains(i.Id)).ToList();

    public int NewEmails => After.Emails - Before.Emails;

    public int NewEvents => After.Events - Before.Events;

    public void Print(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var created = NewInvoices;
        var creditNotes = created.Count(i => i.IsCreditNote);
        console.WriteLine();
        if (created.Count == 0 && NewEmails == 0 && NewEvents == 0)
        {
            console.WriteLine($"Nothing new: {Data.Root} already held this demo; the replay changed nothing ({After.Invoices.Count} invoices in total).");
        }
        else
        {
            console.WriteLine($"Issued {created.Count - creditNotes} invoices and {creditNotes} credit notes; wrote {NewEmails} emails and {NewEvents} events.");
        }

        console.WriteTable(
            ["Currency", "Invoices", "Credit notes", "Net", "VAT", "Gross"],
            After.Invoices.Where(i => i.Number is not null).GroupBy(i => i.Currency.Code).OrderBy(g => g.Key, StringComparer.Ordinal).Select(Row),
            "Totals per currency (all invoices in the data folder)");
        Reconciliation?.Print(console, Data.Root);
        var bankRows = Reconciliation is null
            ? new List<IReadOnlyList<string>>()
            :
            [
                ["bank files (writing)", Seconds(Timings.BankFiles)],
                ["ingestion", Seconds(Timings.Ingestion)],
                ["dunning", Seconds(Timings.Dunning)],
            ];
        console.WriteTable(
            ["Stage", "Seconds"],
            [
                ["import", Seconds(Timings.Import)],
                ["scheduling", Seconds(Timings.Scheduling)],
                ["billing (incl. rendering)", Seconds(Timings.Billing)],
                ["  rendering (summed over workers)", Seconds(Timings.Rendering)],
                ["sending", Seconds(Timings.Sending)],
                .. bankRows,
                ["reports", Seconds(Timings.Reports)],
                ["total", Seconds(Timings.Total)],
            ],
            $"Timings ({Options.Accounts} accounts, {Options.Months} months)");
        console.WriteLine();
        console.WriteLine("Where to look:");
        console.WriteLine($"  PDF invoices      {Path.Combine(Data.BlobContainer(InvoicesContainer), "<account>", "<number>.pdf")}");
        console.WriteLine($"  UBL e-invoices    {Path.Combine(Data.BlobContainer(InvoicesContainer), "<account>", "<number>.xml")}");
        if (ReportsIndex is not null)
        {
            console.WriteLine($"  reports           {ReportsIndex}");
        }

        foreach (var (report, label) in CloseLines)
        {
            foreach (var close in PeriodCloses.Where(c => c.Report == report))
            {
                console.WriteLine($"  {label,-17} {Data.BlobFile(close.Container, close.Path)} ({close.Label})");
            }
        }

        if (Reconciliation is not null)
        {
            console.WriteLine($"  bank statements   {Reconciliation.StatementsFolder}");
            console.WriteLine($"  ingested files    {Path.Combine(Data.BlobContainer(BankArchiveContainer), "processed")} (refused: {BankFilesContainer}/duplicates/, malformed: {BankFilesContainer}/quarantine/)");
            console.WriteLine($"  suspense          billing suspense list --data {Data.Root}");
        }

        console.WriteLine($"  emails (.eml)     {Data.Outbox}");
        console.WriteLine($"  events            {Data.Events}");
        console.WriteLine($"  documents, queues {Data.Database}");
        console.WriteLine($"  settings (seller) {Data.Settings}{(SellerWritten ? " (written by this demo)" : "")}");
        console.WriteLine($"  list invoices     billing invoices list --data {Data.Root}");
    }

    /// <summary>The period closes in the order "Where to look" names them: the quarter first, what a manager opens first.</summary>
    private static readonly (string Report, string Label)[] CloseLines =
        [(ReportNames.YearClose, "year close"), (ReportNames.QuarterClose, "quarter close"), (ReportNames.MonthClose, "month close")];

    private static IReadOnlyList<string> Row(IGrouping<string, Invoice> invoices)
    {
        var currency = Currency.FromCode(invoices.Key);
        string Sum(Func<Invoice, Money> amount) => Money.Sum(invoices.Select(amount), currency).ToDecimalString();
        return
        [
            invoices.Key,
            invoices.Count(i => !i.IsCreditNote).ToString(CultureInfo.InvariantCulture),
            invoices.Count(i => i.IsCreditNote).ToString(CultureInfo.InvariantCulture),
            Sum(i => i.NetTotal),
            Sum(i => i.VatTotal),
            Sum(i => i.GrossTotal),
        ];
    }

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);
}
