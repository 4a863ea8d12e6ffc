using System.Text.Json;
using KvGraph.Neo4j.Http;

namespace KvGraph.Neo4j.Tests;

/// <summary>
/// What the client puts in a result row, from either API's JSON: only null, string, bool, long, double, List&lt;object?&gt;
/// and Dictionary&lt;string, object?&gt;, nested. <c>kvgraph cypher</c> writes rows through compile-time metadata
/// (KvGraph.Cli's CypherJsonContext) that lists exactly these types; a type not listed could not be written in a
/// native kvgraph, so a new kind of value here must be added there too (Cli.Tests' CypherJsonTests writes each one).
/// </summary>
public sealed class JsonValuesTests
{
    private static readonly HashSet<Type> RowTypes =
    [typeof(string), typeof(bool), typeof(long), typeof(double), typeof(List<object?>), typeof(Dictionary<string, object?>)];

    [Fact]
    public void Every_query_api_type_and_every_plain_json_kind_reads_as_a_type_cypher_can_write()
    {
        const string typed = """
            [
              {"$type":"Null","_value":null},
              {"$type":"Boolean","_value":true},
              {"$type":"Boolean","_value":"false"},
              {"$type":"Integer","_value":"9223372036854775807"},
              {"$type":"Integer","_value":-3},
              {"$type":"Float","_value":"NaN"},
              {"$type":"Float","_value":1.25},
              {"$type":"String","_value":"ü «x»"},
              {"$type":"Date","_value":"2020-01-02"},
              {"$type":"Time","_value":"12:00:00Z"},
              {"$type":"LocalTime","_value":"12:00:00"},
              {"$type":"DateTime","_value":"2020-01-02T03:04:05Z"},
              {"$type":"OffsetDateTime","_value":"2020-01-02T03:04:05+01:00"},
              {"$type":"ZonedDateTime","_value":"2020-01-02T03:04:05+01:00[Europe/Amsterdam]"},
              {"$type":"LocalDateTime","_value":"2020-01-02T03:04:05"},
              {"$type":"Duration","_value":"P1D"},
              {"$type":"Point","_value":"SRID=4326;POINT (1 2)"},
              {"$type":"Base64","_value":"AQID"},
              {"$type":"List","_value":[{"$type":"Integer","_value":"1"},{"$type":"Map","_value":{"k":{"$type":"String","_value":"v"}}}]},
              {"$type":"Map","_value":{"a":{"$type":"List","_value":[]},"b":{"$type":"Float","_value":"Infinity"}}},
              {"$type":"Node","_value":{"_element_id":"4:x:1","_labels":["Motion"],"_properties":{"id":{"$type":"String","_value":"kst-1"},"n":{"$type":"Integer","_value":"2"}}}},
              {"$type":"Relationship","_value":{"_element_id":"5:x:1","_type":"CITES","_properties":{"start":{"$type":"Integer","_value":"10"}}}},
              {"$type":"Path","_value":[{"$type":"Node","_value":{"_properties":{}}},{"$type":"Relationship","_value":{"_properties":{}}}]},
              7, "plain", [1, 2.5], {"k": null}
            ]
            """;
        const string plain = """[null, true, false, 1, -9223372036854775808, 1.5, 1e300, "s", [], [1, [2, {"a": [true]}]], {}, {"m": {"n": 1}}]""";
        var seen = new HashSet<Type>();
        using (var doc = JsonDocument.Parse(typed))
        {
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                Collect(JsonValues.FromTyped(e), seen);
            }
        }

        using (var doc = JsonDocument.Parse(plain))
        {
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                Collect(JsonValues.FromPlain(e), seen);
            }
        }

        Assert.Subset(RowTypes, seen);
        Assert.Equal(RowTypes.Count, seen.Count);
    }

    private static void Collect(object? value, HashSet<Type> seen)
    {
        if (value is null)
        {
            return;
        }

        seen.Add(value.GetType());
        switch (value)
        {
            case List<object?> list:
                list.ForEach(v => Collect(v, seen));
                break;
            case Dictionary<string, object?> map:
                foreach (var v in map.Values)
                {
                    Collect(v, seen);
                }

                break;
        }
    }
}
