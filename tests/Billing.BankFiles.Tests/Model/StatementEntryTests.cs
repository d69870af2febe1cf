using System.Text;

namespace Billing.BankFiles.Tests.Model;

/// <summary>An MT940 entry's :86: is read into its structured properties on first use, on whichever thread uses it.</summary>
public sealed class StatementEntryTests
{
    [Fact]
    public void StructuredProperties_ReadOnOtherThreadsThanTheParser_AreEachEntrysOwn()
    {
        var text = new StringBuilder(":20:STMT\r\n:25:DE89370400440532013000\r\n:28C:1/1\r\n:60F:C240101EUR0,00\r\n");
        for (var i = 0; i < 2_000; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $":61:240115C1,00NTRFNONREF\r\n:86:166?00GUTSCHRIFT?20EREF+E2E-{i}?21SVWZ+INV-{i}?32PAYER {i}\r\n");
        }

        text.Append(":62F:C240131EUR2000,00\r\n");
        var entries = BankFileReader.ReadEvents(new MemoryStream(Encoding.ASCII.GetBytes(text.ToString()))).OfType<BankFileEvent.EntryRead>().Select(e => e.Entry).ToList();

        Parallel.For(0, entries.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            Assert.Equal($"E2E-{i}", entries[i].EndToEndId);
            Assert.Equal($"INV-{i}", entries[i].RemittanceInfo);
            Assert.Equal($"PAYER {i}", entries[i].CounterpartyName);
            Assert.Equal("166", entries[i].TransactionTypeCode);
        });
        Assert.Equal(2_000, entries.Count);
    }
}
