using System.Text.Json.Nodes;

namespace Billing.Infra.Tests.Arm;

/// <summary>
/// One template's evaluation context: its variables and parameters. A nested deployment's
/// parameters come from the deployment resource, evaluated in the parent scope (inner scoping,
/// which is what Bicep emits for modules); the root's come from the test's own parameter values.
/// </summary>
public sealed class ArmScope
{
    private readonly JsonObject _template;
    private readonly JsonObject? _suppliedParameters;
    private readonly IReadOnlyDictionary<string, JsonNode?> _rootParameterValues;

    private ArmScope(
        JsonObject template,
        JsonObject? suppliedParameters,
        ArmScope? parent,
        IReadOnlyDictionary<string, JsonNode?> rootParameterValues,
        int? copyIndex)
    {
        _template = template;
        _suppliedParameters = suppliedParameters;
        Parent = parent;
        _rootParameterValues = rootParameterValues;
        CopyIndex = copyIndex;
    }

    /// <summary>The scope of the deployment that contains this template, or null at the root.</summary>
    public ArmScope? Parent { get; }

    /// <summary>The iteration of the copy loop being evaluated, if any.</summary>
    public int? CopyIndex { get; }

    public JsonObject Template => _template;

    public static ArmScope Root(JsonObject template, IReadOnlyDictionary<string, JsonNode?> parameterValues) =>
        new(template, null, null, parameterValues, null);

    /// <summary>The scope of a nested deployment's template.</summary>
    public ArmScope Nested(JsonObject template, JsonObject? deploymentParameters, int? copyIndex) =>
        new(template, deploymentParameters, WithCopyIndex(copyIndex), _rootParameterValues, null);

    /// <summary>This scope while evaluating iteration <paramref name="copyIndex"/> of a copy loop.</summary>
    public ArmScope WithCopyIndex(int? copyIndex) =>
        copyIndex == CopyIndex ? this : new(_template, _suppliedParameters, Parent, _rootParameterValues, copyIndex);

    public ArmValue Evaluate(JsonNode? node) => ArmExpression.Evaluate(node, this);

    public ArmValue Variable(string name)
    {
        var variables = _template["variables"]?.AsObject()
            ?? throw new InvalidOperationException($"The template has no variables, so not '{name}'.");
        if (!variables.TryGetPropertyValue(name, out var value))
        {
            throw new InvalidOperationException($"The template has no variable '{name}'.");
        }

        return Evaluate(value);
    }

    public ArmValue Parameter(string name)
    {
        if (Parent is null)
        {
            if (_rootParameterValues.TryGetValue(name, out var supplied))
            {
                return new Known(supplied?.DeepClone(), this);
            }
        }
        else if (_suppliedParameters is not null && _suppliedParameters.TryGetPropertyValue(name, out var entry))
        {
            return entry switch
            {
                JsonObject wrapper => Parent.Evaluate(wrapper["value"]),
                // Bicep emits `"name": "[if(cond, createObject('value', a), createObject('value', b))]"` for conditional values.
                _ => Parent.Evaluate(entry) is Known { Node: JsonObject chosen } known
                    ? known.Scope.Evaluate(chosen["value"])
                    : new Symbolic($"parameters('{name}')"),
            };
        }

        var declaration = _template["parameters"]?[name]
            ?? throw new InvalidOperationException($"The template declares no parameter '{name}'.");
        return declaration.AsObject().TryGetPropertyValue("defaultValue", out var defaultValue)
            ? Evaluate(defaultValue)
            : new Known(null, this);
    }
}
