namespace Billing.Documents.Ubl;

/// <summary>The OASIS UBL 2.1 namespaces and the prefixes the writer binds them to.</summary>
internal static class UblNamespaces
{
    public const string Invoice = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    public const string CreditNote = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    public const string Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    public const string Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    public const string CacPrefix = "cac";
    public const string CbcPrefix = "cbc";
}
