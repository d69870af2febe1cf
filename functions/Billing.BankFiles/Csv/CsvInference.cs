namespace Billing.BankFiles.Csv;

/// <summary>
/// The outcome of <see cref="CsvProfileInference.Infer(string)"/>: a profile with how sure the inference is and the
/// mapping in words, or a refusal saying which column could not be told and naming the candidates.
/// </summary>
public sealed class CsvInference
{
    private CsvInference(CsvProfile? profile, string confidence, string description)
    {
        Profile = profile;
        Confidence = confidence;
        Description = description;
    }

    /// <summary>The inferred profile; null when refused.</summary>
    public CsvProfile? Profile { get; }

    /// <summary>"high" (every required column named by an exact header word and its values fit), "medium", or "refused".</summary>
    public string Confidence { get; }

    /// <summary>The mapping in words ("header on line 6; delimiter ';'; booking date \"Datum\"; …"), or why it was refused.</summary>
    public string Description { get; }

    internal static CsvInference Inferred(CsvProfile profile, string confidence, string description) => new(profile, confidence, description);

    internal static CsvInference Refused(string reason) => new(null, "refused", reason);
}
