using System.Text.Json.Serialization;
using KvGraph.Core.Model;

namespace KvGraph.Store.Sqlite;

/// <summary>
/// Compile-time JSON metadata for what <see cref="StoreJson"/> reads and writes on a query's path (a stored document, a
/// list of strings). Without it System.Text.Json builds the metadata by reflection on first use, which a short CLI call
/// pays in full. <see cref="StoreJson"/>'s options (camelCase names, relaxed escaping) still apply, so the JSON is the
/// same bytes; other types fall back to reflection.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ExtractedDocument))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
