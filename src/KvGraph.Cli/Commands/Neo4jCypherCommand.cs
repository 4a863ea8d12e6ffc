using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using KvGraph.Cli.Hosting;
using KvGraph.Neo4j.Http;
using KvGraph.Neo4j.Queries;
using Spectre.Console;

namespace KvGraph.Cli.Commands;

/// <summary>
/// <c>kvgraph cypher &lt;query-or-file&gt; [--param k=v…] [--format table|json|csv]</c>: runs one Cypher statement on Neo4j.
/// A file from <c>cypher/queries</c> types its parameters by its header and uses the header's examples for those not given.
/// </summary>
public static class Neo4jCypherCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connection = new Neo4jConnection();
        var query = new Argument<string>("query-or-file") { Description = "A Cypher statement, or a .cypher file (e.g. cypher/queries/citation-chain.cypher)" };
        var param = new Option<string[]>("--param", "-p") { Description = "A parameter name=value (repeatable); values are typed by the file's header, else inferred", AllowMultipleArgumentsPerToken = false };
        var format = new Option<string>("--format", "-f") { Description = "table, json or csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var command = new Command("cypher", "Run a Cypher query (text or file) against Neo4j and print the result") { query };
        connection.AddTo(command);
        command.Options.Add(param);
        command.Options.Add(format);
        return command.WithAction(async (result, ct) =>
        {
            var text = result.GetValue(query) ?? string.Empty;
            var pairs = result.GetValue(param) ?? [];
            CypherQueryFile file;
            IReadOnlyDictionary<string, object?> parameters;
            try
            {
                if (text.EndsWith(".cypher", StringComparison.OrdinalIgnoreCase) || File.Exists(text))
                {
                    file = CypherQueryFile.Load(text);
                    var given = CypherQueryFile.ParsePairs(pairs).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
                    foreach (var p in file.Parameters.Where(p => !given.Contains(p.Name)))
                    {
                        await result.InvocationConfiguration.Error.WriteLineAsync($"kvgraph: ${p.Name} not given, using the example {p.Example}").ConfigureAwait(false);
                    }
                }
                else
                {
                    file = CypherQueryFile.Parse("(command line)", text);
                }

                parameters = file.Bind(pairs);
            }
            catch (ArgumentException e)
            {
                throw new CliUserException(e.Message, e);
            }

            var options = connection.Options(context, result);
            CypherResult rows;
            try
            {
                using var runner = await Neo4jClient.ConnectAsync(options, cancellationToken: ct).ConfigureAwait(false);
                rows = await runner.RunAsync(new CypherStatement(file.Text, parameters), ct).ConfigureAwait(false);
            }
            catch (Neo4jException e)
            {
                throw new CliUserException(e.Message, e);
            }

            switch (result.GetValue(format))
            {
                case "json":
                    context.Console.Profile.Out.Writer.WriteLine(Json(rows));
                    break;
                case "csv":
                    context.Console.Profile.Out.Writer.Write(Csv(rows));
                    break;
                default:
                    var table = new Table();
                    foreach (var c in rows.Columns)
                    {
                        table.AddColumn(Markup.Escape(c));
                    }

                    foreach (var r in rows.Rows)
                    {
                        table.AddRow(r.Select(v => Markup.Escape(Show(v))).ToArray());
                    }

                    context.Console.Write(table);
                    context.Console.MarkupLineInterpolated($"{rows.Rows.Count} rows");
                    break;
            }

            return 0;
        });
    }

    /// <summary>Rows as a JSON array of objects keyed by column.</summary>
    public static string Json(CypherResult rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.Rows.Select(r => rows.Columns.Select((c, i) => (c, r[i])).ToDictionary(p => p.c, p => p.Item2)).ToList();
        return JsonSerializer.Serialize(list, CypherJsonContext.Indented.ListDictionaryStringObject);
    }

    /// <summary>Rows as RFC 4180 CSV with a header; lists and maps as JSON.</summary>
    public static string Csv(CypherResult rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder();
        sb.AppendJoin(',', rows.Columns.Select(Quote)).Append("\r\n");
        foreach (var r in rows.Rows)
        {
            sb.AppendJoin(',', r.Select(v => Quote(v is null ? string.Empty : Show(v)))).Append("\r\n");
        }

        return sb.ToString();
    }

    private static string Show(object? v) => v switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => JsonSerializer.Serialize(v, CypherJsonContext.Compact.Object),
    };

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}

/// <summary>
/// Compile-time JSON metadata for Cypher result values, so <c>cypher</c> writes them without reflection (a native kvgraph
/// too). A value in a row is what the Neo4j client reads from a response (JsonValues.FromPlain/FromTyped): null, a string,
/// a bool, a long, a double, a list of values or a map of values; each is listed, as an <c>object</c> slot holding a type
/// not listed cannot be written. Relaxed escaping as before: the rows indented for <c>--format json</c>, a list or map
/// in a cell on one line. Neo4jCypherJsonTests writes every kind of value against the reflection-based serializer.
/// </summary>
[JsonSerializable(typeof(List<Dictionary<string, object?>>))]
[JsonSerializable(typeof(Dictionary<string, object?>))]
[JsonSerializable(typeof(List<object?>))]
[JsonSerializable(typeof(object))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
internal sealed partial class CypherJsonContext : JsonSerializerContext
{
    /// <summary>Rows of <c>--format json</c>.</summary>
    public static CypherJsonContext Indented { get; } = new(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>A list or map in a table or CSV cell.</summary>
    public static CypherJsonContext Compact { get; } = new(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
