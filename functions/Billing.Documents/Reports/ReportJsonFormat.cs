using Billing.Core.Reporting;
using Billing.Core.Serialization;

namespace Billing.Documents.Reports;

/// <summary>A snapshot as indented JSON in the one wire shape (<see cref="BillingJson"/>): id, version, content hash, content.</summary>
public sealed class ReportJsonFormat : IReportFormat
{
    public string Extension => "json";

    public string ContentType => "application/json";

    public void Write(ReportSnapshot snapshot, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        System.Text.Json.JsonSerializer.Serialize(destination, snapshot, BillingJson.Indented);
    }
}
