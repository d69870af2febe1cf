namespace Billing.Core.Accounts;

/// <summary>
/// An electronic address (EN 16931 BT-34 seller, BT-49 buyer): a Peppol participant identifier, that is a scheme
/// from the CEF Electronic Address Scheme (EAS) code list plus the identifier within it (<c>0088</c> GLN,
/// <c>0192</c> Norwegian organisation number, <c>0208</c> Belgian enterprise number, <c>9930</c> German VAT number,
/// <c>0204</c> Leitweg-ID of a German public body, <c>EM</c> e-mail, …). Written <c>scheme:id</c>. Only schemes
/// listed in <see cref="ElectronicAddressSchemes"/> are accepted, and identifiers are checked against their scheme's
/// format and check digits where the scheme has them (<see cref="Validated"/>): an address that cannot route an
/// e-invoice is refused where it enters, not by the receiver's access point.
/// </summary>
public sealed record ElectronicAddress
{
    /// <summary>The EAS code: four digits (ISO 6523 ICD or a 99xx VAT scheme) or two letters (<c>EM</c>).</summary>
    public required string Scheme { get; init; }

    /// <summary>The identifier within the scheme, as written on the e-invoice.</summary>
    public required string Id { get; init; }

    /// <summary>True when the address is a Leitweg-ID (scheme <c>0204</c>): the buyer is a German public body (XRechnung).</summary>
    public bool IsLeitwegId => Scheme == ElectronicAddressSchemes.LeitwegId;

    /// <summary>Parses <c>scheme:id</c> (as settings carry it) and validates it.</summary>
    /// <exception cref="ArgumentException">No colon, unknown scheme, or an identifier the scheme refuses.</exception>
    public static ElectronicAddress Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == value.Length - 1)
        {
            throw new ArgumentException($"'{value}' is not an electronic address: expected 'scheme:id', e.g. '0088:4035811991021' or '9930:DE123456788'.", nameof(value));
        }

        return new ElectronicAddress { Scheme = value[..colon].Trim(), Id = value[(colon + 1)..].Trim() }.Validated();
    }

    /// <summary>
    /// Returns this address if its scheme is known and its identifier has the scheme's format and check digits.
    /// </summary>
    /// <exception cref="ArgumentException">The message names the scheme and what it expects.</exception>
    public ElectronicAddress Validated()
    {
        if (string.IsNullOrWhiteSpace(Scheme) || string.IsNullOrWhiteSpace(Id))
        {
            throw new ArgumentException("An electronic address needs a scheme and an id.", nameof(Scheme));
        }

        var problem = ElectronicAddressSchemes.Check(Scheme, Id);
        return problem is null ? this : throw new ArgumentException(problem, nameof(Id));
    }

    public override string ToString() => $"{Scheme}:{Id}";
}
