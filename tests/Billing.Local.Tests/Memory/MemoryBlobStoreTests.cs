using System.Text;
using Billing.Core.Storage;
using Billing.Local.Memory;

namespace Billing.Local.Tests.Memory;

public sealed class MemoryBlobStoreTests
{
    private readonly MemoryBlobStore _blobs = new(TimeProvider.System);

    [Fact]
    public async Task TryCreateAsync_BlobExists_RefusesAndKeepsTheFirstContent()
    {
        var blob = new BlobRef("invoices", "acc/INV-1.pdf");

        Assert.True(await _blobs.TryCreateAsync(blob, Content("first"), "application/pdf"));
        Assert.False(await _blobs.TryCreateAsync(blob, Content("second"), "application/pdf"));

        Assert.Equal("first", await ReadAsync(blob));
    }

    [Fact]
    public async Task MoveAsync_ListAsync_MovedBlobIsListedUnderItsNewPrefixOnly()
    {
        await _blobs.WriteAsync(new BlobRef("bank-files", "incoming/a.xml"), Content("a"), "application/xml");
        await _blobs.WriteAsync(new BlobRef("bank-files", "incoming/b.xml"), Content("b"), "application/xml");

        await _blobs.MoveAsync(new BlobRef("bank-files", "incoming/a.xml"), new BlobRef("bank-files", "processed/a.xml"));

        Assert.Equal(["incoming/b.xml"], await PathsAsync("incoming/"));
        Assert.Equal(["processed/a.xml"], await PathsAsync("processed/"));
        Assert.Equal("a", await ReadAsync(new BlobRef("bank-files", "processed/a.xml")));
        Assert.Null(await _blobs.OpenReadAsync(new BlobRef("bank-files", "incoming/a.xml")));
    }

    private static MemoryStream Content(string text) => new(Encoding.UTF8.GetBytes(text));

    private async Task<string?> ReadAsync(BlobRef blob)
    {
        await using var stream = await _blobs.OpenReadAsync(blob);
        return stream is null ? null : await new StreamReader(stream).ReadToEndAsync();
    }

    private async Task<List<string>> PathsAsync(string prefix)
    {
        var paths = new List<string>();
        await foreach (var info in _blobs.ListAsync("bank-files", prefix))
        {
            paths.Add(info.Blob.Path);
        }

        return paths;
    }
}
