using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using KvGraph.Cli.Commands;
using KvGraph.Neo4j.Http;

namespace KvGraph.Cli.Tests;

/// <summary>
/// <c>kvgraph cypher</c> writes result values through compile-time metadata (<see cref="CypherJsonContext"/>), not
/// reflection, so it works in a native kvgraph: every kind of value the Neo4j client puts in a row (null, string, bool,
/// long, double, a list of values, a map of values, nested; Neo4j.Tests' JsonValuesTests shows the client makes no other)
/// is in the context and written to the same text the reflection-based serializer wrote, in <c>--format json</c> and in a
/// CSV cell.
/// </summary>
public sealed class CypherJsonTests
{
    private static readonly JsonSerializerOptions ReflectionIndented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private static readonly JsonSerializerOptions ReflectionCompact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private static readonly object?[] Values =
    [
        null,
        "Motie van het lid Sjoerdsma c.s. over «guillemets», \"quotes\", ü, €, 😀 and a\nnewline, <tag> & 'apostrophe'",
        string.Empty,
        true,
        false,
        0L,
        -42L,
        long.MaxValue,
        1.5,
        -0.1,
        1e300,
        new List<object?> { 1L, "two", 3.25, null, true },
        new Dictionary<string, object?>(StringComparer.Ordinal) { ["id"] = "kst-36200-VII-100", ["n"] = 7L, ["x"] = 0.5, ["ok"] = false, ["none"] = null },
        new List<object?>
        {
            new Dictionary<string, object?>(StringComparer.Ordinal) { ["nested"] = new List<object?> { "é", new List<object?>() } },
            new List<object?> { new Dictionary<string, object?>(StringComparer.Ordinal) },
        },
        new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["labels"] = new List<object?> { "Motion", "Document" },
            ["props"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["quote"] = "“aanhalingstekens”", ["start"] = 12L },
        },
    ];

    [Fact]
    public void Rows_with_every_kind_of_value_are_the_json_the_reflection_serializer_wrote()
    {
        var rows = new CypherResult(["a", "b"], [.. Values.Select(v => (IReadOnlyList<object?>)[v, v])], new Dictionary<string, long>());
        var expected = JsonSerializer.Serialize(
            rows.Rows.Select(r => new Dictionary<string, object?>(StringComparer.Ordinal) { ["a"] = r[0], ["b"] = r[1] }).ToList(), ReflectionIndented);
        Assert.Equal(expected, Neo4jCypherCommand.Json(rows));
        Assert.Contains("«guillemets»", expected, StringComparison.Ordinal);
        Assert.Contains("\"nested\": [", expected, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_or_map_in_a_csv_cell_is_the_json_the_reflection_serializer_wrote()
    {
        foreach (var v in Values.Where(v => v is List<object?> or Dictionary<string, object?>))
        {
            var csv = Neo4jCypherCommand.Csv(new CypherResult(["v"], [[v]], new Dictionary<string, long>()));
            var json = JsonSerializer.Serialize(v, ReflectionCompact);
            var cell = json.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + json.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : json;
            Assert.Equal("v\r\n" + cell + "\r\n", csv);
        }
    }

    [Fact]
    public void Every_runtime_type_a_row_can_hold_has_compile_time_metadata()
    {
        foreach (var type in Values.OfType<object>().Select(v => v.GetType()).Distinct())
        {
            Assert.True(CypherJsonContext.Compact.GetTypeInfo(type) is not null, $"{type} has no metadata in CypherJsonContext");
            Assert.True(CypherJsonContext.Indented.GetTypeInfo(type) is not null, $"{type} has no metadata in CypherJsonContext");
        }

        Assert.Null(CypherJsonContext.Compact.GetTypeInfo(typeof(DateOnly)));
    }
}
