namespace Billing.BankFiles.Csv;

/// <summary>Splits one CSV record into fields: the delimiter separates, double quotes enclose, "" is a literal quote.</summary>
internal static class CsvLine
{
    public static List<string> Split(string line, char delimiter, List<string> into)
    {
        into.Clear();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                into.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        into.Add(field.ToString().Trim());
        return into;
    }

    /// <summary>True when the line ends inside an open quote (the record continues on the next line).</summary>
    public static bool EndsInsideQuotes(string line)
    {
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
        }

        return quoted;
    }
}
