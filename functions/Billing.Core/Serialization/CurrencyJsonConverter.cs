using System.Text.Json;
using System.Text.Json.Serialization;
using Billing.Core.Monetary;

namespace Billing.Core.Serialization;

/// <summary>A currency on the wire is its ISO 4217 code.</summary>
public sealed class CurrencyJsonConverter : JsonConverter<Currency>
{
    public override Currency Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var code = reader.GetString();
        return Currency.TryFromCode(code, out var currency)
            ? currency
            : throw new JsonException($"'{code}' is not a supported ISO 4217 currency code.");
    }

    public override void Write(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Code);
}
