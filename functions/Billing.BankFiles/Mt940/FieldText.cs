using System.Text;

namespace Billing.BankFiles.Mt940;

/// <summary>
/// The lines of one SWIFT field (the first after its tag, then the continuation lines) held in one reusable buffer,
/// so that reading a field allocates nothing until a value is kept. At most <see cref="MaxLines"/> lines.
/// </summary>
internal sealed class FieldText
{
    /// <summary>The most lines one field may have (tag line and continuations).</summary>
    public const int MaxLines = 200;

    private char[] _chars = new char[512];
    private readonly int[] _ends = new int[MaxLines + 1];
    private int _count;

    /// <summary>How many lines the field has.</summary>
    public int Count => _count;

    public void Clear() => _count = 0;

    public void Add(ReadOnlySpan<char> line)
    {
        var start = _count == 0 ? 0 : _ends[_count - 1];
        if (start + line.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, start + line.Length));
        }

        line.CopyTo(_chars.AsSpan(start));
        _ends[_count++] = start + line.Length;
    }

    /// <summary>Line <paramref name="index"/> (0 is the text after the tag).</summary>
    public ReadOnlySpan<char> Line(int index)
    {
        var start = index == 0 ? 0 : _ends[index - 1];
        return _chars.AsSpan(start, _ends[index] - start);
    }

    /// <summary>Lines <paramref name="from"/> to the last joined with <paramref name="separator"/>, trimmed when asked.</summary>
    public string Join(int from, char? separator, bool trim)
    {
        if (_count - from == 1)
        {
            var single = Line(from);
            return (trim ? single.Trim() : single).ToString();
        }

        var builder = new StringBuilder(_ends[_count - 1] + _count);
        for (var k = from; k < _count; k++)
        {
            if (k > from && separator is { } c)
            {
                builder.Append(c);
            }

            builder.Append(Line(k));
        }

        return trim ? builder.ToString().Trim() : builder.ToString();
    }
}
