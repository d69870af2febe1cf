namespace Billing.BankFiles.Csv;

/// <summary>Finds the first profile whose header columns all appear in one of the first lines.</summary>
internal static class CsvProfileMatcher
{
    public static CsvProfile? Match(ReadOnlySpan<char> text, IReadOnlyList<CsvProfile> profiles)
    {
        var fields = new List<string>();
        var lines = 0;
        foreach (var line in text.EnumerateLines())
        {
            if (++lines > 60)
            {
                break;
            }

            var s = line.ToString();
            foreach (var profile in profiles)
            {
                if (lines <= profile.MaxPreambleLines + 1 && IsHeader(CsvLine.Split(s, profile.Delimiter, fields), profile))
                {
                    return profile;
                }
            }
        }

        return null;
    }

    public static bool IsHeader(List<string> fields, CsvProfile profile)
    {
        foreach (var column in profile.HeaderColumns)
        {
            if (IndexOf(fields, column) < 0)
            {
                return false;
            }
        }

        return true;
    }

    public static int IndexOf(List<string> fields, string? column)
    {
        if (column is null)
        {
            return -1;
        }

        for (var i = 0; i < fields.Count; i++)
        {
            if (string.Equals(fields[i], column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
