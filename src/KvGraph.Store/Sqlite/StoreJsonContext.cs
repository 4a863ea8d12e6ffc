using System.Text.Json.Serialization;
using KvGraph.Core.Model;

namespace KvGraph.Store.Sqlite;

/// <summary>
/// Compile-time JSON metadata for what <see cref="StoreJson"/> reads and writes on a query's path (a stored document, a
/// list of strings). Without it System.Text.Json builds the metadata by reflection on first use, which a short CLI call
/// pays in full, and a native (AOT) kvgraph cannot build at all. <see cref="StoreJson"/>'s options (camelCase names, relaxed
/// escaping) still apply, so the JSON is the same bytes; there is no reflection fallback. The arrays of ids and row ids
/// are the <c>json_each</c> parameters of the store's queries (<see cref="StoreJson.SqlList(IEnumerable{string})"/>).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ExtractedDocument))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(long[]))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;

/// <summary>
/// Compile-time JSON metadata for the store's corpus counts (rcounts 'counts'), with System.Text.Json's default options
/// (the names as declared), so the JSON is the same bytes the reflection-based serializer wrote. Every build reads and
/// writes the counts once, and the reflection metadata cost a short build about as much as reading the counts' row.
/// </summary>
[JsonSerializable(typeof(KvGraph.Core.Graph.CorpusCounts))]
internal sealed partial class CountsJsonContext : JsonSerializerContext;
