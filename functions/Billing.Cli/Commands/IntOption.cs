using System.CommandLine;
using System.Globalization;

namespace Billing.Cli.Commands;

/// <summary>Options whose value is a whole number in a stated range: anything else (not a number, too large for one, out of range) is a usage error naming the option and the range.</summary>
public static class IntOption
{
    public static Option<int> Create(string name, string description, int defaultValue, int min = int.MinValue, int max = int.MaxValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            result.AddError(string.Create(CultureInfo.InvariantCulture, $"'{token}' is not valid for {name}: expected a whole number from {min} to {max}"));
            return defaultValue;
        },
    };
}
