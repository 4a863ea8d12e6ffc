using System.Text.RegularExpressions;

namespace KvGraph.Web.Api;

/// <summary>
/// The limits every API input is held to. Ids are looked up in the graph, never used as paths, but are still
/// restricted to the characters canonical ids use so nothing odd reaches the store or the logs.
/// </summary>
internal static partial class InputRules
{
    public const int MaxIdLength = 200;
    public const int MaxQueryLength = Core.Graph.QueryLimits.MaxQueryLength;
    public const int MaxPage = Core.Graph.QueryLimits.MaxSearchOffset / Core.Graph.QueryLimits.MaxSearchPage;
    public const int MaxPageSize = Core.Graph.QueryLimits.MaxSearchPage;
    public const int DefaultPageSize = Core.Graph.QueryLimits.DefaultSearchPage;
    public const int MaxDepth = Core.Graph.QueryLimits.MaxTraceDepth;
    public const int DefaultDepth = Core.Graph.QueryLimits.DefaultTraceDepth;
    public const int MaxNeighbourhood = 500;
    public const int DefaultNeighbourhood = 150;
    public const int MaxRelated = Core.Graph.QueryLimits.MaxRelated;
    public const int DefaultRelated = Core.Graph.QueryLimits.DefaultRelated;
    public const int MaxTimeline = 500;
    public const int DefaultTimeline = 200;
    public const int MaxFilterLength = Core.Graph.QueryLimits.MaxFilterLength;

    /// <summary>Checks an id; returns an error message or null.</summary>
    public static string? CheckId(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return "An id is required.";
        }

        if (id.Length > MaxIdLength)
        {
            return $"An id has at most {MaxIdLength} characters.";
        }

        if (!IdPattern().IsMatch(id) || id.Contains("..", StringComparison.Ordinal))
        {
            return "An id may contain letters, digits, spaces and : . _ - # , ( ) ' + & ~ only.";
        }

        return null;
    }

    /// <summary>Checks a search text; returns an error message or null.</summary>
    public static string? CheckQuery(string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return "A search text is required.";
        }

        if (q.Length > MaxQueryLength)
        {
            return $"A search text has at most {MaxQueryLength} characters.";
        }

        if (q.Any(char.IsControl))
        {
            return "A search text may not contain control characters.";
        }

        return null;
    }

    /// <summary>Checks an optional list filter (an outcome, a party, a date, …); returns an error message or null.</summary>
    public static string? CheckFilter(string? value, string name)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > MaxFilterLength)
        {
            return $"{name} has at most {MaxFilterLength} characters.";
        }

        if (value.Any(char.IsControl))
        {
            return $"{name} may not contain control characters.";
        }

        return null;
    }

    /// <summary>Checks an optional number against its range; returns an error message or null.</summary>
    public static string? CheckRange(int? value, int min, int max, string name) =>
        value is { } v && (v < min || v > max) ? $"{name} must be between {min} and {max}." : null;

    [GeneratedRegex(@"^[\p{L}\p{M}\p{N} :._\-#,()'+&~]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
