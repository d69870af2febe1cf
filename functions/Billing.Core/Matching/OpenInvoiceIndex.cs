using Billing.Core.Accounts;
using Billing.Core.Invoicing;
using Billing.Core.Storage;

namespace Billing.Core.Matching;

/// <summary>
/// The open invoices (and the accounts' payer IBANs and names) in memory, indexed the ways the matcher looks
/// things up: by invoice number key, by RF reference body, by account (oldest first), by amount and by sequence
/// number. Built once per ingestion (<see cref="BuildAsync"/>) from index-backed queries that read only what matters:
/// the open invoices, and the invoices closed (paid, void, uncollectible) that fell due in the last
/// <see cref="ClosedLookbackDays"/> days, remembered by key only to explain a payment that quotes an invoice already
/// paid. So the cost follows what is open, not the history, and matching an entry is a handful of dictionary lookups.
/// </summary>
public sealed class OpenInvoiceIndex
{
    private readonly Dictionary<string, OpenInvoice> _byNumberKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OpenInvoice> _byRfBody = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OpenInvoice>> _byAccount = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Currency, long Minor), List<OpenInvoice>> _byAmount = [];
    private readonly Dictionary<string, List<OpenInvoice>> _bySequence = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string AccountId, string Number)> _closedByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PayerAccounts> _accountsByIban = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _accountsByNameToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AccountSummary> _accounts = new(StringComparer.Ordinal);
    private readonly List<string> _prefixes = [];
    private bool _sorted = true;

    /// <summary>The invoice number prefixes seen (INV, CN…), longest first, for finding numbers in text.</summary>
    public IReadOnlyCollection<string> Prefixes => _prefixes;

    public int OpenCount { get; private set; }

    /// <summary>How far back (by due date) closed invoices are kept to explain a payment that quotes one: a quarter.</summary>
    public const int ClosedLookbackDays = 92;

    /// <summary>Streams the accounts, the open invoices and the recently closed ones into a new index.</summary>
    public static async Task<OpenInvoiceIndex> BuildAsync(IDocumentStore store, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var index = new OpenInvoiceIndex();
        await foreach (var account in store.QueryAllAsync<Account>(cancellationToken))
        {
            index.AddAccount(account.Value);
        }

        await foreach (var invoice in store.QueryAsync<Invoice>(InvoiceQueries.Open, cancellationToken))
        {
            index.AddInvoice(invoice.Value);
        }

        await foreach (var invoice in store.QueryAsync<Invoice>(InvoiceQueries.ClosedDueSince(today.AddDays(-ClosedLookbackDays)), cancellationToken))
        {
            index.AddInvoice(invoice.Value);
        }

        return index;
    }

    public void AddAccount(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        _accounts[account.Id] = new AccountSummary(account.Id, account.LegalName, account.Currency.Code, NameTokens.Of(account.LegalName));
        foreach (var iban in account.KnownPayerIbans)
        {
            var normalized = Ibans.Normalize(iban);
            if (!_accountsByIban.TryGetValue(normalized, out var payers))
            {
                payers = [];
                _accountsByIban[normalized] = payers;
            }

            if (payers.Count == 0 || payers[^1] != account.Id)
            {
                payers.Add(account.Id);
                payers.Invoices = null;
            }
        }

        foreach (var token in NameTokens.Of(account.LegalName))
        {
            AddTo(_accountsByNameToken, token, account.Id);
        }
    }

    /// <summary>Adds a numbered invoice: open ones to every index, others by key only.</summary>
    public void AddInvoice(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (invoice.Number is null || InvoiceNumberKey.Of(invoice.Number) is not { } key)
        {
            return;
        }

        var open = invoice.Status == InvoiceStatus.Open && !invoice.IsCreditNote && invoice.AmountDue.IsPositive;
        if (!open)
        {
            _closedByKey[key] = (invoice.AccountId, invoice.Number);
            return;
        }

        AddOpen(new OpenInvoice(invoice.Id, invoice.AccountId, invoice.Number, invoice.Currency.Code, invoice.IssueDate, invoice.AmountDue.ToMinorUnits()),
            key, invoice.CreditorReference is { } rf ? CreditorReferenceScanner.BodyOf(rf) : null);
    }

    /// <summary>Adds an open invoice directly (benchmarks and tests build large indexes this way).</summary>
    public void AddOpen(OpenInvoice invoice, string numberKey, string? rfBody)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(numberKey);
        _byNumberKey[numberKey] = invoice;
        if (rfBody is not null)
        {
            _byRfBody[rfBody] = invoice;
        }

        AddTo(_byAccount, invoice.AccountId, invoice);
        AddTo(_byAmount, (invoice.CurrencyCode, invoice.OpenMinor), invoice);
        AddTo(_bySequence, numberKey[(numberKey.LastIndexOf('|') + 1)..], invoice);
        var prefix = numberKey[..numberKey.IndexOf('|', StringComparison.Ordinal)];
        if (!_prefixes.Contains(prefix))
        {
            _prefixes.Add(prefix);
            _prefixes.Sort((a, b) => b.Length.CompareTo(a.Length));
        }

        OpenCount++;
        _sorted = false;
    }

    public OpenInvoice? ByNumberKey(string key) => _byNumberKey.GetValueOrDefault(key);

    public OpenInvoice? ByRfBody(string body) => _byRfBody.GetValueOrDefault(body);

    /// <summary>The account and number of a numbered invoice that is no longer open (paid, void…), by number key.</summary>
    public (string AccountId, string Number)? Closed(string key) => _closedByKey.TryGetValue(key, out var closed) ? closed : null;

    /// <summary>The account's invoices, oldest first (fully allocated ones included: check <see cref="OpenInvoice.IsOpen"/>).</summary>
    public IReadOnlyList<OpenInvoice> OfAccount(string accountId)
    {
        EnsureSorted();
        return _byAccount.TryGetValue(accountId, out var list) ? list : [];
    }

    /// <summary>Invoices whose open amount was exactly this when the index was built.</summary>
    public IReadOnlyList<OpenInvoice> WithAmount(string currency, long minor) =>
        _byAmount.TryGetValue((currency, minor), out var list) ? list : [];

    /// <summary>Invoices whose sequence number (without year and leading zeros) is this.</summary>
    public IReadOnlyList<OpenInvoice> WithSequence(string sequence) =>
        _bySequence.TryGetValue(sequence, out var list) ? list : [];

    public IReadOnlyList<string> AccountsPayingFrom(string normalizedIban) =>
        _accountsByIban.TryGetValue(normalizedIban, out var list) ? list : [];

    /// <summary>
    /// The invoices (oldest first) of the one account known to pay from <paramref name="normalizedIban"/>, or null when
    /// no account or several do: <see cref="AccountsPayingFrom"/> and <see cref="OfAccount"/> in one lookup, the list
    /// being remembered with the IBAN.
    /// </summary>
    public IReadOnlyList<OpenInvoice>? OfSolePayer(string normalizedIban)
    {
        if (!_accountsByIban.TryGetValue(normalizedIban, out var payers) || payers.Count != 1)
        {
            return null;
        }

        EnsureSorted();
        if (payers.Invoices is { } known)
        {
            return known;
        }

        if (!_byAccount.TryGetValue(payers[0], out var invoices))
        {
            return [];
        }

        payers.Invoices = invoices;
        return invoices;
    }

    public IReadOnlyList<string> AccountsNamed(string token) =>
        _accountsByNameToken.TryGetValue(token, out var list) ? list : [];

    public AccountSummary? Account(string accountId) => _accounts.GetValueOrDefault(accountId);

    /// <summary>Books <paramref name="minor"/> against the invoice's open amount (matching reserves what it allocates).</summary>
    public static void Reserve(OpenInvoice invoice, long minor)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        invoice.OpenMinor = Math.Max(0, invoice.OpenMinor - minor);
    }

    /// <summary>Gives back what <paramref name="match"/> reserved: its entry turned out to be recorded already.</summary>
    public static void Release(MatchResult.Matched match)
    {
        ArgumentNullException.ThrowIfNull(match);
        foreach (var (invoice, minor) in match.Allocations)
        {
            invoice.OpenMinor += minor;
        }
    }

    private void EnsureSorted()
    {
        if (_sorted)
        {
            return;
        }

        foreach (var list in _byAccount.Values)
        {
            list.Sort(OpenInvoice.CompareByAge);
        }

        _sorted = true;
    }

    private static void AddTo<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        // Callers add each value once per key (an invoice once, an account's distinct tokens and IBANs once), except
        // that an account may be re-added: checking the last element keeps that cheap without an O(n) scan.
        if (list.Count == 0 || !EqualityComparer<TValue>.Default.Equals(list[^1], value))
        {
            list.Add(value);
        }
    }
}

/// <summary>The accounts known to pay from one IBAN, and the invoice list of the first once looked up.</summary>
internal sealed class PayerAccounts : List<string>
{
    public List<OpenInvoice>? Invoices { get; set; }
}

/// <summary>What the matcher knows of an account: its name (and that name's tokens) and billing currency.</summary>
public sealed record AccountSummary(string Id, string LegalName, string CurrencyCode, IReadOnlyList<string> NameTokens);
