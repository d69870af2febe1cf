namespace Billing.Cli.Demo;

/// <summary>What <c>billing demo</c> simulates: how many accounts, over how many months from which day, with which seed.</summary>
public sealed record DemoOptions(int Accounts, int Months, int Seed, DateOnly Start)
{
    /// <summary>Only bill (no bank files, no ingestion, no dunning): what the other CLI tests start from.</summary>
    public bool BillOnly { get; init; }

    /// <summary>The simulated days: from <see cref="Start"/> up to (excluding) the same day <see cref="Months"/> later.</summary>
    public IEnumerable<DateOnly> Days()
    {
        var end = Start.AddMonths(Months);
        for (var day = Start; day < end; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
