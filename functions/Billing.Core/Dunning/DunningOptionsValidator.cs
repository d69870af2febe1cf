using Microsoft.Extensions.Options;

namespace Billing.Core.Dunning;

/// <summary>Rejects dunning settings that would chase customers wrongly, naming the policy and stage.</summary>
public sealed class DunningOptionsValidator : IValidateOptions<DunningOptions>
{
    public ValidateOptionsResult Validate(string? name, DunningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxBankFileAgeDays < 0)
        {
            failures.Add($"DUNNING_MAX_BANK_FILE_AGE must be zero or more days (is {options.MaxBankFileAgeDays}).");
        }

        if (options.ClaimTimeout <= TimeSpan.Zero)
        {
            failures.Add("Dunning:ClaimTimeout must be positive.");
        }

        foreach (var (policyName, policy) in options.Policies)
        {
            if (policy?.Problem() is { } problem)
            {
                failures.Add($"Dunning policy '{policyName}' {problem}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
