using System.Globalization;
using System.Numerics;
using System.Text;
using Billing.Core.Accounts;
using Billing.Core.Catalog;
using Billing.Core.Dunning;
using Billing.Core.Invoicing;

namespace Billing.Cli.Demo;

/// <summary>
/// The demo's bank: decides from the seed how each customer pays (<see cref="DemoPayerRole"/>), books the payments
/// as the invoices appear, and writes the statement files the bank would send into <c>&lt;data&gt;/bank-statements/</c>:
/// a camt.053 for the EUR account every business day, on Fridays an MT940 for each of the CHF, GBP and SEK accounts
/// and a BAI2 file for the US account. Everything follows from the seed and the invoices (and, for the customer who
/// waits for the first notice, from the notices), so a replay writes the same files byte for byte.
/// </summary>
public sealed class DemoBank
{
    public const string Folder = "bank-statements";
    private const string UnknownPayer = "Max Mustermann";
    private static readonly string[] s_unknownTexts = ["Spende Sommerfest", "Erstattung Auslagen", "Miete Stellplatz 14", "Danke fuer alles"];

    private readonly int _seed;
    private readonly Dictionary<string, Payer> _payers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Invoice>> _twoInOneWaiting = new(StringComparer.Ordinal);
    private readonly SortedDictionary<DateOnly, List<Credit>> _booked = [];
    private readonly Dictionary<string, decimal> _balances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateOnly> _lastStatement = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _statementNumbers = new(StringComparer.Ordinal);

    public DemoBank(string dataRoot, AccountImportFile file, DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        Directory = Path.Combine(dataRoot, Folder);
        _seed = options.Seed;
        AssignRoles(file, options);
        var unknownDay = NextBusinessDay(options.Start.AddDays(9));
        var random = new Random(_seed + 17);
        Book(new Credit("EUR", unknownDay, Math.Round(50m + (random.Next(1, 40_000) / 100m), 2), UnknownPayer, PayerIban("unknown"),
            s_unknownTexts[random.Next(s_unknownTexts.Length)], null, $"E2E-UNKNOWN-{unknownDay:yyyyMMdd}", null));
    }

    /// <summary>The folder the statement files are written to.</summary>
    public string Directory { get; }

    /// <summary>The role of each account, for the summary.</summary>
    public IReadOnlyDictionary<string, DemoPayerRole> Roles => _payers.ToDictionary(p => p.Key, p => p.Value.Role, StringComparer.Ordinal);

    /// <summary>The account that pays only after the first notice, if the demo has one.</summary>
    public string? AfterFirstNoticeAccount => _payers.Where(p => p.Value.Role == DemoPayerRole.AfterFirstNotice).Select(p => p.Key).FirstOrDefault();

    /// <summary>Books the payments of invoices the bank has not seen yet (credit notes and zero invoices are not paid).</summary>
    public void Add(IEnumerable<Invoice> invoices)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        foreach (var invoice in invoices.Where(i => i.Number is not null && !i.IsCreditNote && i.GrossTotal.Amount > 0)
                     .OrderBy(i => i.IssueDate).ThenBy(i => i.Number, StringComparer.Ordinal))
        {
            if (invoice.IsIssued && _known.Add(invoice.Id) && _payers.TryGetValue(invoice.AccountId, out var payer))
            {
                Plan(invoice, invoice.Number, payer);
            }
        }
    }

    /// <summary>For the customer who waits for the first notice: books its payment two days after each first notice.</summary>
    public void NoticesSent(IEnumerable<DunningNoticeView> notices, IReadOnlyDictionary<string, Invoice> invoicesByNumber)
    {
        ArgumentNullException.ThrowIfNull(notices);
        ArgumentNullException.ThrowIfNull(invoicesByNumber);
        foreach (var notice in notices.Where(n => n.Template == DunningTemplates.FirstNotice).OrderBy(n => n.RunDate).ThenBy(n => n.InvoiceNumber, StringComparer.Ordinal))
        {
            if (_payers.TryGetValue(notice.AccountId, out var payer) && payer.Role == DemoPayerRole.AfterFirstNotice && payer.PaidAfterNotice.Add(notice.InvoiceNumber)
                && invoicesByNumber.TryGetValue(notice.InvoiceNumber, out var invoice) && invoice.IsIssued)
            {
                var day = NextBusinessDay(notice.RunDate.AddDays(2));
                Book(new Credit(invoice.Currency.Code, day, invoice.GrossTotal.Amount, payer.Name, payer.Iban, null, invoice.CreditorReference ?? invoice.Number,
                    EndToEnd(invoice.Number), invoice.Number));
            }
        }
    }

    /// <summary>Writes the files that arrive on <paramref name="day"/> and returns their paths, in ingestion order.</summary>
    public IReadOnlyList<string> WriteFilesFor(DateOnly day)
    {
        var files = new List<string>();
        if (!IsBusinessDay(day))
        {
            return files;
        }

        System.IO.Directory.CreateDirectory(Directory);
        files.Add(Write($"camt053-EUR-{day:yyyy-MM-dd}.xml", Camt053(day)));
        if (day.DayOfWeek == DayOfWeek.Friday)
        {
            foreach (var currency in new[] { "CHF", "GBP", "SEK" })
            {
                files.Add(Write($"mt940-{currency}-{day:yyyy-MM-dd}.sta", Mt940(currency, day)));
            }

            files.Add(Write($"bai2-USD-{day:yyyy-MM-dd}.txt", Bai2(day)));
        }

        return files;
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private void AssignRoles(AccountImportFile file, DemoOptions options)
    {
        var random = new Random(_seed + 1);
        var special = new Dictionary<DemoPayerRole, Func<ImportedAccount, bool>>
        {
            [DemoPayerRole.AfterFirstNotice] = a => Is(a, "EUR"),
            [DemoPayerRole.TwoInOne] = a => Is(a, "EUR") && Monthly(file, a) && a.Subscriptions[0].StartDate < options.Start.AddDays(20),
            [DemoPayerRole.Returned] = a => Is(a, "EUR"),
            [DemoPayerRole.InvoiceNumberText] = a => Is(a, "EUR"),
            [DemoPayerRole.Typo] = a => Is(a, "CHF"),
            [DemoPayerRole.Partial] = a => Is(a, "GBP"),
            [DemoPayerRole.Overpay] = a => Is(a, "SEK"),
        };
        foreach (var imported in file.Accounts)
        {
            var account = imported.Account;
            var role = special.FirstOrDefault(s => s.Value(imported)).Key;
            if (special.Count > 0 && special.Any(s => s.Value(imported)))
            {
                special.Remove(role);
            }
            else
            {
                role = random.Next(100) switch
                {
                    < 50 => DemoPayerRole.CreditorReference,
                    < 75 => DemoPayerRole.InvoiceNumberText,
                    < 90 => DemoPayerRole.Late,
                    _ => DemoPayerRole.Never,
                };
            }

            _payers[account.Id] = new Payer(role, account.LegalName, PayerIban(account.Id));
        }
    }

    private static bool Is(ImportedAccount account, string currency) => account.Account.Currency.Code == currency && account.Subscriptions.Count > 0;

    private static bool Monthly(AccountImportFile file, ImportedAccount account) =>
        file.Plans.FirstOrDefault(p => p.Id == account.Subscriptions[0].PlanId)?.Interval == BillingInterval.Monthly && account.Subscriptions[0].Changes.Count == 0
        && account.Subscriptions[0].EndDate is null && account.Charges.Count == 0;

    private void Plan(Invoice invoice, string number, Payer payer)
    {
        var random = new Random(_seed ^ StableHash(invoice.Id));
        var currency = invoice.Currency.Code;
        var gross = invoice.GrossTotal.Amount;
        var terms = Math.Max(3, invoice.DueDate.DayNumber - invoice.IssueDate.DayNumber);
        var onTime = NextBusinessDay(invoice.IssueDate.AddDays(random.Next(2, terms)));
        var reference = invoice.CreditorReference ?? number;
        switch (payer.Role)
        {
            case DemoPayerRole.CreditorReference:
                Book(new Credit(currency, onTime, gross, payer.Name, payer.Iban, null, reference, EndToEnd(number), number));
                break;
            case DemoPayerRole.InvoiceNumberText:
                Book(new Credit(currency, onTime, gross, payer.Name, payer.Iban, Typed(number, random), null, EndToEnd(number), number));
                break;
            case DemoPayerRole.Typo:
                Book(new Credit(currency, onTime, gross, payer.Name, payer.Iban, $"Invoice {WithTypo(number)}", null, EndToEnd(number), number));
                break;
            case DemoPayerRole.Partial:
                Book(new Credit(currency, onTime, Math.Round(gross / 2, 2), payer.Name, payer.Iban, $"{reference} part payment", null, EndToEnd(number), number));
                break;
            case DemoPayerRole.Overpay:
                Book(new Credit(currency, onTime, gross + Math.Round(gross / 10, 0), payer.Name, payer.Iban, reference, null, EndToEnd(number), number));
                break;
            case DemoPayerRole.Returned:
                var credit = new Credit(currency, onTime, gross, payer.Name, payer.Iban, null, reference, EndToEnd(number), number);
                Book(credit);
                if (!payer.Returned)
                {
                    payer.Returned = true;
                    Book(credit with { Day = NextBusinessDay(onTime.AddDays(4)), IsReturn = true });
                }

                break;
            case DemoPayerRole.TwoInOne:
                if (!_twoInOneWaiting.TryGetValue(invoice.AccountId, out var waiting))
                {
                    _twoInOneWaiting[invoice.AccountId] = waiting = [];
                }

                waiting.Add(invoice);
                if (waiting.Count == 2)
                {
                    var day = NextBusinessDay(invoice.IssueDate.AddDays(5));
                    Book(new Credit(currency, day, waiting.Sum(i => i.GrossTotal.Amount), payer.Name, payer.Iban,
                        $"Invoices {waiting[0].Number} and {waiting[1].Number}", null, EndToEnd(number), number));
                    waiting.Clear();
                }

                break;
            case DemoPayerRole.Late:
                Book(new Credit(currency, NextBusinessDay(invoice.DueDate.AddDays(random.Next(5, 12))), gross, payer.Name, payer.Iban,
                    random.Next(2) == 0 ? Typed(number, random) : null, random.Next(2) == 0 ? null : reference, EndToEnd(number), number));
                break;
            case DemoPayerRole.AfterFirstNotice:
            case DemoPayerRole.Never:
            default:
                break;
        }
    }

    private void Book(Credit credit)
    {
        if (!_booked.TryGetValue(credit.Day, out var list))
        {
            _booked[credit.Day] = list = [];
        }

        list.Add(credit);
    }

    /// <summary>The credits (and returns) booked in <paramref name="currency"/> after <paramref name="after"/> up to <paramref name="day"/>.</summary>
    private List<Credit> Window(string currency, DateOnly? after, DateOnly day) =>
        _booked.Where(b => b.Key <= day && (after is null || b.Key > after)).SelectMany(b => b.Value)
            .Where(c => c.Currency == currency)
            .OrderBy(c => c.Day).ThenBy(c => c.IsReturn).ThenBy(c => c.EndToEndId, StringComparer.Ordinal).ThenBy(c => c.Amount).ToList();

    private (List<Credit> Credits, DateOnly? Previous, decimal Opening, int Number) Next(string currency, DateOnly day)
    {
        DateOnly? previous = _lastStatement.TryGetValue(currency, out var last) ? last : null;
        var credits = Window(currency, previous, day);
        var opening = _balances.GetValueOrDefault(currency);
        _balances[currency] = opening + credits.Sum(c => c.Signed);
        _lastStatement[currency] = day;
        var number = _statementNumbers.GetValueOrDefault(currency) + 1;
        _statementNumbers[currency] = number;
        return (credits, previous, opening, number);
    }

    private string Camt053(DateOnly day)
    {
        var (credits, _, opening, number) = Next("EUR", day);
        var id = $"STMT-EUR-{day:yyyyMMdd}";
        var text = new StringBuilder();
        Append(text, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
            <GrpHdr><MsgId>MSG-{id}</MsgId><CreDtTm>{day:yyyy-MM-dd}T18:00:00+01:00</CreDtTm></GrpHdr>
            <Stmt><Id>{id}</Id><ElctrncSeqNb>{number}</ElctrncSeqNb><CreDtTm>{day:yyyy-MM-dd}T18:00:00+01:00</CreDtTm>
            <Acct><Id><IBAN>{DemoSeller.EurIban}</IBAN></Id><Ccy>EUR</Ccy></Acct>

            """);
        Append(text, $"<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">{Dot(Math.Abs(opening))}</Amt><CdtDbtInd>{(opening < 0 ? "DBIT" : "CRDT")}</CdtDbtInd><Dt><Dt>{day:yyyy-MM-dd}</Dt></Dt></Bal>\n");
        var closing = opening + credits.Sum(c => c.Signed);
        Append(text, $"<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">{Dot(Math.Abs(closing))}</Amt><CdtDbtInd>{(closing < 0 ? "DBIT" : "CRDT")}</CdtDbtInd><Dt><Dt>{day:yyyy-MM-dd}</Dt></Dt></Bal>\n");
        var n = 0;
        foreach (var c in credits)
        {
            n++;
            var amount = Dot(c.Amount);
            var bankReference = $"{day:yyMMdd}{n:D5}{(c.IsReturn ? "R" : "")}";
            Append(text, $"<Ntry><Amt Ccy=\"EUR\">{amount}</Amt><CdtDbtInd>{(c.IsReturn ? "DBIT" : "CRDT")}</CdtDbtInd>{(c.IsReturn ? "<RvslInd>true</RvslInd>" : "")}<Sts><Cd>BOOK</Cd></Sts>");
            Append(text, $"<BookgDt><Dt>{c.Day:yyyy-MM-dd}</Dt></BookgDt><ValDt><Dt>{c.Day:yyyy-MM-dd}</Dt></ValDt><AcctSvcrRef>{bankReference}</AcctSvcrRef>");
            Append(text, $"<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>{(c.IsReturn ? "RRTN" : "ESCT")}</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls><TxDtls>");
            Append(text, $"<Refs><AcctSvcrRef>{bankReference}</AcctSvcrRef><EndToEndId>{c.EndToEndId}</EndToEndId></Refs><Amt Ccy=\"EUR\">{amount}</Amt>");
            Append(text, $"<RltdPties><Dbtr><Pty><Nm>{Xml(c.PayerName)}</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>{c.PayerIban}</IBAN></Id></DbtrAcct></RltdPties>");
            if (c.IsReturn)
            {
                Append(text, $"<RmtInf><Ustrd>RETURN {Xml(c.Text ?? c.Reference ?? "")}</Ustrd></RmtInf><RtrInf><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>Account closed</AddtlInf></RtrInf>");
            }
            else
            {
                text.Append("<RmtInf>");
                if (c.Text is not null)
                {
                    Append(text, $"<Ustrd>{Xml(c.Text)}</Ustrd>");
                }

                if (c.Reference is not null)
                {
                    Append(text, $"<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>{Xml(c.Reference)}</Ref></CdtrRefInf></Strd>");
                }

                text.Append("</RmtInf>");
            }

            text.Append("</TxDtls></NtryDtls></Ntry>\n");
        }

        text.Append("</Stmt></BkToCstmrStmt></Document>\n");
        return text.ToString();
    }

    private string Mt940(string currency, DateOnly day)
    {
        var (credits, previous, opening, number) = Next(currency, day);
        var iban = currency switch { "CHF" => DemoSeller.ChfIban, "GBP" => DemoSeller.GbpIban, _ => DemoSeller.SekIban };
        var text = new StringBuilder();
        var openedOn = previous ?? day.AddDays(-7);
        Append(text, $":20:STMT{currency}{day:yyMMdd}\r\n:25:{iban}\r\n:28C:{number:D5}/001\r\n:60F:{Mark(opening)}{openedOn:yyMMdd}{currency}{Comma(Math.Abs(opening))}\r\n");
        var n = 0;
        foreach (var c in credits)
        {
            n++;
            var mark = c.IsReturn ? "RC" : "C";
            Append(text, $":61:{c.Day:yyMMdd}{c.Day:MMdd}{mark}{Comma(c.Amount)}NTRF{Truncate(c.EndToEndId, 16)}//{day:yyMMdd}{n:D4}\r\n");
            var remittance = c.Text ?? c.Reference ?? "";
            Append(text, $":86:166?00GUTSCHRIFT?20EREF+{Truncate(c.EndToEndId, 22)}?21SVWZ+{Truncate(remittance, 22)}");
            if (remittance.Length > 22)
            {
                Append(text, $"?22{Truncate(remittance[22..], 27)}");
            }

            Append(text, $"?31{c.PayerIban}?32{Truncate(c.PayerName, 27)}\r\n");
        }

        var closing = opening + credits.Sum(c => c.Signed);
        Append(text, $":62F:{Mark(closing)}{day:yyMMdd}{currency}{Comma(Math.Abs(closing))}\r\n-\r\n");
        return text.ToString();
    }

    private string Bai2(DateOnly day)
    {
        var (credits, _, _, number) = Next("USD", day);
        var lines = new List<string> { $"03,{DemoSeller.UsdAccount},USD/" };
        long total = 0;
        var n = 0;
        foreach (var c in credits)
        {
            n++;
            var cents = (long)(c.Amount * 100);
            total += cents;
            var type = n % 3 == 0 ? "301" : "195";
            var remittance = $"{c.PayerName} {c.Text ?? c.Reference}".Replace(',', ' ').Replace('/', ' ');
            lines.Add($"16,{type},{cents.ToString(CultureInfo.InvariantCulture)},0,{day:yyMMdd}{n:D4},{Truncate(c.EndToEndId, 16)},{remittance}/");
        }

        var accountRecords = lines.Count + 1;
        lines.Add($"49,{total.ToString(CultureInfo.InvariantCulture)},{accountRecords}/");
        var header = new List<string>
        {
            $"01,NORDLICHT,USBANK,{day:yyMMdd},1800,{day:yyMMdd}{number:D2},,,2/",
            $"02,NORDLICHT,USBANK,1,{day:yyMMdd},1800,USD,2/",
        };
        var all = header.Concat(lines).ToList();
        all.Add($"98,{total.ToString(CultureInfo.InvariantCulture)},1,{accountRecords + 2}/");
        all.Add($"99,{total.ToString(CultureInfo.InvariantCulture)},1,{accountRecords + 4}/");
        return string.Join('\n', all) + "\n";
    }

    /// <summary>The invoice number as people type it: spaces, dashes, lower case, no leading zeros.</summary>
    private static string Typed(string number, Random random)
    {
        var parts = number.Split('-');
        if (parts.Length != 3)
        {
            return number;
        }

        var sequence = parts[2].TrimStart('0');
        return random.Next(4) switch
        {
            0 => $"{parts[0].ToLowerInvariant()} {parts[1]} {parts[2]}",
            1 => $"Rechnung {parts[0]} {parts[1]}-{sequence}",
            2 => $"invoice {parts[0].ToLowerInvariant()}{parts[1]}-{parts[2]} thanks",
            _ => $"Re.-Nr. {parts[0]} {parts[1]} {sequence}",
        };
    }

    /// <summary>A typo in the year (2026 becomes 2062), so no invoice matches.</summary>
    private static string WithTypo(string number)
    {
        var parts = number.Split('-');
        return parts.Length == 3 && parts[1].Length == 4 ? $"{parts[0]}-{parts[1][0]}{parts[1][1]}{parts[1][3]}{parts[1][2]}-{parts[2]}" : number + "X";
    }

    private static string EndToEnd(string invoiceNumber) => "E2E" + new string(invoiceNumber.Where(char.IsAsciiLetterOrDigit).ToArray());

    /// <summary>A valid German IBAN (mod 97 check digits) for a payer, made up from its id.</summary>
    private static string PayerIban(string id)
    {
        var hash = (uint)StableHash(id);
        var bban = string.Create(CultureInfo.InvariantCulture, $"{10_000_000 + (hash % 89_999_999)}{hash % 9_999_999_999:D10}");
        var check = 98 - (int)(BigInteger.Parse(bban + Digits("DE") + "00", CultureInfo.InvariantCulture) % 97);
        return string.Create(CultureInfo.InvariantCulture, $"DE{check:D2}{bban}");
    }

    private static string Digits(string letters) => string.Concat(letters.Select(c => (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));

    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash & int.MaxValue;
        }
    }

    private static bool IsBusinessDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private static DateOnly NextBusinessDay(DateOnly day)
    {
        while (!IsBusinessDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static void Append(StringBuilder text, string value) => text.Append(value);

    private static string Mark(decimal balance) => balance < 0 ? "D" : "C";

    private static string Dot(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Comma(decimal amount) => Dot(amount).Replace('.', ',');

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private static string Xml(string text) => System.Security.SecurityElement.Escape(text);

    /// <summary>One booking on an own account: a credit, or (<see cref="IsReturn"/>) the return of one.</summary>
    private sealed record Credit(
        string Currency, DateOnly Day, decimal Amount, string PayerName, string PayerIban, string? Text, string? Reference, string EndToEndId, string? InvoiceNumber)
    {
        public bool IsReturn { get; init; }

        public decimal Signed => IsReturn ? -Amount : Amount;
    }

    private sealed class Payer(DemoPayerRole role, string name, string iban)
    {
        public DemoPayerRole Role { get; } = role;

        public string Name { get; } = name;

        public string Iban { get; } = iban;

        public bool Returned { get; set; }

        public HashSet<string> PaidAfterNotice { get; } = new(StringComparer.Ordinal);
    }
}
