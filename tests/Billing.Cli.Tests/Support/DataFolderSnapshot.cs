using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Billing.Cli.Tests.Support;

/// <summary>
/// Everything a data folder holds, as text to compare before and after a command: every document, queued and poisoned
/// message of <c>billing.db</c> (read as rows, so a write still in the WAL counts), and the name and SHA-256 of every
/// other file (blobs, outbox, events, settings). A folder that does not exist is "(no folder)".
/// </summary>
public static class DataFolderSnapshot
{
    public static string Take(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return File.Exists(folder) ? $"(a file: {Hash(File.ReadAllBytes(folder))})" : "(no folder)";
        }

        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(folder, file);
            if (name is "billing.db-wal" or "billing.db-shm")
            {
                continue;
            }

            text.AppendLine(name == "billing.db" ? name : $"{name} {Hash(File.ReadAllBytes(file))}");
        }

        var database = Path.Combine(folder, "billing.db");
        if (File.Exists(database))
        {
            Rows(text, database);
        }

        return text.ToString();
    }

    private static void Rows(StringBuilder text, string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        foreach (var query in (string[])[
            "SELECT container, partition_key, id, etag, body FROM documents ORDER BY container, partition_key, id",
            "SELECT seq, queue, body, attempts, claimed_until FROM queue ORDER BY seq",
            "SELECT seq, queue, body, attempts FROM poison ORDER BY seq"])
        {
            using var command = connection.CreateCommand();
            command.CommandText = query;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString()).Append('|');
                }

                text.AppendLine();
            }
        }
    }

    private static string Hash(byte[] content) => Convert.ToHexString(SHA256.HashData(content));
}
