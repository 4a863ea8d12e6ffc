using System.Text.Json;
using System.Text.Json.Serialization;
using KvGraph.Core.Graph;
using KvGraph.Web.Cypher;
using KvGraph.Web.Data;

namespace KvGraph.Web.Api;

/// <summary>
/// Compile-time JSON metadata for every view the explorer's API returns, with ASP.NET Core's web defaults (camelCase
/// names, case-insensitive reading, numbers as numbers), so the bytes are the ones the reflection-based serializer wrote.
/// A native (AOT) build has no reflection-based serializer: without this context every endpoint fails there. It is first
/// in the host's resolver chain (<see cref="Hosting.ExplorerHost.AddExplorer"/>); the framework's own types (problem
/// responses) keep their resolvers after it. The primitive types are the values a node's properties and a Cypher
/// statement's parameters hold (<see cref="NodeView.Properties"/>, <see cref="CypherQueryView.Parameters"/> are
/// dictionaries of <see cref="object"/>, serialized by each value's runtime type). The nullable numbers and flags are
/// the endpoints' query parameters, whose schemas the OpenAPI document (/openapi/v1.json) takes from this metadata too.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(StatusView))]
[JsonSerializable(typeof(SearchPageView))]
[JsonSerializable(typeof(DocumentView))]
[JsonSerializable(typeof(NeighbourhoodView))]
[JsonSerializable(typeof(TraceView))]
[JsonSerializable(typeof(IReadOnlyList<RelatedView>))]
[JsonSerializable(typeof(MotionView))]
[JsonSerializable(typeof(MotionListView))]
[JsonSerializable(typeof(MotionStatsView))]
[JsonSerializable(typeof(CypherQueryView))]
[JsonSerializable(typeof(CorpusOverview))]
[JsonSerializable(typeof(PersonPageView))]
[JsonSerializable(typeof(PartyPageView))]
[JsonSerializable(typeof(DossierPageView))]
[JsonSerializable(typeof(IReadOnlyList<PersonRole>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(int?))]
[JsonSerializable(typeof(bool?))]
internal sealed partial class ExplorerJsonContext : JsonSerializerContext;
