using Billing.Core.Invoicing;

namespace Billing.Documents.Ubl;

/// <summary>
/// Writes a seller (BG-4) or buyer (BG-7) as a UBL party: postal address (BG-5/BG-8), VAT identifier
/// (BT-31/BT-48) under the VAT tax scheme, legal name (BT-27/BT-44) and contact e-mail (BT-43/BT-58),
/// in the order of the UBL PartyType sequence.
/// </summary>
internal static class UblPartyWriter
{
    public static void Write(UblXml ubl, string role, Party party)
    {
        ubl.Start(role);
        ubl.Start("Party");

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

        if (!string.IsNullOrWhiteSpace(party.Email))
        {
            ubl.Start("Contact");
            ubl.Text("ElectronicMail", party.Email);
            ubl.End();
        }

        ubl.End();
        ubl.End();
    }
}
