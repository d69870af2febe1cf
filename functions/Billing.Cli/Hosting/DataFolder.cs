using Billing.Local;

namespace Billing.Cli.Hosting;

/// <summary>
/// Opens the data folder <c>--data</c> names as a command's <see cref="DataFolderAccess"/> allows, before anything is
/// written: a path that is a file, or a missing folder for a command that does not create one, is a usage error
/// (exit 2) that says what to do.
/// </summary>
public static class DataFolder
{
    /// <summary>The name of the file that makes a folder a data folder.</summary>
    private const string DatabaseFile = "billing.db";

    public static LocalDataDirectory Open(string path, DataFolderAccess access)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            throw new CliUsageException($"--data {path}: {full} is a file, not a data folder (pass the folder that holds billing.db)");
        }

        if (access == DataFolderAccess.Create)
        {
            return new LocalDataDirectory(full);
        }

        if (!Directory.Exists(full))
        {
            throw new CliUsageException($"no data folder at {full}; run `billing demo` or `billing accounts import` first (or check --data / BILLING_DATA)");
        }

        if (!File.Exists(Path.Combine(full, DatabaseFile)))
        {
            throw new CliUsageException($"{full} is not a data folder (it has no {DatabaseFile}); run `billing demo` or `billing accounts import` first (or check --data / BILLING_DATA)");
        }

        return access == DataFolderAccess.Read ? LocalDataDirectory.OpenReadOnly(full) : new LocalDataDirectory(full);
    }
}
