using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using KvGraph.Core.Model;

namespace KvGraph.Store.Sqlite;

/// <summary>
/// How the store serialises what it keeps: extracted documents with System.Text.Json over the model records (their
/// enum names are the contract names; compile-time metadata, <see cref="StoreJsonContext"/>), property bags as flat JSON objects of strings, numbers and booleans, written and read by one typed pair
/// (<see cref="TypedProps"/>, <see cref="ReadTypedProps"/>) so an integer reads back as a long and a double as a double.
/// </summary>
internal static class StoreJson
{
    // The store's options (camelCase, relaxed escaping) over the compile-time metadata only: no reflection, so a native
    // (AOT) kvgraph writes the same bytes.
    private static readonly StoreJsonContext Context = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    });

    public static string Document(ExtractedDocument document) => JsonSerializer.Serialize(document, Context.ExtractedDocument);

    /// <summary>A stored document, read by <see cref="StoreDocumentReader"/> (by hand: no JIT-compiled deserialiser metadata).</summary>
    public static ExtractedDocument ReadDocument(string json) => StoreDocumentReader.Read(json);

    public static string Strings(IEnumerable<string> values) => JsonSerializer.Serialize(values.ToArray(), Context.StringArray);

    public static IReadOnlyList<string> ReadStrings(string json) => JsonSerializer.Deserialize(json, Context.StringArray) ?? [];

    /// <summary>
    /// Ids as the JSON array a query's <c>json_each($ids)</c> reads (System.Text.Json's default escaping, as these
    /// parameters have always been written).
    /// </summary>
    public static string SqlList(IEnumerable<string> values) => JsonSerializer.Serialize(values.ToArray(), StoreJsonContext.Default.StringArray);

    /// <summary>Row ids as the JSON array a query's <c>json_each($rows)</c> reads.</summary>
    public static string SqlList(IEnumerable<long> values) => JsonSerializer.Serialize(values.ToArray(), StoreJsonContext.Default.Int64Array);

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
                        // Every value the graph puts in a bag is one of the kinds above (StoreJsonTests writes every bag of the
                        // real and a generated corpus); anything else would not read back as itself, so it is an error, not a guess.
                        throw new NotSupportedException(
                            $"The property '{key}' holds a {value.GetType().FullName}; a stored property is a string, integer, number, boolean or null.");
                }
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Reads <see cref="TypedProps"/> back: an integer as long, a number with a fraction or exponent as double. A query of a
    /// hub reads thousands of bags; their UTF-8 goes through a pooled buffer, not a new array each, and their keys (a small
    /// vocabulary: date, kind, quote, start…) are one string each, not a new one per bag.
    /// </summary>
    public static Dictionary<string, object?> ReadTypedProps(string json)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            return ReadUtf8Props(rented.AsSpan(0, Encoding.UTF8.GetBytes(json, rented)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static Dictionary<string, object?> ReadUtf8Props(ReadOnlySpan<byte> utf8)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = Key(ref reader);
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

    // The property names read so far, each once (bounded: past it, a name is read as any string).
    private static readonly ConcurrentDictionary<string, string> Keys = new(StringComparer.Ordinal);
    private const int MaxKeys = 4_096;
    private const int MaxKeyLength = 64;

    private static string Key(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.ValueSpan.Length > MaxKeyLength)
        {
            return reader.GetString()!;
        }

        Span<char> chars = stackalloc char[MaxKeyLength];
        var name = chars[..Encoding.UTF8.GetChars(reader.ValueSpan, chars)];
        if (Keys.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var known))
        {
            return known;
        }

        var key = name.ToString();
        return Keys.Count < MaxKeys ? Keys.GetOrAdd(key, key) : key;
    }

    private static string Skip(ref Utf8JsonReader reader)
    {
        var start = reader.TokenStartIndex;
        reader.Skip();
        return $"<value at {start}>";
    }
}
