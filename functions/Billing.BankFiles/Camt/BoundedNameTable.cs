using System.Globalization;
using System.Xml;

namespace Billing.BankFiles.Camt;

/// <summary>
/// The reader's name table (every distinct element, attribute and prefix name and namespace URI is kept in it for the
/// life of the reader), with a cap on the characters of distinct names it will hold. A camt document uses a few hundred
/// names; a document that invents millions of them is refused instead of growing the table without bound.
/// </summary>
internal sealed class BoundedNameTable(int maxCharacters, Func<string> position) : XmlNameTable
{
    private readonly NameTable _names = new();
    private long _characters;

    public override string Add(char[] array, int offset, int length) =>
        _names.Get(array, offset, length) ?? Admit(length, () => _names.Add(array, offset, length));

    public override string Add(string array) => _names.Get(array) ?? Admit(array.Length, () => _names.Add(array));

    public override string? Get(char[] array, int offset, int length) => _names.Get(array, offset, length);

    public override string? Get(string array) => _names.Get(array);

    private string Admit(int length, Func<string> add)
    {
        _characters += length;
        if (_characters > maxCharacters)
        {
            throw new BankFileFormatException(position(), string.Create(CultureInfo.InvariantCulture,
                $"more distinct XML element and attribute names than the limit of {maxCharacters} characters allows"));
        }

        return add();
    }
}
