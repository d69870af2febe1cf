namespace Billing.Cli.Hosting;

/// <summary>
/// What a command may do to the local data folder. Only <c>demo</c> and <c>accounts import</c> create it; every other
/// command needs an existing folder (so a typo in <c>--data</c> fails instead of creating an empty store), and the
/// commands that only read open it read-only (they work on a folder the user may not write).
/// </summary>
public enum DataFolderAccess
{
    /// <summary>Read only: the folder must exist; SQLite is opened read-only and nothing is created.</summary>
    Read,

    /// <summary>Read and write: the folder must exist.</summary>
    Write,

    /// <summary>Read and write, creating the folder when it does not exist.</summary>
    Create,
}
