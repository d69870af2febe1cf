namespace Billing.BankFiles.Camt;

/// <summary>
/// Recognises the ISO 20022 bank-to-customer cash management namespaces
/// <c>urn:iso:std:iso:20022:tech:xsd:camt.05X.001.NN</c> for camt.052, .053 and .054 in every published version
/// from .001.01 to .001.13 (.001.01 names its message element with a V01 suffix, e.g. BkToCstmrStmtV01, and puts
/// the balance code directly under Tp). The common structure (Stmt/Rpt/Ntfctn, Bal, Ntry, NtryDtls/TxDtls) is the same across
/// them; the differences that matter here (Sts/Cd from .08, Pty wrapper in RltdPties from .08, BIC vs BICFI) are
/// handled by name.
/// </summary>
internal static class CamtVersion
{
    private const string Prefix = "urn:iso:std:iso:20022:tech:xsd:";

    /// <summary>Returns the message (camt.053.001.08) for a supported namespace, or null.</summary>
    public static string? Recognise(string namespaceUri, out BankFileFormat format)
    {
        format = BankFileFormat.Camt053;
        if (!namespaceUri.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var message = namespaceUri[Prefix.Length..];
        if (message.Length != 15 || !message.StartsWith("camt.05", StringComparison.Ordinal) || message.AsSpan(8, 5) is not ".001.")
        {
            return null;
        }

        format = message[7] switch
        {
            '2' => BankFileFormat.Camt052,
            '3' => BankFileFormat.Camt053,
            '4' => BankFileFormat.Camt054,
            _ => (BankFileFormat)(-1),
        };
        if ((int)format < 0 || !int.TryParse(message.AsSpan(13, 2), out var version) || version is < 1 or > 13)
        {
            return null;
        }

        return message;
    }
}
