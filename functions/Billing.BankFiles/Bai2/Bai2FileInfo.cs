namespace Billing.BankFiles.Bai2;

/// <summary>A BAI2 file header (01) and trailer (99), plus the groups seen.</summary>
public sealed class Bai2FileInfo
{
    /// <summary>Sender identification.</summary>
    public string? Sender { get; internal set; }

    /// <summary>Receiver identification.</summary>
    public string? Receiver { get; internal set; }

    /// <summary>File creation date.</summary>
    public DateOnly? CreationDate { get; internal set; }

    /// <summary>File creation time (HHMM; "hh:mm:ss" is tolerated).</summary>
    public TimeOnly? CreationTime { get; internal set; }

    /// <summary>File identification number.</summary>
    public string? FileId { get; internal set; }

    /// <summary>Physical record length, when given.</summary>
    public int? PhysicalRecordLength { get; internal set; }

    /// <summary>Block size, when given.</summary>
    public int? BlockSize { get; internal set; }

    /// <summary>Version number (2 for BAI2).</summary>
    public int? Version { get; internal set; }

    /// <summary>File control total (99).</summary>
    public decimal? ControlTotal { get; internal set; }

    /// <summary>Number of groups (99).</summary>
    public int? GroupCount { get; internal set; }

    /// <summary>Number of records (99).</summary>
    public int? RecordCount { get; internal set; }

    /// <summary>Groups in file order.</summary>
    public IReadOnlyList<Bai2Group> Groups => _groups;

    internal readonly List<Bai2Group> _groups = [];
}
