using System.Text;
using Billing.Core.Storage;
using Billing.Local.Storage;
using Billing.Local.Tests.Support;

namespace Billing.Local.Tests.Storage;

public sealed class FolderBlobStoreTests : IDisposable
{
    private readonly TempDataDirectory _dir = new();
    private readonly FolderBlobStore _blobs;

    public FolderBlobStoreTests() => _blobs = new FolderBlobStore(_dir.Data);

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    private async Task<string?> ReadTextAsync(BlobRef blob)
    {
        await using var stream = await _blobs.OpenReadAsync(blob);
        return stream is null ? null : await new StreamReader(stream).ReadToEndAsync();
    }

    [Fact]
    public async Task TryCreateAsync_Twice_SecondReturnsFalseAndKeepsFirstContent()
    {
        var blob = new BlobRef("invoices", "acc-1/INV-1.pdf");

        Assert.True(await _blobs.TryCreateAsync(blob, Text("first"), "application/pdf"));
        Assert.False(await _blobs.TryCreateAsync(blob, Text("second"), "application/pdf"));

        Assert.Equal("first", await ReadTextAsync(blob));
        Assert.True(File.Exists(Path.Combine(_dir.Path, "blobs", "invoices", "acc-1", "INV-1.pdf")));
    }

    [Fact]
    public async Task WriteAsync_Existing_ReplacesContentAndMetadata()
    {
        var blob = new BlobRef("reports", "latest/aging.json");
        await _blobs.WriteAsync(blob, Text("old"), "application/json", new Dictionary<string, string> { ["v"] = "1" });

        await _blobs.WriteAsync(blob, Text("new"), "application/json", new Dictionary<string, string> { ["v"] = "2" });

        Assert.Equal("new", await ReadTextAsync(blob));
        Assert.Equal("2", (await _blobs.GetInfoAsync(blob))!.Metadata["v"]);
    }

    [Fact]
    public async Task OpenReadAsync_Missing_ReturnsNull() =>
        Assert.Null(await _blobs.OpenReadAsync(new BlobRef("invoices", "nope.pdf")));

    [Theory]
    [InlineData("..")]
    [InlineData(".meta")]
    [InlineData("a/../..")]
    public async Task TryCreateAsync_ContainerEscapingTheRoot_IsRejected(string container) =>
        await Assert.ThrowsAsync<ArgumentException>(() => _blobs.TryCreateAsync(new BlobRef(container, "x.txt"), Text("x"), "text/plain"));

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("a/../../b")]
    public void BlobRef_PathEscapingTheContainer_IsRejected(string path) =>
        Assert.Throws<ArgumentException>(() => new BlobRef("invoices", path));

    [Fact]
    public async Task ListAsync_Prefix_ReturnsMatchingBlobsInOrderWithMetadataAndNoSidecars()
    {
        await _blobs.TryCreateAsync(new BlobRef("bank-files", "incoming/b.xml"), Text("b"), "application/xml", new Dictionary<string, string> { ["k"] = "v" });
        await _blobs.TryCreateAsync(new BlobRef("bank-files", "incoming/a.xml"), Text("aa"), "application/xml");
        await _blobs.TryCreateAsync(new BlobRef("bank-files", "processed/c.xml"), Text("c"), "application/xml");

        var listed = new List<BlobInfo>();
        await foreach (var info in _blobs.ListAsync("bank-files", "incoming/"))
        {
            listed.Add(info);
        }

        Assert.Equal(["incoming/a.xml", "incoming/b.xml"], listed.Select(i => i.Blob.Path));
        Assert.Equal(2, listed[0].Length);
        Assert.Equal("v", listed[1].Metadata["k"]);
    }

    [Fact]
    public async Task MoveAsync_Blob_MovesContentAndMetadataAndRemovesSource()
    {
        var source = new BlobRef("bank-files", "incoming/file.xml");
        var destination = new BlobRef("bank-files", "processed/file.xml");
        await _blobs.TryCreateAsync(source, Text("statement"), "application/xml", new Dictionary<string, string> { ["hash"] = "abc" });

        await _blobs.MoveAsync(source, destination);

        Assert.Null(await _blobs.GetInfoAsync(source));
        Assert.Equal("statement", await ReadTextAsync(destination));
        Assert.Equal("abc", (await _blobs.GetInfoAsync(destination))!.Metadata["hash"]);
    }

    [Fact]
    public async Task DeleteAsync_ExistingThenMissing_ReturnsTrueThenFalse()
    {
        var blob = new BlobRef("invoices", "x.pdf");
        await _blobs.TryCreateAsync(blob, Text("x"), "application/pdf");

        Assert.True(await _blobs.DeleteAsync(blob));
        Assert.False(await _blobs.DeleteAsync(blob));
    }

    public void Dispose() => _dir.Dispose();
}
