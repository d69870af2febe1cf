using System.Globalization;
using System.Text.Json;
using static Billing.BankFiles.Json.JsonValues;

namespace Billing.BankFiles.Json;

/// <summary>Writes one camt transaction detail (TxDtls) with its related parties; amounts carry the entry's direction.</summary>
internal static class TransactionDetailJson
{
    internal static void WriteDetail(Utf8JsonWriter w, TransactionDetail d, bool entryIsCredit)
    {
        w.WriteStartObject();
        WriteAmount(w, "amount", d.Amount);
        w.WriteString("currency", d.Currency);
        WriteAmount(w, "instructed_amount", d.InstructedAmount);
        w.WriteString("instructed_currency", d.InstructedCurrency);
        WriteAmount(w, "original_amount", d.InstructedAmount);
        w.WriteString("original_currency", d.InstructedCurrency);
        w.WriteString("exchange_rate", d.ExchangeRate?.ToString(CultureInfo.InvariantCulture));
        w.WriteString("end_to_end_id", d.EndToEndId);
        w.WriteString("transaction_id", d.TransactionId);
        w.WriteString("instruction_id", d.InstructionId);
        w.WriteString("payment_information_id", d.PaymentInformationId);
        w.WriteString("mandate_id", d.MandateId);
        w.WriteString("account_servicer_reference", d.AccountServicerReference);
        w.WriteString("uetr", d.Uetr);
        w.WriteString("remittance_info", d.RemittanceInfo);
        WriteStrings(w, "remittance_unstructured", d.RemittanceLines);
        w.WriteString("creditor_reference", d.CreditorReference);
        w.WriteString("creditor_reference_type", d.CreditorReferenceType);
        WriteStrings(w, "additional_remittance_info", d.AdditionalRemittanceLines);
        w.WriteString("bank_transaction_code", d.BankTransactionCode);
        w.WriteString("proprietary_bank_transaction_code", d.ProprietaryBankTransactionCode);
        w.WriteString("return_reason", d.ReturnReason);
        w.WriteString("additional_info", d.AdditionalInfo);
        WriteAmount(w, "charges", d.Charges);
        var counterparty = d.Counterparty(entryIsCredit);
        w.WriteString("counterparty_name", counterparty?.Name);
        w.WriteString("counterparty_iban", counterparty?.Account);
        w.WriteString("counterparty_bic", counterparty?.Bic);
        w.WriteStartArray("related_parties");
        foreach (var party in d.RelatedParties)
        {
            WriteParty(w, party);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    internal static void WriteParty(Utf8JsonWriter w, RelatedParty p)
    {
        w.WriteStartObject();
        w.WriteString("role", p.Role);
        w.WriteString("name", p.Name);
        w.WriteString("account", p.Account);
        w.WriteString("iban", p.Iban);
        w.WriteString("bic", p.Bic);
        w.WriteString("bank_name", p.AgentName);
        WriteStrings(w, "postal_address_lines", p.AddressLines);
        w.WriteString("street", p.StreetName);
        w.WriteString("building_number", p.BuildingNumber);
        w.WriteString("post_code", p.PostCode);
        w.WriteString("town", p.TownName);
        w.WriteString("country", p.Country);
        w.WriteString("identification", p.Identification);
        w.WriteEndObject();
    }
}
