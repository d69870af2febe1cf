namespace Billing.Core.Dunning;

/// <summary>
/// Dunning configuration. Policies come from the section <c>Dunning</c> (<c>Dunning__Policies__strict__Stages__0__Day</c>,
/// …); a policy named <c>default</c> is always present (the built-in <see cref="DunningPolicy.Default"/> unless
/// configured). The flat settings <c>DUNNING_MAX_BANK_FILE_AGE</c> (days), <c>DUNNING_REQUIRE_BANK_FILE</c> and
/// <c>DUNNING_GROUP_PER_ACCOUNT</c> override the section's values.
/// </summary>
public sealed class DunningOptions
{
    public const string Section = "Dunning";

    public Dictionary<string, DunningPolicy> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>No notice is sent when the newest processed bank file was ingested more than this many days before the run date.</summary>
    public int MaxBankFileAgeDays { get; set; } = 3;

    /// <summary>When true (the default) a run is blocked while no bank file was ever ingested; set it to false
    /// for a company that does not upload statements (payments are then recorded by other means).</summary>
    public bool RequireBankFile { get; set; } = true;

    /// <summary>One email per account and run listing every invoice at its stage (true), or one email per invoice and stage.</summary>
    public bool GroupPerAccount { get; set; } = true;

    /// <summary>How long a notice claimed by another message stays its own before a different message may take it over and send it.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The policy called <paramref name="name"/>; an unknown name is <see langword="null"/>.</summary>
    public DunningPolicy? PolicyNamed(string? name) =>
        Policies.TryGetValue(string.IsNullOrWhiteSpace(name) ? DunningPolicy.DefaultName : name, out var policy) ? policy : null;
}
