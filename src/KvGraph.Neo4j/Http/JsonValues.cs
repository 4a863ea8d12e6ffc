using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KvGraph.Neo4j.Http;

/// <summary>Turns parameters into JSON and JSON results into plain .NET values, for both HTTP APIs.</summary>
internal static class JsonValues
{
    /// <summary>A parameter value as JSON. Only scalars, lists and maps: anything else is a programming error.</summary>
    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create((long)i),
        long l => JsonValue.Create(l),
        short sh => JsonValue.Create((long)sh),
        double d => JsonValue.Create(d),
        float f => JsonValue.Create((double)f),
        decimal m => JsonValue.Create((double)m),
        DateOnly date => JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        DateTime dt => JsonValue.Create(dt.ToString("O", CultureInfo.InvariantCulture)),
        DateTimeOffset dto => JsonValue.Create(dto.ToString("O", CultureInfo.InvariantCulture)),
        Enum e => JsonValue.Create(e.ToString()),
        JsonNode node => node.DeepClone(),
        IReadOnlyDictionary<string, object?> map => ToJsonObject(map),
        IDictionary<string, object?> map => ToJsonObject(map),
        System.Collections.IEnumerable list => new JsonArray(list.Cast<object?>().Select(ToJson).ToArray()),
        _ => throw new ArgumentException($"A Cypher parameter cannot hold a {value.GetType().Name}."),
    };

    public static JsonObject ToJsonObject(IEnumerable<KeyValuePair<string, object?>> map)
    {
        var obj = new JsonObject();
        foreach (var (k, v) in map)
        {
            obj[k] = ToJson(v);
        }

        return obj;
    }

    /// <summary>A plain JSON value (transactional endpoint) as a .NET value.</summary>
    public static object? FromPlain(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? (object)l : e.GetDouble(),
        JsonValueKind.Array => e.EnumerateArray().Select(FromPlain).ToList(),
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => FromPlain(p.Value), StringComparer.Ordinal),
        _ => throw new InvalidDataException($"Unexpected JSON value kind {e.ValueKind}."),
    };

    /// <summary>
    /// A Query API typed value (<c>{"$type":"Integer","_value":"1"}</c>) as a .NET value. Integers travel as
    /// strings so 64-bit values survive JavaScript; nodes and relationships become their property maps,
    /// paths the list of their elements, as the transactional endpoint's row format gives them.
    /// </summary>
    public static object? FromTyped(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("$type", out var typeProp))
        {
            // Plain JSON (Accept: application/json) is also accepted.
            return FromPlain(e);
        }

        var type = typeProp.GetString();
        e.TryGetProperty("_value", out var v);
        return type switch
        {
            "Null" => null,
            "Boolean" => v.ValueKind == JsonValueKind.String ? bool.Parse(v.GetString()!) : v.GetBoolean(),
            "Integer" => v.ValueKind == JsonValueKind.String
                ? long.Parse(v.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture)
                : v.GetInt64(),
            "Float" => v.ValueKind == JsonValueKind.String ? ParseFloat(v.GetString()!) : v.GetDouble(),
            "String" or "Date" or "Time" or "LocalTime" or "DateTime" or "OffsetDateTime" or "ZonedDateTime"
                or "LocalDateTime" or "Duration" or "Point" or "Base64" => v.GetString(),
            "List" => v.EnumerateArray().Select(FromTyped).ToList(),
            "Map" => v.EnumerateObject().ToDictionary(p => p.Name, p => FromTyped(p.Value), StringComparer.Ordinal),
            "Node" or "Relationship" => Properties(v),
            "Path" => v.EnumerateArray().Select(FromTyped).ToList(),
            _ => throw new InvalidDataException($"Unknown Query API value type '{type}'."),
        };
    }

    private static Dictionary<string, object?> Properties(JsonElement entity) =>
        entity.TryGetProperty("_properties", out var props) && props.ValueKind == JsonValueKind.Object
            ? props.EnumerateObject().ToDictionary(p => p.Name, p => FromTyped(p.Value), StringComparer.Ordinal)
            : new Dictionary<string, object?>(StringComparer.Ordinal);

    private static double ParseFloat(string s) => s switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    /// <summary>Counter names of both APIs as one snake_case vocabulary (3.x's "relationship_deleted" included).</summary>
    public static string CounterName(string name)
    {
        if (name == "relationship_deleted")
        {
            return "relationships_deleted";
        }

        var sb = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c))
            {
                sb.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
