using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Billing.Core.Ingestion;

/// <summary>
/// The identity of a bank entry, stable across every file that reports it (an MT942 and the day's MT940, a
/// camt.052 and the camt.053, a resent statement): the receiving account and the bank's own reference for the
/// entry (account servicer reference), else its end-to-end id, plus amount and booking date; where the bank gives
/// no reference, account + booking date + amount + counterparty + text. A counter tells apart identical entries
/// within one statement (two equal transfers on one day), in the order the bank lists them, which every report of
/// that day repeats. The payment id is <c>pay-</c> plus the first 128 bits of the SHA-256 of the identity.
/// </summary>
public static class EntryIdentity
{
    private static readonly string[] s_noReference = ["NONREF", "NOTPROVIDED", "NONE", "NOREF"];

    public static string Of(string account, string? bankReference, string? endToEndId, decimal signedAmount, DateOnly bookingDate, string? counterparty, string? text)
    {
        var amount = signedAmount.ToString("0.00##", CultureInfo.InvariantCulture);
        var date = bookingDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        if (IsReference(bankReference))
        {
            return $"ref|{account}|{bankReference!.Trim()}|{amount}|{date}";
        }

        if (IsReference(endToEndId))
        {
            return $"e2e|{account}|{endToEndId!.Trim()}|{amount}|{date}";
        }

        return $"txt|{account}|{date}|{amount}|{Compact(counterparty)}|{Compact(text)}";
    }

    public static string PaymentIdOf(string identity, string prefix = "pay") =>
        $"{prefix}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32]}";

    private static bool IsReference(string? value) =>
        !string.IsNullOrWhiteSpace(value) && !s_noReference.Contains(value.Trim().ToUpperInvariant());

    private static string Compact(string? text) =>
        string.IsNullOrEmpty(text) ? "" : new string(text.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
