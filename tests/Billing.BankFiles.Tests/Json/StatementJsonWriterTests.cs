using System.Buffers;
using System.Text;
using System.Text.Json;
using Billing.BankFiles.Json;

namespace Billing.BankFiles.Tests.Json;

/// <summary>The JSON written while streaming is the JSON of the whole file, and it leaves the writer in pieces.</summary>
public sealed class StatementJsonWriterTests
{
    public static TheoryData<string> Files() => new()
    {
        ":20:A\r\n:25:DE89370400440532013000\r\n:28C:1/1\r\n:60F:C240101EUR0,00\r\n:61:240115C1,00NTRFR1//B1\r\n:86:166?20SVWZ+One\r\n:62F:C240131EUR1,00\r\n",
        "01,S,R,240131,1200,1,80,1,2/\n02,R,B,1,240131,2400,USD,2/\n03,1,USD,010,100,,,015,200,,/\n16,142,100,0,B,C,Text/\n49,400,3/\n98,400,1,5/\n99,400,1,7/\n",
        Camt.CamtDocument.Create(Camt.CamtDocument.Entry("")),
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Write_Events_GiveTheSameJsonAsTheWholeFile(string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var whole = StatementJsonWriter.ToJson(BankFileReader.Read(new MemoryStream(bytes)));
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            StatementJsonWriter.Write(writer, BankFileReader.ReadEvents(new MemoryStream(bytes)), flush: null);
        }

        Assert.Equal(whole, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Write_ManyEntries_FlushesBeforeTheEnd()
    {
        var entries = string.Concat(Enumerable.Range(0, 2000).Select(i => $":61:240115C1,00NTRFR{i}//B{i}\r\n"));
        var content = $":20:A\r\n:25:DE89370400440532013000\r\n:28C:1/1\r\n:60F:C240101EUR0,00\r\n{entries}:62F:C240131EUR2000,00\r\n";
        var buffer = new ArrayBufferWriter<byte>();
        var flushes = 0;
        using var writer = new Utf8JsonWriter(buffer);

        StatementJsonWriter.Write(writer, BankFileReader.ReadEvents(new MemoryStream(Encoding.UTF8.GetBytes(content))), () => flushes++);

        Assert.True(flushes > 5, $"flushed {flushes} times");
        using var json = JsonDocument.Parse(buffer.WrittenMemory);
        Assert.Equal(2000, json.RootElement.GetProperty("statements")[0].GetProperty("entry_count").GetInt32());
    }
}
