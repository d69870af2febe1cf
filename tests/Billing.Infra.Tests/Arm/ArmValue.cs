using System.Text.Json.Nodes;

namespace Billing.Infra.Tests.Arm;

/// <summary>
/// The value of an ARM template expression as far as it can be known before deployment: either a
/// <see cref="Known"/> JSON value, or a <see cref="Symbolic"/> one that depends on the deployment
/// (another deployment's outputs, the subscription, a hash) and is kept as readable text.
/// </summary>
public abstract record ArmValue
{
    /// <summary>The JSON value, or null when the value is only known at deployment.</summary>
    public abstract JsonNode? Json { get; }

    /// <summary>The value as a string: the literal when known, the expression text when symbolic.</summary>
    public abstract string Text { get; }
}

/// <summary>A value fixed in the template; <see cref="Scope"/> evaluates expressions nested in it.</summary>
public sealed record Known(JsonNode? Node, ArmScope Scope) : ArmValue
{
    /// <summary>The value with every nested expression evaluated (symbolic parts as "[expression]").</summary>
    public override JsonNode? Json => ArmExpression.Materialize(this);

    public override string Text => Node switch
    {
        null => "null",
        JsonValue value when value.TryGetValue(out string? text) => text,
        _ => Node.ToJsonString(),
    };
}

/// <summary>
/// A value decided at deployment time, e.g. <c>reference('identity').outputs.clientId.value</c>.
/// <paramref name="Display"/> is the readable form when only part of it is unknown, e.g. a format()
/// result: "ClientId={reference('identity').outputs.clientId.value};Authorization=AAD".
/// </summary>
public sealed record Symbolic(string Expression, string? Display = null) : ArmValue
{
    public override JsonNode? Json => null;

    public override string Text => Display ?? "{" + Expression + "}";
}
