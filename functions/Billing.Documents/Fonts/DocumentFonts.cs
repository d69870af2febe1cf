using PdfSharp.Fonts;

namespace Billing.Documents.Fonts;

/// <summary>
/// Installs <see cref="EmbeddedFontResolver"/> as PDFsharp's process-wide font resolver, once. PDFsharp allows
/// the resolver to be set only before the first font is used, so installation is guarded by a lock and is a
/// no-op when this resolver is already in place. A different resolver already installed is kept when it can
/// resolve <see cref="EmbeddedFontResolver.FamilyName"/>, and rejected with an explanation otherwise.
/// </summary>
public static class DocumentFonts
{
    private static readonly Lock s_gate = new();

    private static volatile bool s_installed;

    public static void Install()
    {
        if (s_installed)
        {
            return;
        }

        lock (s_gate)
        {
            if (s_installed)
            {
                return;
            }

            var current = GlobalFontSettings.FontResolver;
            if (current is null)
            {
                GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
            }
            else if (current is not EmbeddedFontResolver
                && current.ResolveTypeface(EmbeddedFontResolver.FamilyName, false, false) is null)
            {
                throw new InvalidOperationException(
                    $"PDFsharp already has the font resolver {current.GetType().FullName}, which cannot resolve '{EmbeddedFontResolver.FamilyName}'. " +
                    $"Install {nameof(EmbeddedFontResolver)} (or one that delegates to it) before any PDF is rendered.");
            }

            s_installed = true;
        }
    }
}
