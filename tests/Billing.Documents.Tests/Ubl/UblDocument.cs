using System.Globalization;
using System.Xml;
using System.Xml.XPath;
using Billing.Core.Invoicing;
using Billing.Documents.Ubl;

namespace Billing.Documents.Tests.Ubl;

/// <summary>A written UBL document opened for XPath queries with the cac/cbc prefixes bound; "/*" is its root.</summary>
internal sealed class UblDocument
{
    private readonly XPathNavigator _root;
    private readonly XmlNamespaceManager _namespaces;

    private UblDocument(byte[] xml)
    {
        Xml = xml;
        _root = new XPathDocument(new MemoryStream(xml)).CreateNavigator();
        _namespaces = new XmlNamespaceManager(_root.NameTable);
        _namespaces.AddNamespace("cac", "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2");
        _namespaces.AddNamespace("cbc", "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2");
    }

    public byte[] Xml { get; }

    public string RootName => Single("/*").LocalName;

    /// <summary>The lines, whether InvoiceLine or CreditNoteLine.</summary>
    public const string Lines = "/*/cac:InvoiceLine | /*/cac:CreditNoteLine";

    public static UblDocument Write(Invoice invoice)
    {
        using var stream = new MemoryStream();
        new UblInvoiceWriter().Write(invoice, stream);
        return new UblDocument(stream.ToArray());
    }

    public bool Exists(string xpath, XPathNavigator? context = null) => (context ?? _root).SelectSingleNode(xpath, _namespaces) is not null;

    public XPathNavigator Single(string xpath, XPathNavigator? context = null) =>
        (context ?? _root).SelectSingleNode(xpath, _namespaces) ?? throw new Xunit.Sdk.XunitException($"Nothing at {xpath}.");

    public IReadOnlyList<XPathNavigator> All(string xpath, XPathNavigator? context = null)
    {
        var nodes = new List<XPathNavigator>();
        foreach (XPathNavigator node in (context ?? _root).Select(xpath, _namespaces))
        {
            nodes.Add(node.Clone());
        }

        return nodes;
    }

    public string Text(string xpath, XPathNavigator? context = null) => Single(xpath, context).Value;

    public decimal Decimal(string xpath, XPathNavigator? context = null) =>
        decimal.Parse(Text(xpath, context), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    /// <summary>The decimal at <paramref name="xpath"/>, or zero when the element is absent (as the schematron's sums treat it).</summary>
    public decimal DecimalOrZero(string xpath, XPathNavigator? context = null) => Exists(xpath, context) ? Decimal(xpath, context) : 0m;

    public decimal Sum(string xpath, XPathNavigator? context = null) => All(xpath, context)
        .Sum(node => decimal.Parse(node.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));

    public override string ToString() => System.Text.Encoding.UTF8.GetString(Xml);
}
