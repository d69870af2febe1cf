using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Billing.Core.Serialization;

namespace Billing.Core.Accounts;

/// <summary>
/// Reads an import file with bounded memory: at most <see cref="AccountImportRules.MaxFileBytes"/> are read (a larger
/// file is refused before it is all read), every JSON value is checked against <see cref="AccountImportRules.MaxValueBytes"/>
/// before anything is deserialised, and unknown fields or <c>null</c> where a value is required are refused. Every error
/// names the file and the element (<c>accounts[1].account.legalName</c>) and says what was expected.
/// </summary>
internal static class AccountImportReader
{
    private static readonly JsonSerializerOptions s_options = new(BillingJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
    };

    public static AccountImportFile Read(Stream json, string fileName)
    {
        var content = ReadBounded(json, fileName);
        var topLevel = Scan(content, fileName);
        AccountImportFile? file;
        try
        {
            file = JsonSerializer.Deserialize<AccountImportFile>(content, s_options);
        }
        catch (JsonException e)
        {
            throw new AccountImportException($"{fileName}: line {(e.LineNumber ?? 0) + 1}, {Element(e.Path)}: {FirstSentence(e.Message)}", e);
        }

        foreach (var required in (string[])["plans", "accounts"])
        {
            if (!topLevel.Contains(required))
            {
                throw new AccountImportException(
                    $"{fileName}: the file has no '{required}' array: expected {{\"plans\": [...], \"accounts\": [...]}} (either may be empty).");
            }
        }

        return file!;
    }

    private static byte[] ReadBounded(Stream json, string fileName)
    {
        if (json.CanSeek)
        {
            // The size is known: refuse it unread, or read it into one array of exactly that size.
            var length = json.Length - json.Position;
            if (length > AccountImportRules.MaxFileBytes)
            {
                throw TooLarge(fileName, length);
            }

            var content = new byte[length];
            json.ReadExactly(content);
            return content;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = json.Read(chunk)) > 0)
        {
            if (buffer.Length + read > AccountImportRules.MaxFileBytes)
            {
                throw TooLarge(fileName, null);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Checks the syntax and the length of every value, tracking the element path; returns the top-level property names.</summary>
    private static HashSet<string> Scan(byte[] content, string fileName)
    {
        var topLevel = new HashSet<string>(StringComparer.Ordinal);
        var path = new JsonElementPath();
        var reader = new Utf8JsonReader(content);
        try
        {
            while (reader.Read())
            {
                if (reader.ValueSpan.Length > AccountImportRules.MaxValueBytes)
                {
                    throw new AccountImportException(string.Create(CultureInfo.InvariantCulture,
                        $"{fileName}: {path.Current(reader.TokenType)}: a value of {reader.ValueSpan.Length:N0} bytes; no field of an import file is longer than {AccountImportRules.MaxValueBytes:N0} bytes."));
                }

                if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 0)
                {
                    path.Enter(array: false);
                    continue;
                }

                if (reader.CurrentDepth == 0 && reader.TokenType != JsonTokenType.EndObject)
                {
                    throw new AccountImportException($"{fileName}: the file holds {Describe(reader.TokenType)}, expected an object {{\"plans\": [...], \"accounts\": [...]}}.");
                }

                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    topLevel.Add(reader.GetString()!);
                }

                path.Step(reader.TokenType, reader.TokenType == JsonTokenType.PropertyName ? reader.GetString() : null);
            }
        }
        catch (JsonException e)
        {
            throw new AccountImportException($"{fileName}: line {(e.LineNumber ?? 0) + 1}, {path.Current(JsonTokenType.None)}: {FirstSentence(e.Message)}", e);
        }

        return topLevel;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Null => "JSON null",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        _ => "true or false",
    };

    private static AccountImportException TooLarge(string fileName, long? bytes) => new(string.Create(CultureInfo.InvariantCulture,
        $"{fileName}: the file is {(bytes is { } b ? $"{b:N0} bytes" : "larger than that")}; an import file is at most {AccountImportRules.MaxFileBytes:N0} bytes ({AccountImportRules.MaxFileBytes / (1024 * 1024)} MiB): split it into several files."));

    /// <summary>"$.accounts[1].account" → "accounts[1].account"; the file itself is "the file".</summary>
    private static string Element(string? path) =>
        path is null or "$" ? "the file" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
