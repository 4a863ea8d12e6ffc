using System.Text.Json.Serialization;
using KvGraph.Core.Model;

namespace KvGraph.Core.Extraction;

/// <summary>
/// Compile-time JSON metadata for the model's enums, whose contract names (their <see cref="JsonStringEnumMemberNameAttribute"/>)
/// <see cref="ExtractionJson.Name{T}"/> reads through their own <see cref="JsonStringEnumConverter{TEnum}"/>, with
/// System.Text.Json's default options, so a name is the same text the reflection-based serializer wrote; without
/// reflection, so a native (AOT) kvgraph can name them. Every enum that carries contract names is listed here
/// (KindsJsonContextTests checks that against the model assembly).
/// </summary>
[JsonSerializable(typeof(CitationKind))]
[JsonSerializable(typeof(DocumentKind))]
[JsonSerializable(typeof(EntityKind))]
[JsonSerializable(typeof(DatePrecision))]
[JsonSerializable(typeof(ItemKind))]
internal sealed partial class KindsJsonContext : JsonSerializerContext;
