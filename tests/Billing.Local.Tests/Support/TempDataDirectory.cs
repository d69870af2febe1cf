namespace Billing.Local.Tests.Support;

/// <summary>A fresh data folder under the temp directory, deleted afterwards.</summary>
public sealed class TempDataDirectory : IDisposable
{
    public TempDataDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "billing-local-tests", Guid.NewGuid().ToString("N"));
        Data = new LocalDataDirectory(Path);
    }

    public string Path { get; }

    public LocalDataDirectory Data { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platforms; the temp folder is cleaned eventually.
        }
    }
}
