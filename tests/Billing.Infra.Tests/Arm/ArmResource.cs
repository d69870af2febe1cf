using System.Text.Json.Nodes;

namespace Billing.Infra.Tests.Arm;

/// <summary>
/// One resource of a compiled template, nested deployments included, with the scope that
/// evaluates its expressions. A copy loop yields one instance per iteration.
/// </summary>
public sealed record ArmResource(string SymbolicName, JsonObject Node, ArmScope Scope, ArmResource? Deployment)
{
    public string Type => Node["type"]!.GetValue<string>();

    /// <summary>The raw JSON at a dotted path below the resource, e.g. "properties.siteConfig".</summary>
    public JsonNode? this[string path] =>
        path.Split('.').Aggregate((JsonNode?)Node, (node, part) => node?[part]);

    /// <summary>The evaluated value at a dotted path below the resource.</summary>
    public ArmValue Value(string path) =>
        path.Split('.').Aggregate((ArmValue)new Known(Node, Scope), ArmExpression.Member);

    /// <summary>
    /// True when the resource, and the deployment (module) that holds it, are deployed
    /// unconditionally or their conditions hold for the test's parameters.
    /// </summary>
    public bool IsDeployed =>
        (Deployment?.IsDeployed ?? true)
        && (!Node.ContainsKey("condition") || Value("condition") is Known { Node: JsonValue v } && v.GetValue<bool>());

    /// <summary>Every resource of the template and, recursively, of its nested deployments.</summary>
    public static IEnumerable<ArmResource> All(ArmScope scope, ArmResource? deployment = null)
    {
        var resources = scope.Template["resources"] switch
        {
            JsonObject byName => byName.Select(p => (p.Key, Node: p.Value!.AsObject())),
            JsonArray list => list.Select((r, i) => (Key: i.ToString(System.Globalization.CultureInfo.InvariantCulture), Node: r!.AsObject())),
            _ => [],
        };

        foreach (var (name, node) in resources)
        {
            foreach (var copyIndex in Iterations(node, scope))
            {
                var resource = new ArmResource(name, node, scope.WithCopyIndex(copyIndex), deployment);
                yield return resource;

                if (resource.Type == "Microsoft.Resources/deployments" && node["properties"]?["template"] is JsonObject template)
                {
                    var nested = scope.Nested(template, node["properties"]?["parameters"]?.AsObject(), copyIndex);
                    foreach (var inner in All(nested, resource))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }

    private static IEnumerable<int?> Iterations(JsonObject node, ArmScope scope)
    {
        if (node["copy"]?["count"] is not { } count)
        {
            return [null];
        }

        return scope.Evaluate(count) is Known { Node: JsonValue n } && n.TryGetValue(out int iterations)
            ? Enumerable.Range(0, iterations).Select(i => (int?)i)
            : [null];
    }
}
