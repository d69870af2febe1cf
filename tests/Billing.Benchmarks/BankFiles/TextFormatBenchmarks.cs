using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Billing.BankFiles;
using Billing.BankFiles.Json;

namespace Billing.Benchmarks.BankFiles;

/// <summary>
/// MT940 and BAI2 files with 200,000 transactions (target: under 0.5 s each), read as events and written as the
/// streamed JSON of <c>billing bankfile inspect --json</c> (allocated memory must not grow with the file's size).
/// </summary>
[MemoryDiagnoser]
public class TextFormatBenchmarks
{
    private byte[] _mt940 = [];
    private byte[] _bai2 = [];

    [GlobalSetup]
    public void Setup()
    {
        _mt940 = BankFileGenerator.Mt940(200_000);
        _bai2 = BankFileGenerator.Bai2(200_000);
    }

    [Benchmark]
    public int Mt940_200k() => Count(_mt940);

    [Benchmark]
    public int Bai2_200k() => Count(_bai2);

    [Benchmark]
    public long Mt940_200k_Json() => Json(_mt940);

    [Benchmark]
    public long Bai2_200k_Json() => Json(_bai2);

    private static long Json(byte[] file)
    {
        using var writer = new Utf8JsonWriter(Stream.Null, new JsonWriterOptions { Indented = true });
        StatementJsonWriter.Write(writer, BankFileReader.ReadEvents(new MemoryStream(file)), () => { });
        return writer.BytesCommitted;
    }

    private static int Count(byte[] file)
    {
        var count = 0;
        foreach (var e in BankFileReader.ReadEvents(new MemoryStream(file)))
        {
            if (e is BankFileEvent.EntryRead)
            {
                count++;
            }
        }

        return count;
    }
}
