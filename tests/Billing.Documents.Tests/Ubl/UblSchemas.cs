using System.Xml;
using System.Xml.Schema;

namespace Billing.Documents.Tests.Ubl;

/// <summary>
/// The OASIS UBL 2.1 Invoice and CreditNote schemas, compiled once. The maindoc schemas import
/// ../common/*.xsd, so (in tests only) a file resolver loads them.
/// </summary>
internal static class UblSchemas
{
    private static readonly Lazy<XmlSchemaSet> s_set = new(Load);

    /// <summary>Validates <paramref name="xml"/> and returns every error and warning, empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(byte[] xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = s_set.Value,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints,
            DtdProcessing = DtdProcessing.Prohibit,
        };
        settings.ValidationEventHandler += (_, e) =>
            problems.Add($"{e.Severity} line {e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
        }

        return problems;
    }

    private static XmlSchemaSet Load()
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        var loadSettings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = new XmlUrlResolver() };
        foreach (var file in new[] { "UBL-Invoice-2.1.xsd", "UBL-CreditNote-2.1.xsd" })
        {
            var path = Path.Combine(RepoPaths.UblSchemas, file);
            using var reader = XmlReader.Create(path, loadSettings);
            set.Add(null, reader);
        }

        set.Compile();
        return set;
    }
}
