namespace Billing.BankFiles;

/// <summary>A party named in a transaction (camt RltdPties, MT940 ?32/?33, CSV name column).</summary>
public sealed class RelatedParty
{
    /// <summary>Role as the file names it: Debtor, Creditor, UltimateDebtor, UltimateCreditor, InitiatingParty.</summary>
    public required string Role { get; init; }

    /// <summary>Name, when given.</summary>
    public string? Name { get; init; }

    /// <summary>IBAN of the party's account, when given.</summary>
    public string? Iban { get; init; }

    /// <summary>Non-IBAN account identifier, when given.</summary>
    public string? OtherAccountId { get; init; }

    /// <summary>BIC of the party's agent, when given.</summary>
    public string? Bic { get; init; }

    /// <summary>Name of the party's agent (bank), when given.</summary>
    public string? AgentName { get; init; }

    /// <summary>Unstructured address lines (AdrLine) in order.</summary>
    public IReadOnlyList<string> AddressLines { get; init; } = [];

    /// <summary>Street name of a structured address.</summary>
    public string? StreetName { get; init; }

    /// <summary>Building number of a structured address.</summary>
    public string? BuildingNumber { get; init; }

    /// <summary>Post code of a structured address.</summary>
    public string? PostCode { get; init; }

    /// <summary>Town of a structured address.</summary>
    public string? TownName { get; init; }

    /// <summary>Country code of the address.</summary>
    public string? Country { get; init; }

    /// <summary>Organisation or private identification (e.g. SEPA creditor id), when given.</summary>
    public string? Identification { get; init; }

    /// <summary>The account of this party: IBAN when known, otherwise the other identifier.</summary>
    public string? Account => Iban ?? OtherAccountId;
}
