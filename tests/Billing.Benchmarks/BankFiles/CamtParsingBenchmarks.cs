using System.Xml;
using BenchmarkDotNet.Attributes;
using Billing.BankFiles;

namespace Billing.Benchmarks.BankFiles;

/// <summary>camt.053 parsing against a bare XmlReader loop over the same generated file (target: at most 1.5x).</summary>
[MemoryDiagnoser]
public class CamtParsingBenchmarks
{
    private byte[] _file = [];

    [Params(20_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup() => _file = BankFileGenerator.Camt053(Entries);

    [Benchmark(Baseline = true)]
    public long BareXmlReader()
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, NameTable = new NameTable() };
        using var reader = XmlReader.Create(new MemoryStream(_file), settings);
        long length = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Text)
            {
                length += reader.Value.Length;
            }
        }

        return length;
    }

    [Benchmark]
    public int BankFileReaderStreaming()
    {
        var count = 0;
        foreach (var e in BankFileReader.ReadEvents(new MemoryStream(_file)))
        {
            if (e is BankFileEvent.EntryRead)
            {
                count++;
            }
        }

        return count;
    }
}
