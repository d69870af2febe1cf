using Billing.Core.Invoicing;

namespace Billing.Core.Reporting;

/// <summary>
/// Splits an invoice's net and VAT by plan. Net is the sum of the plan's line amounts (exact: lines are rounded).
/// VAT is each plan's line net × rate, rounded to the minor unit, with whatever the invoice's VAT total differs from
/// the sum of those given to the plan with the largest VAT, so the plans always add up to the invoice. Lines of no
/// plan (one-off charges, late fees) are under <see cref="NoPlan"/>.
/// </summary>
internal static class PlanSplit
{
    public const string NoPlan = "(no plan)";

    public static IReadOnlyList<(string Plan, decimal Net, decimal Vat)> Of(Invoice invoice)
    {
        var minor = invoice.Currency.MinorUnits;
        var plans = new List<(string Plan, decimal Net, decimal RawVat)>(2);
        foreach (var line in invoice.Lines)
        {
            var plan = line.PlanId ?? NoPlan;
            var index = plans.FindIndex(p => p.Plan == plan);
            var rawVat = line.NetAmount.Amount * line.VatRate / 100m;
            if (index < 0)
            {
                plans.Add((plan, line.NetAmount.Amount, rawVat));
            }
            else
            {
                plans[index] = (plan, plans[index].Net + line.NetAmount.Amount, plans[index].RawVat + rawVat);
            }
        }

        if (plans.Count == 0)
        {
            return [(NoPlan, invoice.NetTotal.Amount, invoice.VatTotal.Amount)];
        }

        var split = plans.Select(p => (p.Plan, p.Net, Vat: Math.Round(p.RawVat, minor, MidpointRounding.AwayFromZero))).ToList();
        var rest = invoice.VatTotal.Amount - split.Sum(p => p.Vat);
        var netRest = invoice.NetTotal.Amount - split.Sum(p => p.Net);
        if (rest != 0m || netRest != 0m)
        {
            var largest = 0;
            for (var i = 1; i < split.Count; i++)
            {
                if (Math.Abs(split[i].Vat) > Math.Abs(split[largest].Vat))
                {
                    largest = i;
                }
            }

            split[largest] = (split[largest].Plan, split[largest].Net + netRest, split[largest].Vat + rest);
        }

        return split;
    }
}
