using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Billing.Cli.Commands;

/// <summary>
/// Options whose value is a calendar date written <c>YYYY-MM-DD</c>, from <see cref="Earliest"/> to <see cref="Latest"/>:
/// a date outside that range is a typo (<c>0001-01-01</c>, <c>2206-01-01</c>), refused as a usage error before anything runs.
/// </summary>
public static class DateOption
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static readonly DateOnly Latest = new(2099, 12, 31);

    public static Option<DateOnly> Create(string name, string description, Func<DateOnly> defaultValue) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        CustomParser = result => Parse(result, name),
        DefaultValueFactory = _ => defaultValue(),
    };

    /// <summary>A date option without a default: null when it is not given.</summary>
    public static Option<DateOnly?> CreateOptional(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        CustomParser = result => Parse(result, name),
    };

    private static DateOnly Parse(ArgumentResult result, string name)
    {
        var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (!DateOnly.TryParseExact(token, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            result.AddError($"'{token}' is not a valid date for {name}: expected YYYY-MM-DD (e.g. 2026-01-31)");
            return default;
        }

        if (date < Earliest || date > Latest)
        {
            result.AddError($"'{token}' is out of range for {name}: expected a date from {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}");
            return default;
        }

        return date;
    }
}
