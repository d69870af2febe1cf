using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues.Models;
using Billing.Functions.HostTests.Rpc;
using Google.Protobuf;

namespace Billing.Functions.HostTests.Host;

/// <summary>
/// The trigger data and trigger metadata the Functions host sends for each trigger type, shaped as the host's
/// extensions produce them (timer: the <c>TimerInfo</c> JSON; queue: the message text with <c>DequeueCount</c>, <c>Id</c>,
/// <c>InsertionTime</c>…; blob with an SDK-type parameter: <c>ModelBindingData</c> from the Storage extension and the
/// blob trigger metadata, including the <c>{name}</c> of the path pattern).
/// </summary>
public static class TriggerPayloads
{
    public static TypedData String(string value) => new() { String = value };

    public static TypedData Json(string json) => new() { Json = json };

    /// <summary>A number, as the host sends one: JSON (the worker rejects <c>TypedData.Int</c> in trigger metadata).</summary>
    public static TypedData Number(long value) => Json(value.ToString(CultureInfo.InvariantCulture));

    private static TypedData JsonDate(DateTimeOffset? value) => Json(JsonSerializer.Serialize(value));

    /// <summary>The timer trigger's <c>TimerInfo</c>, as the host serialises it.</summary>
    public static (TypedData Trigger, IReadOnlyDictionary<string, TypedData> Metadata) Timer(DateTimeOffset now, bool isPastDue = false)
    {
        var json = JsonSerializer.Serialize(new
        {
            Schedule = new { AdjustForDST = true },
            ScheduleStatus = new { Last = now.AddDays(-1), Next = now.AddDays(1), LastUpdated = now.AddDays(-1) },
            IsPastDue = isPastDue,
        });
        return (Json(json), new Dictionary<string, TypedData>());
    }

    /// <summary>A queue message as the queue extension delivers it: the text (Base64 already decoded) and its metadata.</summary>
    public static (TypedData Trigger, IReadOnlyDictionary<string, TypedData> Metadata) Queue(QueueMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.Body.ToString();
        return (String(text), new Dictionary<string, TypedData>
        {
            ["QueueTrigger"] = String(text),
            ["DequeueCount"] = Number(message.DequeueCount),
            ["Id"] = String(message.MessageId),
            ["PopReceipt"] = String(message.PopReceipt),
            ["InsertionTime"] = JsonDate(message.InsertedOn),
            ["ExpirationTime"] = JsonDate(message.ExpiresOn),
            ["NextVisibleTime"] = JsonDate(message.NextVisibleOn),
        });
    }

    /// <summary>
    /// A blob-created event delivered to a blob trigger whose parameter is an SDK type (<c>BlobClient</c>): the host sends
    /// no content, only <c>ParameterBindingData</c> naming the connection, container and blob, plus the trigger metadata.
    /// </summary>
    public static (TypedData Trigger, IReadOnlyDictionary<string, TypedData> Metadata) Blob(
        BlobClient blob, string connection, IReadOnlyDictionary<string, string> pathBindingData)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentNullException.ThrowIfNull(pathBindingData);
        var content = JsonSerializer.SerializeToUtf8Bytes(new { Connection = connection, ContainerName = blob.BlobContainerName, BlobName = blob.Name });
        var trigger = new TypedData
        {
            ModelBindingData = new ModelBindingData
            {
                Version = "1.0",
                Source = "AzureStorageBlobs",
                ContentType = "application/json",
                Content = ByteString.CopyFrom(content),
            },
        };
        var properties = blob.GetProperties().Value;
        var metadata = new Dictionary<string, TypedData>
        {
            ["BlobTrigger"] = String($"{blob.BlobContainerName}/{blob.Name}"),
            ["Uri"] = Json(JsonSerializer.Serialize(blob.Uri.AbsoluteUri)),
            ["Properties"] = Json(JsonSerializer.Serialize(new
            {
                properties.ContentLength,
                properties.ContentType,
                ETag = properties.ETag.ToString(),
                LastModified = properties.LastModified.ToString("O", CultureInfo.InvariantCulture),
                CreatedOn = properties.CreatedOn.ToString("O", CultureInfo.InvariantCulture),
                BlobType = properties.BlobType.ToString(),
            })),
            ["Metadata"] = Json(JsonSerializer.Serialize(properties.Metadata)),
        };
        foreach (var (name, value) in pathBindingData)
        {
            metadata[name] = String(value);
        }

        return (trigger, metadata);
    }

    /// <summary>The values of the <c>{name}</c> parts of a blob path pattern for <paramref name="blobPath"/> (container/path), or null.</summary>
    public static IReadOnlyDictionary<string, string>? MatchBlobPath(string pattern, string blobPath)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var regex = new StringBuilder("^");
        var names = new List<string>();
        foreach (var part in System.Text.RegularExpressions.Regex.Split(pattern, @"(\{[^}]+\})"))
        {
            if (part.StartsWith('{') && part.EndsWith('}'))
            {
                names.Add(part[1..^1]);
                regex.Append("(.+)");
            }
            else
            {
                regex.Append(System.Text.RegularExpressions.Regex.Escape(part));
            }
        }

        var match = System.Text.RegularExpressions.Regex.Match(blobPath, regex.Append('$').ToString());
        return match.Success ? names.Select((n, i) => (n, match.Groups[i + 1].Value)).ToDictionary(p => p.n, p => p.Value, StringComparer.Ordinal) : null;
    }

    public static string Utf8(ByteString bytes) => bytes?.ToStringUtf8() ?? "";
}
