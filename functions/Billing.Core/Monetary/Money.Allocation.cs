namespace Billing.Core.Monetary;

public readonly partial struct Money
{
    /// <summary>
    /// Splits the rounded amount into <paramref name="parts"/> shares that differ by at most one minor unit
    /// and add up exactly to it.
    /// </summary>
    public Money[] Split(int parts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        return Allocate(Enumerable.Repeat(1m, parts).ToArray());
    }

    /// <summary>
    /// Splits the rounded amount in proportion to <paramref name="ratios"/> so that no minor unit is lost:
    /// each share is first rounded toward zero, then the minor units left over go one each to the shares
    /// with the largest discarded fractions (earlier shares first on ties). The shares always add up
    /// exactly to the rounded amount and carry its sign.
    /// </summary>
    /// <exception cref="ArgumentException">No ratios, a negative ratio, or ratios that sum to zero.</exception>
    public Money[] Allocate(params decimal[] ratios)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        if (ratios.Length == 0 || ratios.Any(r => r < 0m) || ratios.Sum() == 0m)
        {
            throw new ArgumentException("Ratios must be non-negative and sum to more than zero.", nameof(ratios));
        }

        var total = ToMinorUnits();
        var sign = Math.Sign(total);
        var magnitude = Math.Abs(total);
        var ratioSum = ratios.Sum();
        var shares = new long[ratios.Length];
        var fractions = new decimal[ratios.Length];
        long allocated = 0;
        for (var i = 0; i < ratios.Length; i++)
        {
            var exact = magnitude * ratios[i] / ratioSum;
            shares[i] = (long)decimal.Truncate(exact);
            fractions[i] = exact - shares[i];
            allocated += shares[i];
        }

        var order = Enumerable.Range(0, ratios.Length).OrderByDescending(i => fractions[i]).ThenBy(i => i).ToArray();
        for (var k = 0; allocated < magnitude; k++, allocated++)
        {
            shares[order[k % order.Length]]++;
        }

        var currency = Currency;
        return shares.Select(s => FromMinorUnits(sign * s, currency)).ToArray();
    }
}
