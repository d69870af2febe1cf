using System.Text.Json;
using System.Text.Json.Nodes;
using Billing.Core.Serialization;
using Billing.Core.Storage;

namespace Billing.Azure.Cosmos;

/// <summary>
/// The shape of a document in Cosmos DB: the value serialised with <see cref="BillingJson.Options"/>, plus
/// <c>id</c> (the Cosmos-safe id), <c>type</c> (<see cref="IDocument.DocumentType"/>) and the container's
/// partition key property. Where the value has a property of one of those names with another value, the
/// value's own is kept under <c>_shadow</c> and restored on read, so nothing the domain wrote is lost.
/// </summary>
public static class CosmosDocumentEnvelope
{
    public const string TypeProperty = "type";
    private const string ShadowProperty = "_shadow";
    private static readonly string[] SystemProperties = ["_rid", "_self", "_etag", "_attachments", "_ts", "_lsn"];

    /// <summary>The partition key property of each container (the path in its partition key definition, without '/').</summary>
    public static string PartitionKeyPropertyOf(string container) => container switch
    {
        Containers.Billing => "accountId",
        Containers.BankFiles => "fileId",
        Containers.Reports => "report",
        Containers.Sequences => "series",
        _ => throw new ArgumentException($"Container '{container}' has no known partition key.", nameof(container)),
    };

    public static MemoryStream Wrap<T>(DocumentKey key, T value) where T : class, IDocument
    {
        var node = JsonSerializer.SerializeToNode(value, BillingJson.Options) as JsonObject
            ?? throw new ArgumentException($"A {typeof(T).Name} must serialise to a JSON object.", nameof(value));
        var shadow = new JsonObject();
        Set(node, shadow, "id", CosmosIds.Encode(key.Id));
        Set(node, shadow, TypeProperty, T.DocumentType);
        Set(node, shadow, PartitionKeyPropertyOf(key.Container), key.PartitionKey);
        if (shadow.Count > 0)
        {
            node[ShadowProperty] = shadow;
        }

        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            node.WriteTo(writer);
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>Turns a stored document back into the value; returns it with its ETag and its decoded id.</summary>
    public static (T Value, string ETag, string Id) Unwrap<T>(JsonObject node) where T : class, IDocument
    {
        ArgumentNullException.ThrowIfNull(node);
        var etag = node["_etag"]?.GetValue<string>() ?? "";
        var id = CosmosIds.Decode(node["id"]?.GetValue<string>() ?? "");
        foreach (var name in SystemProperties)
        {
            node.Remove(name);
        }

        node["id"] = id;
        if (node[ShadowProperty] is JsonObject shadow)
        {
            node.Remove(ShadowProperty);
            foreach (var (name, original) in shadow.ToList())
            {
                shadow.Remove(name);
                node[name] = original;
            }
        }

        var value = node.Deserialize<T>(BillingJson.Options) ?? throw new JsonException($"Document {id} is not a {typeof(T).Name}.");
        return (value, etag, id);
    }

    private static void Set(JsonObject node, JsonObject shadow, string name, string value)
    {
        if (node[name] is { } existing && !(existing.GetValueKind() == JsonValueKind.String && existing.GetValue<string>() == value))
        {
            node.Remove(name);
            shadow[name] = existing;
        }

        node[name] = value;
    }
}
