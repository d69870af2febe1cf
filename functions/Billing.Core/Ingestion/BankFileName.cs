using System.Text;

namespace Billing.Core.Ingestion;

/// <summary>
/// Checks an uploaded bank file's name before anything is applied, because ingestion ends by storing the file as
/// <c>{folder}/{date}/{hash8}-{name}</c> with <c>.report.json</c> and <c>.report.txt</c> beside it: a name that a blob
/// store or a file system refuses there would otherwise fail the ingestion after its payments were applied, on every
/// retry. The rule is the strictest of the stores: at most <see cref="MaxBytes"/> bytes of UTF-8 (a file system's 255
/// for the longest derived name), no path separators, no control characters, not <c>.</c> or <c>..</c>.
/// </summary>
public static class BankFileName
{
    /// <summary>255 (a file name's limit) less the 9 of <c>{hash8}-</c> and the 12 of <c>.report.json</c>.</summary>
    public const int MaxBytes = 234;

    /// <summary>Why <paramref name="name"/> cannot be stored, or null when it can.</summary>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Trim().Length == 0)
        {
            return "the file name is empty";
        }

        if (name is "." or "..")
        {
            return $"'{name}' is not a file name";
        }

        if (name.IndexOfAny(['/', '\\']) is var separator and >= 0)
        {
            return $"the file name contains '{name[separator]}' at character {separator + 1}; expected a name without path separators";
        }

        if (name.ToList().FindIndex(char.IsControl) is var control and >= 0)
        {
            return $"the file name contains the control character U+{(int)name[control]:X4} at character {control + 1}";
        }

        var bytes = Encoding.UTF8.GetByteCount(name);
        return bytes > MaxBytes ? $"the file name is {bytes} bytes long; expected at most {MaxBytes}" : null;
    }

    /// <summary>A name the stores accept, for keeping a file whose own name they refuse (in quarantine).</summary>
    public static string Safe(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var kept = new StringBuilder();
        foreach (var c in name)
        {
            kept.Append(char.IsControl(c) || c is '/' or '\\' ? '_' : c);
            if (Encoding.UTF8.GetByteCount(kept.ToString()) > MaxBytes - 16)
            {
                kept.Length--;
                break;
            }
        }

        var safe = kept.ToString().Trim('.', ' ');
        return safe.Length == 0 ? "unnamed" : safe;
    }
}
