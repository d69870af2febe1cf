using System.Text;

namespace Billing.Azure.Cosmos;

/// <summary>
/// Maps document ids to ids Cosmos DB accepts: an id may not contain '/', '\', '?' or '#'. Those (and the
/// escape character '~' itself, and '%', which gateways may decode) become '~' plus two hex digits, so
/// the mapping is reversible and leaves ordinary ids (letters, digits, '-', '_', '.') unchanged.
/// </summary>
public static class CosmosIds
{
    private const char Escape = '~';

    public static string Encode(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.AsSpan().IndexOfAny("/\\?#%~") < 0)
        {
            return id;
        }

        var builder = new StringBuilder(id.Length + 8);
        foreach (var c in id)
        {
            if (c is '/' or '\\' or '?' or '#' or '%' or Escape)
            {
                builder.Append(Escape).Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string Decode(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!id.Contains(Escape, StringComparison.Ordinal))
        {
            return id;
        }

        var builder = new StringBuilder(id.Length);
        for (var i = 0; i < id.Length; i++)
        {
            if (id[i] == Escape && i + 2 < id.Length && int.TryParse(id.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, null, out var code))
            {
                builder.Append((char)code);
                i += 2;
            }
            else
            {
                builder.Append(id[i]);
            }
        }

        return builder.ToString();
    }
}
