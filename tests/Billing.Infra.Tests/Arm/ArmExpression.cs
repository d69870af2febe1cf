using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Billing.Infra.Tests.Arm;

/// <summary>
/// Evaluates the subset of ARM template expressions that Bicep emits for names and settings:
/// parameters(), variables(), property access and indexing, createArray/createObject, format,
/// concat, string, if, empty, length, coalesce, toLower, copyIndex, subscriptionResourceId.
/// Anything that needs a live deployment (reference(), resourceId(), uniqueString(), …) becomes a
/// <see cref="Symbolic"/> value that keeps its expression text, so tests can still say where a
/// value comes from.
/// </summary>
public static partial class ArmExpression
{
    public static ArmValue Evaluate(JsonNode? node, ArmScope scope)
    {
        if (node is JsonValue value && value.TryGetValue(out string? text) && IsExpression(text))
        {
            try
            {
                var parser = new Parser(text[1..^1], scope);
                var result = parser.ParseExpression();
                parser.ExpectEnd();
                return result;
            }
            catch (FormatException)
            {
                // Beyond this evaluator's grammar: keep it as an opaque deployment-time value.
                return new Symbolic(text[1..^1]);
            }
        }

        if (node is JsonValue escaped && escaped.TryGetValue(out string? literal) && literal.StartsWith("[[", StringComparison.Ordinal))
        {
            return new Known(JsonValue.Create(literal[1..]), scope);
        }

        return new Known(node, scope);
    }

    private static bool IsExpression(string text) =>
        text.Length >= 2 && text[0] == '[' && text[^1] == ']' && !text.StartsWith("[[", StringComparison.Ordinal);

    /// <summary>
    /// The value as template JSON with every nested expression evaluated in its own scope; symbolic
    /// parts are re-encoded as "[expression]" and literal strings starting with '[' are escaped, so
    /// the result can be evaluated again in any scope (createObject, createArray, union).
    /// </summary>
    public static JsonNode? Materialize(ArmValue value) => value switch
    {
        Symbolic symbolic => JsonValue.Create("[" + symbolic.Expression + "]"),
        Known { Node: JsonValue v } known when v.TryGetValue(out string? s) && IsExpression(s) => Materialize(Evaluate(v, known.Scope)),
        Known { Node: JsonValue v } when v.TryGetValue(out string? s) && s.StartsWith('[') => JsonValue.Create("[" + s),
        Known { Node: JsonObject obj } known => new JsonObject(obj.Select(p =>
            KeyValuePair.Create(Evaluate(JsonValue.Create(p.Key), known.Scope).Text, Materialize(Evaluate(p.Value, known.Scope))))),
        Known { Node: JsonArray array } known => new JsonArray(array.Select(item => Materialize(Evaluate(item, known.Scope))).ToArray()),
        Known known => known.Node?.DeepClone(),
        _ => null,
    };

    /// <summary>The value of <paramref name="member"/> of an object value, evaluated in the object's scope.</summary>
    public static ArmValue Member(ArmValue target, string member) => target switch
    {
        Known { Node: JsonObject obj } known => obj.TryGetPropertyValue(member, out var child)
            ? known.Scope.Evaluate(child)
            : throw new KeyNotFoundException($"No property '{member}' in {obj.ToJsonString()}."),
        Known { Node: null } known => new Known(null, known.Scope),
        Symbolic symbolic => new Symbolic(symbolic.Expression + "." + member),
        _ => throw new InvalidOperationException($"Cannot read '{member}' of {target.Text}."),
    };

    private static string Render(ArmValue value) => value switch
    {
        Symbolic symbolic => symbolic.Expression,
        Known { Node: JsonValue v } when v.TryGetValue(out string? s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        Known known => known.Node?.ToJsonString() ?? "null",
        _ => "?",
    };

    private sealed partial class Parser(string text, ArmScope scope)
    {
        private int _position;

        public void ExpectEnd()
        {
            SkipSpace();
            if (_position != text.Length)
            {
                throw new FormatException($"Unexpected '{text[_position..]}' in expression '{text}'.");
            }
        }

        public ArmValue ParseExpression()
        {
            var value = ParsePrimary();
            while (true)
            {
                SkipSpace();
                if (TryTake('.'))
                {
                    value = Member(value, ReadIdentifier());
                }
                else if (TryTake('['))
                {
                    var index = ParseExpression();
                    Expect(']');
                    value = Index(value, index);
                }
                else
                {
                    return value;
                }
            }
        }

        private ArmValue ParsePrimary()
        {
            SkipSpace();
            var c = Peek();
            if (c == '\'')
            {
                return new Known(JsonValue.Create(ReadString()), scope);
            }

            if (char.IsDigit(c) || c == '-')
            {
                var match = NumberPattern().Match(text, _position);
                _position += match.Length;
                return new Known(JsonValue.Create(long.Parse(match.Value, CultureInfo.InvariantCulture)), scope);
            }

            var name = ReadIdentifier();
            if (name is "true" or "false" or "null" && TryTake('('))
            {
                Expect(')');
            }

            if (name is "true" or "false")
            {
                return new Known(JsonValue.Create(name == "true"), scope);
            }

            if (name == "null")
            {
                return new Known(null, scope);
            }

            Expect('(');
            return Call(name);
        }

        private ArmValue Call(string name)
        {
            // if() evaluates only the branch it takes, as ARM does.
            if (name.Equals("if", StringComparison.OrdinalIgnoreCase))
            {
                var condition = ParseExpression();
                Expect(',');
                var start = _position;
                var whenTrue = ParseExpression();
                Expect(',');
                var whenFalse = ParseExpression();
                Expect(')');
                return condition is Known { Node: JsonValue b } && b.TryGetValue(out bool taken)
                    ? (taken ? whenTrue : whenFalse)
                    : new Symbolic("if(" + text[start..(_position - 1)] + ")");
            }

            var arguments = new List<ArmValue>();
            SkipSpace();
            if (!TryTake(')'))
            {
                do
                {
                    arguments.Add(ParseExpression());
                    SkipSpace();
                }
                while (TryTake(','));
                Expect(')');
            }

            return Apply(name, arguments);
        }

        private ArmValue Apply(string name, List<ArmValue> args)
        {
            ArmValue Symbol() => new Symbolic(name + "(" + string.Join(", ", args.Select(Render)) + ")");
            bool allKnown = args.All(a => a is Known);

            switch (name.ToLowerInvariant())
            {
                case "parameters" when args is [Known { Node: JsonValue p }]:
                    return scope.Parameter(p.GetValue<string>());
                case "variables" when args is [Known { Node: JsonValue v }]:
                    return scope.Variable(v.GetValue<string>());
                case "copyindex":
                    return scope.CopyIndex is int i ? new Known(JsonValue.Create(i), scope) : Symbol();
                case "createarray":
                    return new Known(new JsonArray(args.Select(Materialize).ToArray()), scope);
                case "createobject":
                    var created = new JsonObject();
                    for (var k = 0; k + 1 < args.Count; k += 2)
                    {
                        created[args[k].Text] = Materialize(args[k + 1]);
                    }

                    return new Known(created, scope);
                case "format" when args.Count > 0 && args[0] is Known:
                    return Format(args[0].Text, args.Skip(1).ToList());
                case "concat" when args.All(a => a is not Known { Node: JsonArray }):
                    return Format(string.Concat(Enumerable.Range(0, args.Count).Select(n => "{" + n + "}")), args);
                case "equals" when allKnown:
                    return new Known(JsonValue.Create(JsonNode.DeepEquals(args[0].Json, args[1].Json)), scope);
                case "not" when allKnown && args[0].Json is JsonValue b:
                    return new Known(JsonValue.Create(!b.GetValue<bool>()), scope);
                case "and" when allKnown:
                    return new Known(JsonValue.Create(args.All(a => a.Json!.GetValue<bool>())), scope);
                case "or" when allKnown:
                    return new Known(JsonValue.Create(args.Any(a => a.Json!.GetValue<bool>())), scope);
                case "string" when allKnown:
                    return new Known(JsonValue.Create(args[0].Text), scope);
                case "tolower" when allKnown:
                    return new Known(JsonValue.Create(args[0].Text.ToLowerInvariant()), scope);
                case "empty" when allKnown:
                    return new Known(JsonValue.Create(IsEmpty(args[0].Json)), scope);
                case "length" when allKnown && args[0].Json is JsonArray array:
                    return new Known(JsonValue.Create(array.Count), scope);
                case "coalesce" when allKnown:
                    return args.FirstOrDefault(a => a.Json is not null) ?? new Known(null, scope);
                case "coalesce" when args[0] is Known { Node: not null }:
                    return args[0];
                case "coalesce" when args[0] is Known { Node: null } && args.Count == 2:
                    return args[1];
                case "union" when allKnown && args.All(a => a.Json is JsonObject):
                    var merged = new JsonObject();
                    foreach (var property in args.SelectMany(a => a.Json!.AsObject()))
                    {
                        merged[property.Key] = property.Value?.DeepClone();
                    }

                    return new Known(merged, scope);
                case "add" when allKnown:
                    return new Known(JsonValue.Create(checked(Integer(args[0]) + Integer(args[1]))), scope);
                case "mul" when allKnown:
                    return new Known(JsonValue.Create(checked(Integer(args[0]) * Integer(args[1]))), scope);
                case "subscriptionresourceid" when allKnown && args.Count >= 2:
                    return new Known(JsonValue.Create(
                        "/subscriptions/{subscription}/providers/" + args[0].Text + "/" + string.Join("/", args.Skip(1).Select(a => a.Text))), scope);
                default:
                    return Symbol();
            }
        }

        private ArmValue Format(string format, List<ArmValue> args)
        {
            var known = true;
            var result = PlaceholderPattern().Replace(format, m =>
            {
                var arg = args[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)];
                known &= arg is Known;
                return arg.Text;
            });
            return known
                ? new Known(JsonValue.Create(result), scope)
                : new Symbolic("format(" + string.Join(", ", new[] { Render(new Known(JsonValue.Create(format), scope)) }.Concat(args.Select(Render))) + ")", result);
        }

        private static long Integer(ArmValue value) => long.Parse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        private static bool IsEmpty(JsonNode? node) => node switch
        {
            null => true,
            JsonArray array => array.Count == 0,
            JsonObject obj => obj.Count == 0,
            JsonValue v when v.TryGetValue(out string? s) => s.Length == 0,
            _ => false,
        };

        private static ArmValue Index(ArmValue target, ArmValue index) => (target, index) switch
        {
            (Known { Node: JsonArray array } known, Known { Node: JsonValue i }) when i.TryGetValue(out int n) =>
                known.Scope.Evaluate(array[n]),
            (Known { Node: JsonObject obj } known, Known { Node: JsonValue k }) when k.TryGetValue(out string? key) =>
                known.Scope.Evaluate(obj[key]),
            (Symbolic symbolic, _) => new Symbolic(symbolic.Expression + "[" + Render(index) + "]"),
            _ => new Symbolic(Render(target) + "[" + Render(index) + "]"),
        };

        private string ReadString()
        {
            Expect('\'');
            var builder = new StringBuilder();
            while (true)
            {
                var c = text[_position++];
                if (c == '\'')
                {
                    if (_position < text.Length && text[_position] == '\'')
                    {
                        builder.Append('\'');
                        _position++;
                        continue;
                    }

                    return builder.ToString();
                }

                builder.Append(c);
            }
        }

        private string ReadIdentifier()
        {
            SkipSpace();
            var match = IdentifierPattern().Match(text, _position);
            if (!match.Success || match.Index != _position)
            {
                throw new FormatException($"Expected a name at {_position} in '{text}'.");
            }

            _position += match.Length;
            return match.Value;
        }

        private char Peek() => _position < text.Length ? text[_position] : '\0';

        private bool TryTake(char c)
        {
            SkipSpace();
            if (Peek() != c)
            {
                return false;
            }

            _position++;
            return true;
        }

        private void Expect(char c)
        {
            if (!TryTake(c))
            {
                throw new FormatException($"Expected '{c}' at {_position} in '{text}'.");
            }
        }

        private void SkipSpace()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }

        [GeneratedRegex(@"\G[A-Za-z_$#][A-Za-z0-9_$#]*")]
        private static partial Regex IdentifierPattern();

        [GeneratedRegex(@"\G-?\d+")]
        private static partial Regex NumberPattern();

        [GeneratedRegex(@"\{(\d+)\}")]
        private static partial Regex PlaceholderPattern();
    }
}
