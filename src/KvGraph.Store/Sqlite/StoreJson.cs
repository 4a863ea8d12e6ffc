using System.Text.Encodings.Web;
using System.Text.Json;
using KvGraph.Core.Model;

namespace KvGraph.Store.Sqlite;

/// <summary>
/// How the store serialises what it keeps: extracted documents with System.Text.Json over the model records (their
/// enum names are the contract names), property bags as flat JSON objects of strings, numbers and booleans.
/// </summary>
internal static class StoreJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static string Document(ExtractedDocument document) => JsonSerializer.Serialize(document, Options);

    public static ExtractedDocument? ReadDocument(string json) => JsonSerializer.Deserialize<ExtractedDocument>(json, Options);

    public static string Props(IReadOnlyDictionary<string, object?> props) => JsonSerializer.Serialize(props, Options);

    public static string Strings(IEnumerable<string> values) => JsonSerializer.Serialize(values.ToArray(), Options);

    public static IReadOnlyList<string> ReadStrings(string json) => JsonSerializer.Deserialize<string[]>(json, Options) ?? [];

    /// <summary>Reads a property bag back with the CLR types the graph uses: string, long, double, bool.</summary>
    public static Dictionary<string, object?> ReadProps(string json)
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
                JsonTokenType.Number => reader.TryGetInt64(out var l) ? l : reader.GetDouble(),
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
