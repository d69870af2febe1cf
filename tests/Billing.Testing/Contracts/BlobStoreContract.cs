using System.Security.Cryptography;
using System.Text;
using Billing.Core.Storage;

namespace Billing.Testing.Contracts;

/// <summary>What every <see cref="IBlobStore"/> must do; one concrete class per implementation.</summary>
public abstract class BlobStoreContract
{
    protected abstract IBlobStore Blobs { get; }

    /// <summary>A container name no other test uses.</summary>
    protected abstract string Container { get; }

    private BlobRef NewBlob(string name = "file.txt") => new(Container, $"{Guid.NewGuid():N}/{name}");

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    [ContractFact]
    public async Task TryCreate_Twice_SecondReturnsFalseAndFirstContentIsKept()
    {
        var blob = NewBlob();

        Assert.True(await Blobs.TryCreateAsync(blob, Text("first"), "text/plain"));
        Assert.False(await Blobs.TryCreateAsync(blob, Text("second"), "text/plain"));
        Assert.Equal("first", await ReadTextAsync(blob));
    }

    [ContractFact]
    public async Task Write_OverwritesExistingContent()
    {
        var blob = NewBlob();
        await Blobs.WriteAsync(blob, Text("first"), "text/plain");
        await Blobs.WriteAsync(blob, Text("second, longer"), "text/plain");

        Assert.Equal("second, longer", await ReadTextAsync(blob));
        Assert.Equal(14, (await Blobs.GetInfoAsync(blob))!.Length);
    }

    [ContractFact]
    public async Task Metadata_RoundTrips_ThroughInfoAndListing()
    {
        var blob = NewBlob();
        var metadata = new Dictionary<string, string> { ["invoiceNumber"] = "INV-2026-000001", ["accountId"] = "acc-1" };
        await Blobs.WriteAsync(blob, Text("x"), "text/plain", metadata);

        var info = await Blobs.GetInfoAsync(blob);
        var listed = await ToListAsync(Blobs.ListAsync(Container, blob.Path));

        Assert.Equal("INV-2026-000001", info!.Metadata["invoiceNumber"]);
        Assert.Equal("acc-1", info.Metadata["accountId"]);
        Assert.Equal("INV-2026-000001", Assert.Single(listed).Metadata["invoiceNumber"]);
    }

    [ContractFact]
    public async Task List_ReturnsOnlyBlobsUnderThePrefix()
    {
        var folder = Guid.NewGuid().ToString("N");
        await Blobs.WriteAsync(new BlobRef(Container, $"{folder}/incoming/a.csv"), Text("a"), "text/csv");
        await Blobs.WriteAsync(new BlobRef(Container, $"{folder}/incoming/b.csv"), Text("b"), "text/csv");
        await Blobs.WriteAsync(new BlobRef(Container, $"{folder}/processed/c.csv"), Text("c"), "text/csv");

        var listed = await ToListAsync(Blobs.ListAsync(Container, $"{folder}/incoming/"));

        Assert.Equal([$"{folder}/incoming/a.csv", $"{folder}/incoming/b.csv"], listed.Select(i => i.Blob.Path).Order(StringComparer.Ordinal));
    }

    [ContractFact]
    public async Task Move_PutsContentAtTheDestination_AndRemovesTheSource()
    {
        var source = NewBlob("incoming.xml");
        var destination = new BlobRef(Container, source.Path.Replace("incoming.xml", "processed/incoming.xml", StringComparison.Ordinal));
        await Blobs.WriteAsync(source, Text("<Document/>"), "application/xml", new Dictionary<string, string> { ["hash"] = "abc" });

        await Blobs.MoveAsync(source, destination);

        Assert.Null(await Blobs.GetInfoAsync(source));
        Assert.Equal("<Document/>", await ReadTextAsync(destination));
        Assert.Equal("abc", (await Blobs.GetInfoAsync(destination))!.Metadata["hash"]);
    }

    [ContractFact]
    public async Task OpenRead_Missing_ReturnsNull_AndDeleteReportsIt()
    {
        var blob = NewBlob();

        Assert.Null(await Blobs.OpenReadAsync(blob));
        Assert.Null(await Blobs.GetInfoAsync(blob));
        Assert.False(await Blobs.DeleteAsync(blob));
    }

    [ContractFact]
    public async Task Delete_RemovesAnExistingBlob()
    {
        var blob = NewBlob();
        await Blobs.WriteAsync(blob, Text("x"), "text/plain");

        Assert.True(await Blobs.DeleteAsync(blob));
        Assert.Null(await Blobs.OpenReadAsync(blob));
    }

    [ContractFact]
    public async Task OpenRead_StreamsA20MegabyteBlob_WithoutHoldingItWhole()
    {
        const long size = 20L * 1024 * 1024;
        var blob = NewBlob("large.bin");
        byte[] expected;
        using (var source = new PatternStream(size))
        {
            await Blobs.WriteAsync(blob, source, "application/octet-stream");
            expected = source.Hash();
        }

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0, total = 0, nextSample = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var stream = await Blobs.OpenReadAsync(blob))
        {
            Assert.NotNull(stream);
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                total += read;
                if (total >= nextSample)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
                    nextSample += 2 * 1024 * 1024;
                }
            }
        }

        Assert.Equal(size, total);
        Assert.Equal(expected, hash.GetHashAndReset());
        Assert.True(peak < 12 * 1024 * 1024, $"Reading kept {peak / 1024 / 1024} MB alive: the blob was buffered, not streamed.");
    }

    private async Task<string> ReadTextAsync(BlobRef blob)
    {
        await using var stream = await Blobs.OpenReadAsync(blob) ?? throw new InvalidOperationException($"{blob} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private static async Task<List<BlobInfo>> ToListAsync(IAsyncEnumerable<BlobInfo> source)
    {
        var list = new List<BlobInfo>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
