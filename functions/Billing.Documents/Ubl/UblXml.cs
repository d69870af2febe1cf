using System.Globalization;
using System.Xml;
using Billing.Core.Monetary;

namespace Billing.Documents.Ubl;

/// <summary>
/// Writes cac/cbc elements for one document. Every amount passes through <see cref="Amount"/>, which applies
/// the document's sign (a credit note states the negative invoice amounts as positive numbers), rounds to the
/// currency's minor unit half away from zero and adds <c>currencyID</c>. Numbers are formatted into a reused
/// buffer, invariant, so writing allocates little.
/// </summary>
internal sealed class UblXml(XmlWriter writer, Currency currency, decimal sign)
{
    private static readonly string[] s_amountFormats = ["F0", "F1", "F2", "F3", "F4"];

    private readonly char[] _buffer = new char[64];
    private readonly int _amountDecimals = Math.Min(currency.MinorUnits, 2);

    /// <summary>+1 for an invoice, −1 for a credit note.</summary>
    public decimal Sign => sign;

    public void Start(string aggregate) => writer.WriteStartElement(UblNamespaces.CacPrefix, aggregate, UblNamespaces.Cac);

    public void End() => writer.WriteEndElement();

    public void Text(string element, string value)
    {
        writer.WriteStartElement(UblNamespaces.CbcPrefix, element, UblNamespaces.Cbc);
        writer.WriteString(value);
        writer.WriteEndElement();
    }

    /// <summary>A cac aggregate holding a single cbc:ID, e.g. TaxScheme/ID = VAT.</summary>
    public void Identified(string aggregate, string id)
    {
        Start(aggregate);
        Text("ID", id);
        End();
    }

    public void Date(string element, DateOnly date)
    {
        writer.WriteStartElement(UblNamespaces.CbcPrefix, element, UblNamespaces.Cbc);
        date.TryFormat(_buffer, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer.WriteChars(_buffer, 0, written);
        writer.WriteEndElement();
    }

    /// <summary>
    /// An amount of the document, signed for the document type and rounded to the currency's minor unit but to
    /// at most two decimals (EN 16931 BR-DEC-*; see <see cref="UblTotals"/> for how three-decimal currencies get there).
    /// </summary>
    public void Amount(string element, decimal amount) =>
        WriteAmount(element, Math.Round(amount * sign, _amountDecimals, MidpointRounding.AwayFromZero), s_amountFormats[_amountDecimals]);

    /// <summary>An identifier with its scheme, e.g. EndpointID schemeID="0088".</summary>
    public void Schemed(string element, string id, string scheme)
    {
        writer.WriteStartElement(UblNamespaces.CbcPrefix, element, UblNamespaces.Cbc);
        writer.WriteAttributeString("schemeID", scheme);
        writer.WriteString(id);
        writer.WriteEndElement();
    }

    /// <summary>A unit price (BT-146): not rounded, never negative, at least the minor unit's digits.</summary>
    public void Price(string element, decimal price)
    {
        var normalized = Normalize(price);
        WriteAmount(element, normalized, normalized.Scale <= currency.MinorUnits ? s_amountFormats[currency.MinorUnits] : null);
    }

    public void Decimal(string element, decimal value)
    {
        writer.WriteStartElement(UblNamespaces.CbcPrefix, element, UblNamespaces.Cbc);
        WriteNumber(Normalize(value), null);
        writer.WriteEndElement();
    }

    public void Quantity(string element, decimal value, string unitCode)
    {
        writer.WriteStartElement(UblNamespaces.CbcPrefix, element, UblNamespaces.Cbc);
        writer.WriteAttributeString("unitCode", unitCode);
        WriteNumber(Normalize(value), null);
        writer.WriteEndElement();
    }

    private void WriteAmount(string element, decimal value, string? format)
    {
        writer.WriteStartElement(UblNamespaces.CbcPrefix, element, UblNamespaces.Cbc);
        writer.WriteAttributeString("currencyID", currency.Code);
        WriteNumber(value, format);
        writer.WriteEndElement();
    }

    private void WriteNumber(decimal value, string? format)
    {
        value.TryFormat(_buffer, out var written, format, CultureInfo.InvariantCulture);
        writer.WriteChars(_buffer, 0, written);
    }

    // Dividing by 1 with many zero decimals drops trailing zeros (19.00 → 19), so numbers print minimally.
    private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
}
