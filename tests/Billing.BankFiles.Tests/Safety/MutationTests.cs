using System.Diagnostics;
using System.Text;
using Billing.BankFiles.Tests.Fixtures;

namespace Billing.BankFiles.Tests.Safety;

/// <summary>
/// Randomly mutated fixture files (seeded, so every run is the same) must either parse or end in a
/// <see cref="BankFileFormatException"/>: never another exception type, never a hang.
/// </summary>
public sealed class MutationTests
{
    private const int MutationsPerFile = 100;

    [Fact]
    public void MutatedFixtures_ParseOrThrowBankFileFormatException()
    {
        var random = new Random(20240601);
        var failures = new List<string>();
        var runs = 0;
        var clock = Stopwatch.StartNew();
        foreach (var path in FixtureCatalog.ManifestPaths())
        {
            var original = FixtureCatalog.Read(path);
            for (var n = 0; n < MutationsPerFile; n++)
            {
                var mutated = Mutate(original, random);
                runs++;
                try
                {
                    var file = BankFileReader.Read(new MemoryStream(mutated));
                    _ = global::Billing.BankFiles.Json.StatementJsonWriter.ToJson(file);
                }
                catch (BankFileFormatException)
                {
                }
                catch (Exception ex)
                {
                    failures.Add($"{path} mutation {n}: {ex.GetType().Name}: {ex.Message}");
                }
            }
        }

        Assert.True(runs >= 5000, $"only {runs} mutations ran");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(45), $"mutation run took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n  ")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY x \"y\">]><Document/>")]
    [InlineData("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.99\"><BkToCstmrStmt/></Document>")]
    [InlineData(":20:X\n:61:ZZZ")]
    [InlineData("01,A,B,240101,0000,1,,,2/\n16,")]
    [InlineData("hello world")]
    public void MalformedInput_ThrowsBankFileFormatException(string content)
    {
        Assert.Throws<BankFileFormatException>(() => BankFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(content))));
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var edits = random.Next(1, 6);
        for (var k = 0; k < edits && bytes.Count > 0; k++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.RemoveAt(at);
                    break;
                case 2:
                    bytes.Insert(at, Interesting(random));
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4:
                    var length = Math.Min(random.Next(1, 200), bytes.Count - at);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                case 5:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 50), bytes.Count - at));
                    break;
                default:
                    bytes[at] = (byte)(bytes[at] ^ (1 << random.Next(8)));
                    break;
            }
        }

        return [.. bytes];
    }

    private static byte Interesting(Random random)
    {
        ReadOnlySpan<byte> candidates = ":/,<>&?-{}\n\r0123456789CDR\"'\t"u8;
        return candidates[random.Next(candidates.Length)];
    }
}
