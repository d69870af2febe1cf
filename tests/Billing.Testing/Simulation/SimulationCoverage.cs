namespace Billing.Testing.Simulation;

/// <summary>How much of each kind a simulation run produced; added up over seeds, each must be more than zero.</summary>
public sealed record SimulationCoverage(
    int Invoices, int CreditNotes, int Applied, int Parked, int Refunded, int Returned, int SettledDifferently, int DuplicateDeliveries)
{
    public static SimulationCoverage operator +(SimulationCoverage a, SimulationCoverage b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.Invoices + b.Invoices, a.CreditNotes + b.CreditNotes, a.Applied + b.Applied, a.Parked + b.Parked, a.Refunded + b.Refunded,
            a.Returned + b.Returned, a.SettledDifferently + b.SettledDifferently, a.DuplicateDeliveries + b.DuplicateDeliveries);
    }

    public static SimulationCoverage Add(SimulationCoverage a, SimulationCoverage b) => a + b;

    /// <summary>The kinds that never happened.</summary>
    public IEnumerable<string> Missing()
    {
        if (Invoices == 0) { yield return nameof(Invoices); }
        if (CreditNotes == 0) { yield return nameof(CreditNotes); }
        if (Applied == 0) { yield return nameof(Applied); }
        if (Parked == 0) { yield return nameof(Parked); }
        if (Refunded == 0) { yield return nameof(Refunded); }
        if (Returned == 0) { yield return nameof(Returned); }
        if (SettledDifferently == 0) { yield return nameof(SettledDifferently); }
        if (DuplicateDeliveries == 0) { yield return nameof(DuplicateDeliveries); }
    }
}
