using System.Text.Json;
using Billing.Functions.HostTests.Rpc;

namespace Billing.Functions.HostTests.Host;

/// <summary>
/// A function as the worker reported it (<c>FunctionMetadataResponse</c>) and the host loaded it: its id, name, entry
/// point and its one trigger binding (the raw binding JSON the worker's source generator wrote).
/// </summary>
public sealed class LoadedFunction
{
    private readonly JsonElement _trigger;

    internal LoadedFunction(RpcFunctionMetadata metadata)
    {
        Metadata = metadata;
        var triggers = metadata.RawBindings
            .Select(raw => JsonDocument.Parse(raw).RootElement.Clone())
            .Where(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal))
            .ToList();
        _trigger = triggers.Count == 1
            ? triggers[0]
            : throw new InvalidOperationException($"Function {metadata.Name} declares {triggers.Count} triggers; exactly one expected.");
    }

    internal RpcFunctionMetadata Metadata { get; }

    public string Id => Metadata.FunctionId;

    public string Name => Metadata.Name;

    public string EntryPoint => Metadata.EntryPoint;

    /// <summary><c>timerTrigger</c>, <c>queueTrigger</c>, <c>blobTrigger</c>.</summary>
    public string TriggerType => _trigger.GetProperty("type").GetString()!;

    /// <summary>The parameter the trigger binds to (<c>timer</c>, <c>message</c>, <c>blob</c>).</summary>
    public string TriggerParameter => _trigger.GetProperty("name").GetString()!;

    /// <summary>A property of the trigger binding as declared (<c>%SETTING%</c> names unresolved), or null.</summary>
    public string? TriggerProperty(string name) =>
        _trigger.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } value
            ? value.GetString()
            : null;

    /// <summary>The binding properties the host forwards on load (<c>supportsDeferredBinding</c> for SDK-type blob bindings).</summary>
    public IReadOnlyDictionary<string, string> TriggerBindingProperties =>
        _trigger.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            ? properties.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The load request the host sends for this function: the bindings map built from the raw bindings.</summary>
    internal FunctionLoadRequest ToLoadRequest()
    {
        var metadata = new RpcFunctionMetadata
        {
            FunctionId = Metadata.FunctionId,
            Name = Metadata.Name,
            Directory = Metadata.Directory,
            ScriptFile = Metadata.ScriptFile,
            EntryPoint = Metadata.EntryPoint,
            Language = Metadata.Language,
        };
        metadata.RawBindings.AddRange(Metadata.RawBindings);
        foreach (var raw in Metadata.RawBindings)
        {
            var binding = JsonDocument.Parse(raw).RootElement;
            var info = new BindingInfo
            {
                Type = binding.GetProperty("type").GetString(),
                Direction = binding.GetProperty("direction").GetString() switch
                {
                    var d when string.Equals(d, "Out", StringComparison.OrdinalIgnoreCase) => BindingInfo.Types.Direction.Out,
                    var d when string.Equals(d, "InOut", StringComparison.OrdinalIgnoreCase) => BindingInfo.Types.Direction.Inout,
                    _ => BindingInfo.Types.Direction.In,
                },
                DataType = binding.TryGetProperty("dataType", out var dataType) && Enum.TryParse<BindingInfo.Types.DataType>(dataType.GetString(), true, out var parsed)
                    ? parsed
                    : BindingInfo.Types.DataType.Undefined,
            };
            if (binding.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in properties.EnumerateObject())
                {
                    info.Properties[property.Name] = property.Value.ToString();
                }
            }

            metadata.Bindings[binding.GetProperty("name").GetString()] = info;
        }

        return new FunctionLoadRequest { FunctionId = Metadata.FunctionId, Metadata = metadata };
    }
}
