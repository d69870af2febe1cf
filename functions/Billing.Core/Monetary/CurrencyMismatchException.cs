namespace Billing.Core.Monetary;

/// <summary>Two amounts of different currencies were combined; money is never converted implicitly.</summary>
public sealed class CurrencyMismatchException(Currency left, Currency right)
    : InvalidOperationException($"Cannot combine {left.Code} with {right.Code}: amounts of different currencies never mix.")
{
    public Currency Left { get; } = left;

    public Currency Right { get; } = right;
}
