using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using KvGraph.Core.Model;

namespace KvGraph.Store.Sqlite;

/// <summary>
/// How the store serialises what it keeps: extracted documents with System.Text.Json over the model records (their
/// enum names are the contract names), property bags as flat JSON objects of strings, numbers and booleans, written and read by one typed pair
/// (<see cref="TypedProps"/>, <see cref="ReadTypedProps"/>) so an integer reads back as a long and a double as a double.
/// </summary>
internal static class StoreJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(StoreJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    public static string Document(ExtractedDocument document) => JsonSerializer.Serialize(document, Options);

    public static ExtractedDocument? ReadDocument(string json) => JsonSerializer.Deserialize<ExtractedDocument>(json, Options);

    public static string Strings(IEnumerable<string> values) => JsonSerializer.Serialize(values.ToArray(), Options);

    public static IReadOnlyList<string> ReadStrings(string json) => JsonSerializer.Deserialize<string[]>(json, Options) ?? [];

    /// <summary>
    /// A property bag as JSON that reads back (<see cref="ReadTypedProps"/>) with exactly the CLR types it had: long (int
    /// widened) as an integer, double always with a fraction or exponent ("1.0"), string, bool, null. The resolved tables
    /// use it, so the indexed graph's properties equal the assembled graph's, types included (a <c>start</c> stays a long).
    /// </summary>
    public static string TypedProps(IReadOnlyDictionary<string, object?> props)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            foreach (var (key, value) in props)
            {
                w.WritePropertyName(key);
                switch (value)
                {
                    case null:
                        w.WriteNullValue();
                        break;
                    case string text:
                        w.WriteStringValue(text);
                        break;
                    case bool b:
                        w.WriteBooleanValue(b);
                        break;
                    case long or int or short or byte:
                        w.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    case double or float or decimal:
                        var d = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
                        var raw = d.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                        w.WriteRawValue(double.IsFinite(d) ? (raw.AsSpan().IndexOfAny('.', 'E') >= 0 ? raw : raw + ".0") : "null");
                        break;
                    default:
                        w.WriteRawValue(JsonSerializer.Serialize(value, Options));
                        break;
                }
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads <see cref="TypedProps"/> back: an integer as long, a number with a fraction or exponent as double.</summary>
    public static Dictionary<string, object?> ReadTypedProps(string json)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            result[key] = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Number when reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0 && reader.TryGetInt64(out var l) => l,
                JsonTokenType.Number => reader.GetDouble(),
                JsonTokenType.True => true,
                JsonTokenType.False => false,
                JsonTokenType.Null => null,
                _ => Skip(ref reader),
            };
        }

        return result;
    }

    private static string Skip(ref Utf8JsonReader reader)
    {
        var start = reader.TokenStartIndex;
        reader.Skip();
        return $"<value at {start}>";
    }
}
