using System.Globalization;
using System.Text.RegularExpressions;

namespace KvGraph.Neo4j.Queries;

/// <summary>A declared parameter of a query file: <c>// @param name type example description</c>.</summary>
/// <param name="Type">string, integer, float, boolean or list&lt;string&gt;.</param>
public sealed record CypherParameter(string Name, string Type, string Example, string Description)
{
    /// <summary>The example as a typed value.</summary>
    public object? ExampleValue => CypherQueryFile.Convert(Example, Type);
}

/// <summary>
/// A file of <c>cypher/queries</c>: a header of <c>//</c> comments (the question it answers, <c>@param</c> lines,
/// an example) and one statement. The header is valid Cypher comment syntax, so the whole file is sent as is.
/// </summary>
public sealed partial record CypherQueryFile(string Path, string Name, string Question, IReadOnlyList<CypherParameter> Parameters, string Text)
{
    /// <summary>Reads and parses a query file.</summary>
    public static CypherQueryFile Load(string path)
    {
        var text = File.ReadAllText(path);
        return Parse(path, text);
    }

    /// <summary>Every <c>*.cypher</c> file of a folder, by name.</summary>
    public static IReadOnlyList<CypherQueryFile> LoadFolder(string folder) =>
        [.. Directory.GetFiles(folder, "*.cypher").Order(StringComparer.Ordinal).Select(Load)];

    /// <summary>Parses a query file's text.</summary>
    public static CypherQueryFile Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var question = string.Empty;
        var parameters = new List<CypherParameter>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith("//", StringComparison.Ordinal))
            {
                if (line.Length > 0)
                {
                    break;
                }

                continue;
            }

            var comment = line[2..].Trim();
            if (comment.StartsWith("Question:", StringComparison.OrdinalIgnoreCase) && question.Length == 0)
            {
                question = comment["Question:".Length..].Trim();
            }
            else if (ParamLine().Match(comment) is { Success: true } m)
            {
                parameters.Add(new CypherParameter(m.Groups["name"].Value, m.Groups["type"].Value, m.Groups["example"].Value, m.Groups["desc"].Value.Trim()));
            }
        }

        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        return new CypherQueryFile(path, name, question, parameters, text);
    }

    /// <summary>The example parameters of the header, typed.</summary>
    public IReadOnlyDictionary<string, object?> ExampleParameters() =>
        Parameters.ToDictionary(p => p.Name, p => p.ExampleValue, StringComparer.Ordinal);

    /// <summary>
    /// Parameters from <c>k=v</c> pairs: typed by the header's declaration when there is one, else inferred
    /// (integer, float, true/false, otherwise string). Header examples fill the parameters not given.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Bind(IEnumerable<string> pairs, bool useExamples = true)
    {
        var values = useExamples ? new Dictionary<string, object?>(ExampleParameters(), StringComparer.Ordinal) : new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in ParsePairs(pairs))
        {
            var declared = Parameters.FirstOrDefault(p => p.Name == k);
            values[k] = declared is null ? Infer(v) : Convert(v, declared.Type);
        }

        return values;
    }

    /// <summary>Splits <c>k=v</c> pairs; a pair without '=' is an error naming it.</summary>
    public static IEnumerable<(string Key, string Value)> ParsePairs(IEnumerable<string> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ArgumentException($"--param '{pair}' is not of the form name=value.");
            }

            yield return (pair[..eq].Trim().TrimStart('$'), pair[(eq + 1)..]);
        }
    }

    /// <summary>A value typed by inference.</summary>
    public static object? Infer(string value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && value.Contains('.', StringComparison.Ordinal) ? d
        : value is "true" or "false" ? value == "true"
        : value == "null" ? null
        : value;

    /// <summary>A value of a declared type; a value that does not fit is an error naming the type.</summary>
    public static object? Convert(string value, string type) => type switch
    {
        "integer" => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : throw new ArgumentException($"'{value}' is not an integer."),
        "float" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw new ArgumentException($"'{value}' is not a number."),
        "boolean" => bool.TryParse(value, out var b) ? b : throw new ArgumentException($"'{value}' is not true or false."),
        "list<string>" => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Cast<object?>().ToList(),
        _ => value,
    };

    [GeneratedRegex(@"^@param\s+(?<name>\w+)\s+(?<type>list<\w+>|\w+)\s+(?<example>\S+)\s*(?<desc>.*)$")]
    private static partial Regex ParamLine();
}
