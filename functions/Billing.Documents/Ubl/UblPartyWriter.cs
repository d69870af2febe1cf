using Billing.Core.Invoicing;

namespace Billing.Documents.Ubl;

/// <summary>
/// Writes a seller (BG-4) or buyer (BG-7) as a UBL party in the order of the UBL PartyType sequence: electronic
/// address with its scheme (BT-34/BT-49, EndpointID@schemeID, PEPPOL-EN16931-R010/R020), postal address
/// (BG-5/BG-8), VAT identifier (BT-31/BT-48) under the VAT tax scheme, legal name (BT-27/BT-44) and contact
/// (BG-6/BG-9: name BT-41, telephone BT-42, e-mail BT-43). No element is written empty (PEPPOL-EN16931-R008).
/// </summary>
internal static class UblPartyWriter
{
    public static void Write(UblXml ubl, string role, Party party)
    {
        ubl.Start(role);
        ubl.Start("Party");

        if (party.ElectronicAddress is { } endpoint)
        {
            ubl.Schemed("EndpointID", endpoint.Id, endpoint.Scheme);
        }

        ubl.Start("PostalAddress");
        ubl.Text("StreetName", party.Address.Street);
        if (!string.IsNullOrWhiteSpace(party.Address.AdditionalLine))
        {
            ubl.Text("AdditionalStreetName", party.Address.AdditionalLine);
        }

        ubl.Text("CityName", party.Address.City);
        ubl.Text("PostalZone", party.Address.PostalCode);
        ubl.Start("Country");
        ubl.Text("IdentificationCode", party.Address.CountryCode);
        ubl.End();
        ubl.End();

        if (!string.IsNullOrWhiteSpace(party.VatId))
        {
            ubl.Start("PartyTaxScheme");
            ubl.Text("CompanyID", party.VatId);
            ubl.Identified("TaxScheme", "VAT");
            ubl.End();
        }

        ubl.Start("PartyLegalEntity");
        ubl.Text("RegistrationName", party.LegalName);
        ubl.End();

        WriteContact(ubl, party);
        ubl.End();
        ubl.End();
    }

    private static void WriteContact(UblXml ubl, Party party)
    {
        var name = party.ContactName;
        var phone = party.ContactPhone;
        var email = party.Email;
        if (string.IsNullOrWhiteSpace(name) && string.IsNullOrWhiteSpace(phone) && string.IsNullOrWhiteSpace(email))
        {
            return;
        }

        ubl.Start("Contact");
        if (!string.IsNullOrWhiteSpace(name))
        {
            ubl.Text("Name", name);
        }

        if (!string.IsNullOrWhiteSpace(phone))
        {
            ubl.Text("Telephone", phone);
        }

        if (!string.IsNullOrWhiteSpace(email))
        {
            ubl.Text("ElectronicMail", email);
        }

        ubl.End();
    }
}
