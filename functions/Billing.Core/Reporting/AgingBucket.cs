namespace Billing.Core.Reporting;

/// <summary>Where an open amount stands by days past its due date (on the due date itself it is current).</summary>
public enum AgingBucket
{
    Current,
    Days1To30,
    Days31To60,
    Days61To90,
    Over90,
}

public static class AgingBuckets
{
    public static IReadOnlyList<AgingBucket> All { get; } = Enum.GetValues<AgingBucket>();

    /// <summary>The bucket of an amount <paramref name="daysPastDue"/> days past due (zero or less is current).</summary>
    public static AgingBucket Of(int daysPastDue) => daysPastDue switch
    {
        <= 0 => AgingBucket.Current,
        <= 30 => AgingBucket.Days1To30,
        <= 60 => AgingBucket.Days31To60,
        <= 90 => AgingBucket.Days61To90,
        _ => AgingBucket.Over90,
    };

    public static string Label(AgingBucket bucket) => bucket switch
    {
        AgingBucket.Current => "Current",
        AgingBucket.Days1To30 => "1–30 days",
        AgingBucket.Days31To60 => "31–60 days",
        AgingBucket.Days61To90 => "61–90 days",
        _ => "Over 90 days",
    };
}
