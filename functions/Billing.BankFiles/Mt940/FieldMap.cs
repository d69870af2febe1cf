using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Billing.BankFiles.Mt940;

/// <summary>
/// A small read-only map in insertion order, for the handful of :86: subfields or SEPA keywords of one entry: two
/// arrays and a linear search, which for fewer than twenty keys is smaller and faster than a hash table. Keys are
/// unique (the builder merges repeats).
/// </summary>
internal sealed class FieldMap : IReadOnlyDictionary<string, string>
{
    private readonly string[] _keys;
    private readonly string[] _values;

    public FieldMap(string[] keys, string[] values)
    {
        _keys = keys;
        _values = values;
    }

    public int Count => _keys.Length;

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<string> Values => _values;

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no field \"{key}\"");

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var k = 0; k < _keys.Length; k++)
        {
            yield return new KeyValuePair<string, string>(_keys[k], _values[k]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        for (var k = 0; k < _keys.Length; k++)
        {
            if (string.Equals(_keys[k], key, StringComparison.Ordinal))
            {
                return k;
            }
        }

        return -1;
    }
}
