using Billing.Core.Accounts;

namespace Billing.Cli.Demo;

/// <summary>Plausible, fictitious postal addresses per country.</summary>
public static class DemoAddresses
{
    private static readonly Dictionary<string, (string City, string PostalCode, string Street)[]> s_places = new(StringComparer.Ordinal)
    {
        ["DE"] = [("Berlin", "10115", "Torstraße"), ("München", "80331", "Marienplatz"), ("Hamburg", "20095", "Mönckebergstraße"), ("Köln", "50667", "Hohe Straße"), ("Leipzig", "04109", "Grimmaische Straße")],
        ["FR"] = [("Paris", "75002", "Rue du Sentier"), ("Lyon", "69002", "Rue de la République"), ("Toulouse", "31000", "Rue d'Alsace-Lorraine")],
        ["NL"] = [("Amsterdam", "1012 AB", "Damrak"), ("Rotterdam", "3011 AD", "Coolsingel"), ("Utrecht", "3511 LJ", "Oudegracht")],
        ["AT"] = [("Wien", "1010", "Kärntner Straße"), ("Graz", "8010", "Herrengasse"), ("Linz", "4020", "Landstraße")],
        ["SE"] = [("Stockholm", "111 52", "Drottninggatan"), ("Göteborg", "411 05", "Kungsgatan")],
        ["US"] = [("New York, NY", "10013", "Broadway"), ("Austin, TX", "78701", "Congress Avenue"), ("Seattle, WA", "98101", "Pike Street")],
        ["GB"] = [("London", "EC1V 9HX", "City Road"), ("Manchester", "M1 1AD", "Market Street"), ("Edinburgh", "EH1 1YZ", "Royal Mile")],
        ["CH"] = [("Zürich", "8001", "Bahnhofstrasse"), ("Basel", "4051", "Freie Strasse"), ("Bern", "3011", "Marktgasse")],
    };

    public static PostalAddress For(string countryCode, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var places = s_places[countryCode];
        var (city, postalCode, street) = places[random.Next(places.Length)];
        return new PostalAddress { Street = $"{street} {random.Next(1, 200)}", City = city, PostalCode = postalCode, CountryCode = countryCode };
    }
}
