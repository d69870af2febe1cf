using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Billing.Core.Monetary;

namespace Billing.Core.Serialization;

/// <summary>Money on the wire: <c>{"amount":"12.30","currency":"EUR"}</c>, the amount a decimal string.</summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected a money object {\"amount\":\"…\",\"currency\":\"…\"}.");
        }

        decimal? amount = null;
        string? currency = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (string.Equals(name, "amount", StringComparison.OrdinalIgnoreCase))
            {
                amount = ReadAmount(ref reader);
            }
            else if (string.Equals(name, "currency", StringComparison.OrdinalIgnoreCase))
            {
                currency = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        if (amount is null || currency is null)
        {
            throw new JsonException("A money object needs both 'amount' and 'currency'.");
        }

        return Currency.TryFromCode(currency, out var known)
            ? new Money(amount.Value, known)
            : throw new JsonException($"currency '{currency}' is not a supported ISO 4217 currency code.");
    }

    /// <summary>A decimal string ("49.00") or a JSON number; "forty", "NaN", "1e30" or an amount beyond decimal's range is a <see cref="JsonException"/>.</summary>
    private static decimal ReadAmount(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString();
            return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new JsonException($"amount '{text}' is not a decimal number: expected a string such as \"49.00\".");
        }

        return reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var number)
            ? number
            : throw new JsonException($"amount is not a decimal number: expected a string such as \"49.00\".");
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("amount", value.Amount.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("currency", value.Currency.Code);
        writer.WriteEndObject();
    }
}
