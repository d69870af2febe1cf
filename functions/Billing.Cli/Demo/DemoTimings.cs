namespace Billing.Cli.Demo;

/// <summary>Wall-clock time per stage of the demo (rendering is time summed over workers, inside billing).</summary>
public sealed class DemoTimings
{
    public TimeSpan Import { get; set; }

    public TimeSpan Scheduling { get; set; }

    public TimeSpan Billing { get; set; }

    public TimeSpan Rendering { get; set; }

    public TimeSpan Sending { get; set; }

    /// <summary>Writing the bank's statement files.</summary>
    public TimeSpan BankFiles { get; set; }

    /// <summary>Ingesting the statement files (matching and applying payments, parking the rest).</summary>
    public TimeSpan Ingestion { get; set; }

    /// <summary>The dunning job and the sending of its notices.</summary>
    public TimeSpan Dunning { get; set; }

    /// <summary>Publishing the reports, summed over the days they were due (period closes and the last day).</summary>
    public TimeSpan Reports { get; set; }

    public TimeSpan Total { get; set; }
}
