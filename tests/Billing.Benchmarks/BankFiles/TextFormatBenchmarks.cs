using BenchmarkDotNet.Attributes;
using Billing.BankFiles;

namespace Billing.Benchmarks.BankFiles;

/// <summary>MT940 and BAI2 files with 200,000 transactions (target: under 0.5 s each).</summary>
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
