namespace Billing.BankFiles.Text;

/// <summary>ISO 4217 minor units for the formats that write amounts as integers (BAI2, NACHA).</summary>
internal static class MinorUnits
{
    /// <summary>The number of decimals of <paramref name="currency"/>'s minor unit (2 unless the currency says otherwise).</summary>
    public static byte Scale(string currency) => currency switch
    {
        "JPY" or "KRW" or "CLP" or "ISK" or "VND" or "XOF" or "XAF" or "PYG" or "UGX" => 0,
        "BHD" or "KWD" or "OMR" or "JOD" or "TND" or "LYD" or "IQD" => 3,
        _ => 2,
    };

    /// <summary>
    /// The amount that <paramref name="minorUnits"/> (a whole number) of <paramref name="currency"/>'s minor unit make:
    /// the same digits with the currency's decimals (12345 cents are 123.45), without a decimal division.
    /// </summary>
    public static decimal ToAmount(decimal minorUnits, string currency)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(minorUnits, bits);
        var scale = Scale(currency);
        return (bits[3] & 0x00FF0000) == 0 && scale > 0
            ? new decimal(bits[0], bits[1], bits[2], minorUnits < 0, scale)
            : minorUnits / (scale == 0 ? 1m : scale == 3 ? 1000m : 100m);
    }
}
