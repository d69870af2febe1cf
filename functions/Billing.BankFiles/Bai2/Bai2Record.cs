namespace Billing.BankFiles.Bai2;

/// <summary>
/// One logical BAI2 record: its type code, its comma-separated fields (with every 88 continuation already
/// appended), and for a 16 record the free text that ends the record.
/// </summary>
internal sealed class Bai2Record
{
    public Bai2Record(string code, int line)
    {
        Code = code;
        Line = line;
    }

    public string Code { get; }

    public int Line { get; }

    public List<string> Fields { get; } = new(8);

    public string? Text { get; set; }

    /// <summary>Physical records (the record itself plus its 88 continuations), as trailers count them.</summary>
    public int PhysicalCount { get; set; } = 1;

    /// <summary>True once the '/' that ends the fields was seen (later 88 records continue the text of a 16).</summary>
    public bool FieldsClosed { get; set; }

    public string Field(int index) => index < Fields.Count ? Fields[index] : string.Empty;
}
