using Billing.BankFiles.Csv;

namespace Billing.BankFiles;

/// <summary>
/// Recognises a bank file from its first characters, never from its name: XML means ISO 20022 camt (the
/// namespace then names message and version); a first record "NN," means BAI2; a 94-character "1 01" or "101"
/// header means NACHA; a SWIFT block header or a line starting with a field tag such as ":20:" means MT940/MT942
/// (free text before the first tag is allowed); otherwise the first CSV profile whose header matches.
/// </summary>
internal static class FormatDetector
{
    public static BankFileFormat? Detect(string prefix, IReadOnlyList<CsvProfile> csvProfiles, out CsvProfile? csvProfile) =>
        Detect(prefix, csvProfiles, inferCsv: false, out csvProfile, out _);

    /// <summary>
    /// As above; when no profile matches and <paramref name="inferCsv"/>, infers one (<see cref="CsvProfileInference"/>):
    /// <paramref name="inference"/> then holds the inferred mapping, or the refusal when the text is CSV but its mapping is unsure.
    /// </summary>
    public static BankFileFormat? Detect(string prefix, IReadOnlyList<CsvProfile> csvProfiles, bool inferCsv, out CsvProfile? csvProfile, out CsvInference? inference)
    {
        csvProfile = null;
        inference = null;
        var text = prefix.AsSpan().TrimStart("\uFEFF \t\r\n\0");
        if (text.IsEmpty)
        {
            return null;
        }

        if (text[0] == '<')
        {
            return BankFileFormat.Camt053;
        }

        var firstLine = FirstLine(text);
        if (firstLine.Length >= 3 && char.IsAsciiDigit(firstLine[0]) && char.IsAsciiDigit(firstLine[1]) && firstLine[2] == ',')
        {
            return BankFileFormat.Bai2;
        }

        if (firstLine.Length >= 3 && firstLine[0] == '1' && (firstLine.StartsWith("101") || firstLine.StartsWith("1 01")) && firstLine.TrimEnd().Length >= 60 && IsMostlyFixedWidth(text))
        {
            return BankFileFormat.Nacha;
        }

        if (LooksLikeSwift(text, out var isMt942))
        {
            return isMt942 ? BankFileFormat.Mt942 : BankFileFormat.Mt940;
        }

        csvProfile = CsvProfileMatcher.Match(text, csvProfiles);
        if (csvProfile is null && inferCsv && LooksLikeCsv(text))
        {
            inference = CsvProfileInference.Infer(text.ToString());
            csvProfile = inference.Profile;
            return BankFileFormat.Csv;
        }

        return csvProfile is null ? null : BankFileFormat.Csv;
    }

    /// <summary>At least two lines that split into three or more fields with the same delimiter.</summary>
    private static bool LooksLikeCsv(ReadOnlySpan<char> text)
    {
        Span<int> rows = stackalloc int[4];
        var lines = 0;
        foreach (var line in text.EnumerateLines())
        {
            if (++lines > 80)
            {
                break;
            }

            var k = 0;
            foreach (var delimiter in ";,\t|")
            {
                rows[k++] += line.Count(delimiter) >= 2 ? 1 : 0;
            }
        }

        foreach (var count in rows)
        {
            if (count >= 2)
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> FirstLine(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAny('\r', '\n');
        return end < 0 ? text : text[..end];
    }

    private static bool IsMostlyFixedWidth(ReadOnlySpan<char> text)
    {
        // NACHA records are 94 characters; accept short lines (some generators trim) but not free text.
        foreach (var line in text.EnumerateLines())
        {
            if (line.Length > 100)
            {
                return false;
            }
        }

        return true;
    }

    private static bool LooksLikeSwift(ReadOnlySpan<char> text, out bool isMt942)
    {
        isMt942 = false;
        var found = false;
        var lines = 0;
        foreach (var raw in text.EnumerateLines())
        {
            var line = raw.TrimStart();
            if (line.StartsWith("{1:") || line.StartsWith("{2:") || line.StartsWith("{4:"))
            {
                found = true;
                if (line.Contains("{2:I942", StringComparison.Ordinal) || line.Contains("{2:O942", StringComparison.Ordinal))
                {
                    isMt942 = true;
                }
            }

            if (line.StartsWith(":20:") || line.StartsWith(":25:") || line.StartsWith(":28C:") || line.StartsWith(":60F:"))
            {
                found = true;
            }

            if (line.StartsWith(":13D:") || line.StartsWith(":34F:") || line.StartsWith(":13:"))
            {
                isMt942 = true;
            }

            if (++lines > 400 || (found && lines > 60))
            {
                break;
            }
        }

        return found;
    }
}
