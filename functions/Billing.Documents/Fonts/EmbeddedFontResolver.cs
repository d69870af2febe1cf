using PdfSharp.Fonts;

namespace Billing.Documents.Fonts;

/// <summary>
/// Serves the one font family the documents use, DejaVu Sans (regular and bold), from resources embedded in
/// this assembly, so a PDF renders the same on every host and never depends on installed fonts. Any other
/// family is not resolved (null), which lets PDFsharp try its other resolvers or fail loudly.
/// </summary>
public sealed class EmbeddedFontResolver : IFontResolver
{
    /// <summary>The family name documents ask for.</summary>
    public const string FamilyName = "DejaVu Sans";

    internal const string RegularFace = "DejaVuSans";

    internal const string BoldFace = "DejaVuSans-Bold";

    private static readonly Lazy<byte[]> s_regular = new(() => Load(RegularFace));

    private static readonly Lazy<byte[]> s_bold = new(() => Load(BoldFace));

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (!string.Equals(familyName, FamilyName, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // No italic face ships: italic is simulated rather than silently dropped.
        return new FontResolverInfo(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic);
    }

    public byte[]? GetFont(string faceName) => faceName switch
    {
        RegularFace => s_regular.Value,
        BoldFace => s_bold.Value,
        _ => null,
    };

    private static byte[] Load(string faceName)
    {
        var name = $"Billing.Documents.Fonts.{faceName}.ttf";
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource '{name}' is missing from {typeof(EmbeddedFontResolver).Assembly.GetName().Name}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
