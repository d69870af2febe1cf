using BenchmarkDotNet.Attributes;
using Billing.Core.Invoicing;
using Billing.Documents.Pdf;
using Billing.Documents.Ubl;

namespace Billing.Benchmarks.Documents;

/// <summary>
/// Renders a typical five-line invoice. Targets: UBL ≥ 10,000 documents/s, PDF ≥ 500 documents/s on one core,
/// i.e. a mean under 100 µs and 2 ms. The stream is reused so the benchmark measures rendering, not buffer growth.
/// </summary>
[MemoryDiagnoser]
public class InvoiceDocumentBenchmarks
{
    private readonly InvoicePdfRenderer _pdf = new();
    private readonly UblInvoiceWriter _ubl = new();
    private readonly MemoryStream _stream = new(capacity: 256 * 1024);
    private Invoice _invoice = null!;

    [GlobalSetup]
    public void Setup()
    {
        _invoice = TypicalInvoice.Create();
        // Warm PDFsharp's process-wide font cache so the first iteration does not pay for parsing the font.
        _pdf.Write(_invoice, Stream.Null);
    }

    [Benchmark]
    public long Ubl()
    {
        _stream.SetLength(0);
        _ubl.Write(_invoice, _stream);
        return _stream.Length;
    }

    [Benchmark]
    public long Pdf()
    {
        _stream.SetLength(0);
        _pdf.Write(_invoice, _stream);
        return _stream.Length;
    }

    [GlobalCleanup]
    public void Cleanup() => _stream.Dispose();
}
