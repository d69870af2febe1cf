using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Billing.Core.Accounts;

/// <summary>
/// The path of the element a forward-only JSON reader is at, written as the import errors name elements
/// (<c>accounts[1].subscriptions[0].startDate</c>), for errors found before anything is deserialised.
/// </summary>
internal sealed class JsonElementPath
{
    private readonly List<Frame> _frames = [];

    public void Enter(bool array) => _frames.Add(new Frame(array));

    /// <summary>Moves past <paramref name="token"/> (with its name when it is a property name).</summary>
    public void Step(JsonTokenType token, string? propertyName)
    {
        switch (token)
        {
            case JsonTokenType.PropertyName:
                _frames[^1].Property = propertyName;
                break;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                Advance();
                Enter(token == JsonTokenType.StartArray);
                break;
            case JsonTokenType.EndObject or JsonTokenType.EndArray:
                _frames.RemoveAt(_frames.Count - 1);
                break;
            default:
                Advance();
                break;
        }
    }

    /// <summary>The path of the token about to be stepped (<see cref="JsonTokenType.None"/>: of the last one stepped).</summary>
    public string Current(JsonTokenType pending)
    {
        var path = new StringBuilder();
        for (var i = 0; i < _frames.Count; i++)
        {
            var frame = _frames[i];
            var last = i == _frames.Count - 1;
            if (frame.Array)
            {
                var index = last && pending is not (JsonTokenType.None or JsonTokenType.EndArray) ? frame.Index + 1 : frame.Index;
                path.Append(CultureInfo.InvariantCulture, $"[{Math.Max(index, 0)}]");
            }
            else if (frame.Property is { } property && !(last && pending == JsonTokenType.PropertyName))
            {
                path.Append(path.Length == 0 ? "" : ".").Append(property);
            }
        }

        return path.Length == 0 ? "the file" : path.ToString();
    }

    private void Advance()
    {
        if (_frames.Count > 0 && _frames[^1].Array)
        {
            _frames[^1].Index++;
        }
    }

    private sealed class Frame(bool array)
    {
        public bool Array { get; } = array;

        public int Index { get; set; } = -1;

        public string? Property { get; set; }
    }
}
