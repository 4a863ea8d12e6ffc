using System.CommandLine;
using System.Globalization;

namespace KvGraph.Cli.Commands;

/// <summary>Options whose bad values get a user's message ("--depth must be a whole number from 1 to 10"), not a .NET type name.</summary>
internal static class Options
{
    /// <summary>A whole-number option held to [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Option<int> Int(string name, string? alias, string description, int defaultValue, int min, int max)
    {
        var option = alias is null ? new Option<int>(name) : new Option<int>(name, alias);
        option.Description = $"{description} ({min} to {max})";
        option.DefaultValueFactory = _ => defaultValue;
        option.CustomParser = r =>
        {
            var token = r.Tokens.Count > 0 ? r.Tokens[^1].Value : null;
            if (token is null || !int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                r.AddError($"{name} must be a whole number from {min} to {max}{(token is null ? string.Empty : $", not '{token}'")}.");
                return defaultValue;
            }

            return value;
        };
        return option;
    }

    /// <summary>A number option (a decimal point, not a comma) held to more than <paramref name="above"/> and at most <paramref name="max"/>.</summary>
    public static Option<double> Number(string name, string description, double defaultValue, double above, double max)
    {
        var option = new Option<double>(name)
        {
            Description = $"{description} (more than {above.ToString(CultureInfo.InvariantCulture)}, at most {max.ToString(CultureInfo.InvariantCulture)})",
            DefaultValueFactory = _ => defaultValue,
        };
        option.CustomParser = r =>
        {
            var token = r.Tokens.Count > 0 ? r.Tokens[^1].Value : null;
            if (token is null || !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > above) || value > max)
            {
                r.AddError($"{name} must be a number more than {above.ToString(CultureInfo.InvariantCulture)} and at most {max.ToString(CultureInfo.InvariantCulture)}{(token is null ? string.Empty : $", not '{token}'")}.");
                return defaultValue;
            }

            return value;
        };
        return option;
    }
}
