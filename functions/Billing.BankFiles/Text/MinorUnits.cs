namespace Billing.BankFiles.Text;

/// <summary>ISO 4217 minor units for the formats that write amounts as integers (BAI2, NACHA).</summary>
internal static class MinorUnits
{
    public static decimal Divisor(string currency) => currency switch
    {
        "JPY" or "KRW" or "CLP" or "ISK" or "VND" or "XOF" or "XAF" or "PYG" or "UGX" => 1m,
        "BHD" or "KWD" or "OMR" or "JOD" or "TND" or "LYD" or "IQD" => 1000m,
        _ => 100m,
    };
}
