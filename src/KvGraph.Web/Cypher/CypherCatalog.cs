using System.Text.RegularExpressions;

namespace KvGraph.Web.Cypher;

/// <summary>A Cypher statement from <c>cypher/queries</c> with the parameter values that answer one view.</summary>
/// <param name="View">The explorer view (search, document, neighbourhood, trace, related, motion).</param>
/// <param name="File">The file name inside <c>cypher/queries</c>.</param>
/// <param name="Text">The file's text, unchanged, ready to paste into Neo4j.</param>
/// <param name="Parameters">Every <c>$parameter</c> of the statement with the value for this view (null when the view has none).</param>
public sealed record CypherQueryView(string View, string File, string Text, IReadOnlyDictionary<string, object?> Parameters);

/// <summary>
/// Maps explorer views to the statements in <c>cypher/queries</c> by their header comments and file names, so
/// "Show as Cypher" shows the real file the Neo4j side runs, never text written by the page.
/// </summary>
public sealed partial class CypherCatalog
{
    /// <summary>The views that have a "Show as Cypher" panel.</summary>
    public static readonly IReadOnlyList<string> Views = ["search", "document", "neighbourhood", "trace", "related", "motion"];

    /// <summary>Words that name each view in a file name (strongest, the first word weighs most) or its header comment.</summary>
    private static readonly Dictionary<string, string[]> Keywords = new(StringComparer.Ordinal)
    {
        ["search"] = ["search", "full text", "full-text", "fulltext"],
        ["document"] = ["document", "show", "what is this"],
        ["neighbourhood"] = ["neighbourhood", "neighborhood", "neighbours", "neighbors", "expand"],
        ["trace"] = ["trace", "chain", "transitive"],
        [TraceReverse] = ["cited-by", "cited by", "backwards", "who cites", "reverse"],
        ["related"] = ["related", "coupling", "co-citation", "cocitation"],
        ["motion"] = ["motion", "motie", "sponsor"],
    };

    /// <summary>When no file is written for a view, the closest statement that is.</summary>
    private static readonly Dictionary<string, string> Fallbacks = new(StringComparer.Ordinal)
    {
        ["neighbourhood"] = "document",
        [TraceReverse] = "trace",
    };

    /// <summary>The trace read backwards (who cites this), asked for with <c>view=trace&amp;reverse=true</c>.</summary>
    internal const string TraceReverse = "trace-reverse";

    private readonly string? directory;
    private readonly Lazy<IReadOnlyDictionary<string, (string File, string Text)>> byView;

    /// <param name="directory">The <c>cypher/queries</c> folder, or null when it cannot be found (the panel then says so).</param>
    public CypherCatalog(string? directory)
    {
        this.directory = directory;
        byView = new(Load);
    }

    /// <summary>The folder read, or null.</summary>
    public string? Directory => directory;

    /// <summary>The statement answering <paramref name="view"/>, with parameters filled from <paramref name="values"/>; null when none fits.</summary>
    public CypherQueryView? For(string view, IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (view == "trace" && values.TryGetValue("reverse", out var reverse) && reverse is true)
        {
            view = TraceReverse;
        }

        if (!byView.Value.TryGetValue(view, out var entry) && !(Fallbacks.TryGetValue(view, out var fallback) && byView.Value.TryGetValue(fallback, out entry)))
        {
            return null;
        }

        var defaults = Defaults(entry.Text);

        var parameters = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (Match m in Parameter().Matches(StripComments(entry.Text)))
        {
            var name = m.Groups[1].Value;
            parameters[name] = ValueFor(name, values) ?? defaults.GetValueOrDefault(name);
        }

        return new CypherQueryView(view, entry.File, entry.Text, parameters);
    }

    /// <summary>Finds <c>cypher/queries</c> above the given folders (the repository the app runs from).</summary>
    public static string? Locate(params string?[] startFolders)
    {
        foreach (var start in startFolders)
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "cypher", "queries");
                if (System.IO.Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static object? ValueFor(string name, IReadOnlyDictionary<string, object?> values)
    {
        if (values.TryGetValue(name, out var direct))
        {
            return direct;
        }

        var lower = name.ToLowerInvariant();
        string? key = lower switch
        {
            _ when lower.Contains("depth", StringComparison.Ordinal) || lower.Contains("hops", StringComparison.Ordinal) => "depth",
            _ when lower.Contains("limit", StringComparison.Ordinal) || lower is "top" or "k" or "n" => "limit",
            _ when lower.Contains("skip", StringComparison.Ordinal) || lower.Contains("offset", StringComparison.Ordinal) => "offset",
            _ when lower is "q" || lower.Contains("query", StringComparison.Ordinal) || lower.Contains("text", StringComparison.Ordinal) || lower.Contains("term", StringComparison.Ordinal) || lower.Contains("search", StringComparison.Ordinal) => "q",
            _ when lower.Contains("reverse", StringComparison.Ordinal) || lower.Contains("direction", StringComparison.Ordinal) => "reverse",
            _ when lower.Contains("id", StringComparison.Ordinal) || lower.Contains("motion", StringComparison.Ordinal) || lower.Contains("doc", StringComparison.Ordinal) || lower is "from" or "source" or "start" => "id",
            _ => null,
        };
        return key is not null && values.TryGetValue(key, out var v) ? v : null;
    }

    private Dictionary<string, (string File, string Text)> Load()
    {
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        if (directory is null || !System.IO.Directory.Exists(directory))
        {
            return result;
        }

        var files = System.IO.Directory.GetFiles(directory, "*.cypher", SearchOption.TopDirectoryOnly)
            .Order(StringComparer.Ordinal)
            .Select(f => (File: Path.GetFileName(f), Text: File.ReadAllText(f)))
            .ToList();
        foreach (var view in Keywords.Keys)
        {
            var best = files
                .Select(f => (f.File, f.Text, Score: Score(view, f.File, f.Text)))
                .Where(f => f.Score > 0)
                .OrderByDescending(f => f.Score)
                .ThenBy(f => f.File.Length)
                .ThenBy(f => f.File, StringComparer.Ordinal)
                .FirstOrDefault();
            if (best.File is not null)
            {
                result[view] = (best.File, best.Text);
            }
        }

        return result;
    }

    private static int Score(string view, string file, string text)
    {
        var name = Path.GetFileNameWithoutExtension(file).ToLowerInvariant();
        var header = string.Join('\n', text.Split('\n').TakeWhile(l => l.TrimStart().StartsWith("//", StringComparison.Ordinal) || l.Trim().Length == 0)).ToLowerInvariant();
        var score = 0;
        foreach (var (word, weight) in Keywords[view].Select((w, i) => (w, i == 0 ? 3 : 1)))
        {
            if (name.Contains(word.Replace(' ', '-'), StringComparison.Ordinal) || name.Contains(word.Replace(' ', '_'), StringComparison.Ordinal))
            {
                score += 10 * weight;
            }

            if (header.Contains(word, StringComparison.Ordinal))
            {
                score += weight;
            }
        }

        return score;
    }

    /// <summary>The example values the header documents (<c>// @param depth integer 3  …</c>), used for parameters the view does not set.</summary>
    private static Dictionary<string, object?> Defaults(string text)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (Match m in ParamDoc().Matches(text))
        {
            var (name, type, value) = (m.Groups[1].Value, m.Groups[2].Value.ToLowerInvariant(), m.Groups[3].Value);
            result[name] = type switch
            {
                "integer" or "int" when long.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
                "boolean" or "bool" when bool.TryParse(value, out var b) => b,
                _ when type.StartsWith("list", StringComparison.Ordinal) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                _ => value,
            };
        }

        return result;
    }

    [GeneratedRegex(@"^//\s*@param\s+([A-Za-z_][A-Za-z0-9_]*)\s+(\S+)\s+(\S+)", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex ParamDoc();

    private static string StripComments(string text) => string.Join('\n', text.Split('\n').Select(l => l.Split("//", 2)[0]));

    [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}
