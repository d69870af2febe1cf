using Billing.Documents.Fonts;
using PdfSharp.Fonts;

namespace Billing.Documents.Tests.Fonts;

public sealed class EmbeddedFontResolverTests
{
    private readonly EmbeddedFontResolver _resolver = new();

    [Theory]
    [InlineData(false, "DejaVuSans")]
    [InlineData(true, "DejaVuSans-Bold")]
    public void ResolveTypeface_DejaVuSans_ReturnsTheMatchingFace(bool bold, string face) =>
        Assert.Equal(face, _resolver.ResolveTypeface("DejaVu Sans", bold, false)?.FaceName);

    [Theory]
    [InlineData("Arial")]
    [InlineData("Courier New")]
    public void ResolveTypeface_OtherFamily_ReturnsNull(string family) =>
        Assert.Null(_resolver.ResolveTypeface(family, false, false));

    [Theory]
    [InlineData("DejaVuSans")]
    [InlineData("DejaVuSans-Bold")]
    public void GetFont_ResolvedFace_ReturnsTrueTypeBytesFromTheAssembly(string face)
    {
        var bytes = _resolver.GetFont(face);

        Assert.NotNull(bytes);
        Assert.True(bytes.Length > 100_000);
        Assert.Equal(new byte[] { 0x00, 0x01, 0x00, 0x00 }, bytes[..4]); // TrueType outlines
        Assert.Contains($"Billing.Documents.Fonts.{face}.ttf", typeof(EmbeddedFontResolver).Assembly.GetManifestResourceNames());
    }

    [Fact]
    public void GetFont_UnknownFace_ReturnsNull() => Assert.Null(_resolver.GetFont("Arial"));

    [Fact]
    public void Install_CalledConcurrently_LeavesEmbeddedResolverInstalled()
    {
        Parallel.For(0, 32, _ => DocumentFonts.Install());

        Assert.IsType<EmbeddedFontResolver>(GlobalFontSettings.FontResolver);
    }

    [Fact]
    public void LicenseFile_ShipsBesideTheAssembly()
    {
        var license = Path.Combine(Path.GetDirectoryName(typeof(EmbeddedFontResolver).Assembly.Location)!, "Fonts", "LICENSE-DejaVu.txt");

        Assert.Contains("Bitstream", File.ReadAllText(license), StringComparison.Ordinal);
    }
}
