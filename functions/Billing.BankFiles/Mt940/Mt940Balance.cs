using Billing.BankFiles.Text;

namespace Billing.BankFiles.Mt940;

/// <summary>
/// Reads the SWIFT balance fields :60F:/:60M:/:62F:/:62M:/:64:/:65: (<c>1!a6!n3!a15d</c>): mark C or D, date
/// YYMMDD, currency, amount with decimal comma. A D (debit) balance is negative.
/// </summary>
internal static class Mt940Balance
{
    public static Balance Parse(ReadOnlySpan<char> text, string tag, string position)
    {
        text = text.Trim();
        if (text.Length < 11 || text[0] is not ('C' or 'D') || !AmountText.TryParseYyMmDd(text.Slice(1, 6), out var date))
        {
            throw new BankFileFormatException(position, $":{tag}: expected C or D, a date YYMMDD, a currency and an amount");
        }

        var currency = text.Slice(7, 3);
        foreach (var c in currency)
        {
            if (!char.IsAsciiLetter(c))
            {
                throw new BankFileFormatException(position, $":{tag}: expected a three-letter currency code");
            }
        }

        var amountText = text[10..].Trim();
        if (!AmountText.TryParse(amountText, ',', out var amount) || amount < 0)
        {
            throw new BankFileFormatException(position, $":{tag}: expected an amount with a decimal comma");
        }

        return new Balance(text[0] == 'D' ? -amount : amount, currency.ToString().ToUpperInvariant(), date, tag)
        {
            IsIntermediate = tag is "60M" or "62M",
        };
    }
}
