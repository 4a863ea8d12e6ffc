using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using KvGraph.Core.Model;
using KvGraph.Store.Sqlite;

namespace KvGraph.Store.Tests;

/// <summary>
/// The store's JSON, written with compile-time metadata (<see cref="StoreJsonContext"/>) and read by hand
/// (<see cref="StoreDocumentReader"/>), is the JSON System.Text.Json writes and reads by reflection with the same options:
/// every document of the real corpus and of a generated one, as the build stored it, reads and writes back to the same
/// bytes both ways.
/// </summary>
[Collection(CorpusStoreCollection.Name)]
public sealed class StoreJsonTests(CorpusStoreFixture corpus, SynthStoreFixture synth) : IClassFixture<SynthStoreFixture>
{
    /// <summary>StoreJson's options without the generated metadata: what the store used before it.</summary>
    private static readonly JsonSerializerOptions Reflection = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    [SkippableFact]
    public void Every_stored_document_round_trips_to_the_same_bytes_through_generated_metadata_and_reflection()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var stored = StoredDocuments();
        Assert.True(stored.Count > 500, $"only {stored.Count} stored documents");
        foreach (var json in stored)
        {
            var generated = StoreJson.ReadDocument(json)!;
            var reflected = JsonSerializer.Deserialize<ExtractedDocument>(json, Reflection)!;
            Assert.Equal(json, StoreJson.Document(generated));
            Assert.Equal(json, JsonSerializer.Serialize(reflected, Reflection));
            Assert.Equal(json, JsonSerializer.Serialize(generated, Reflection));
            Assert.Equal(json, StoreJson.Document(reflected));

            var strings = StoreJson.Strings(generated.Warnings.Concat(generated.Doc.OwnIds));
            Assert.Equal(JsonSerializer.Serialize(generated.Warnings.Concat(generated.Doc.OwnIds).ToArray(), Reflection), strings);
            Assert.Equal(generated.Warnings.Concat(generated.Doc.OwnIds), StoreJson.ReadStrings(strings));
        }

        // The corpus exercises what the generated code must get right: enum names, dates, motion fates with party votes.
        Assert.Contains(stored, j => j.Contains("\"partyVotes\":[{", StringComparison.Ordinal));
        Assert.Contains(stored, j => j.Contains("\"submitted\":\"", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Every_stored_property_bag_reads_back_to_the_same_bytes_with_each_key_one_string()
    {
        // The indexed graph parses a bag per node and edge row it reads (a hub's thousands): through a pooled buffer and with
        // the keys kept once. Every bag the build stored reads back to what writes its exact bytes again (longs stay
        // integers, doubles keep their fraction), and a key read from two bags is the same string, not two copies.
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var bags = Stored("SELECT props FROM rnodes UNION ALL SELECT props FROM redges");
        Assert.True(bags.Count > 10_000, $"only {bags.Count} stored property bags");
        var firstSeen = new Dictionary<string, string>(StringComparer.Ordinal);
        var shared = 0;
        foreach (var json in bags)
        {
            var read = StoreJson.ReadTypedProps(json);
            Assert.Equal(json, StoreJson.TypedProps(read));
            foreach (var key in read.Keys)
            {
                if (firstSeen.TryGetValue(key, out var earlier))
                {
                    Assert.Same(earlier, key);
                    shared++;
                }
                else
                {
                    firstSeen[key] = key;
                }
            }
        }

        Assert.True(shared > 10_000 && firstSeen.Count < 200, $"{firstSeen.Count} distinct keys, {shared} read again");
    }

    [SkippableFact]
    public void The_hand_reader_reads_every_stored_document_as_the_deserialiser_does_real_corpus()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var stored = StoredDocuments();
        Assert.True(stored.Count > 500, $"only {stored.Count} stored documents");
        AssertReadAsDeserialised(stored);

        // What the hand reader must get right is in the corpus: every enum, dates, fates with party votes, recorded votes.
        Assert.Contains(stored, j => j.Contains("\"partyVotes\":[{", StringComparison.Ordinal));
        Assert.Contains(stored, j => j.Contains("\"votes\":[{", StringComparison.Ordinal));
        Assert.Contains(stored, j => j.Contains("\"precision\":\"", StringComparison.Ordinal));
        Assert.Contains(stored, j => j.Contains("\"citations\":[{", StringComparison.Ordinal));
    }

    [Fact]
    public void The_hand_reader_reads_every_stored_document_as_the_deserialiser_does_generated_corpus()
    {
        var stored = Stored(synth.StorePath, "SELECT json FROM documents WHERE json IS NOT NULL ORDER BY rowid");
        Assert.True(stored.Count >= 2_000, $"only {stored.Count} stored documents");
        AssertReadAsDeserialised(stored);
    }

    [Fact]
    public void A_stored_document_without_a_required_property_or_with_an_unknown_kind_is_an_error_naming_it()
    {
        var json = Stored(synth.StorePath, "SELECT json FROM documents WHERE json IS NOT NULL ORDER BY rowid LIMIT 1")[0];
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node.Remove("text");
        var missing = Assert.Throws<JsonException>(() => StoreJson.ReadDocument(node.ToJsonString()));
        Assert.Contains("'text'", missing.Message, StringComparison.Ordinal);

        var kind = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        kind["doc"]!["kind"] = "pamflet";
        var unknown = Assert.Throws<JsonException>(() => StoreJson.ReadDocument(kind.ToJsonString()));
        Assert.Contains("'pamflet'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(DocumentKind), unknown.Message, StringComparison.Ordinal);
    }

    // The hand reader (StoreJson.ReadDocument) and System.Text.Json's deserialiser read each document to the same model:
    // both write back to the stored bytes, and to the same bytes under reflection's options too.
    private static void AssertReadAsDeserialised(List<string> stored)
    {
        foreach (var json in stored)
        {
            var hand = StoreJson.ReadDocument(json);
            var deserialised = JsonSerializer.Deserialize<ExtractedDocument>(json, Reflection)!;
            Assert.Equal(json, StoreJson.Document(hand));
            Assert.Equal(JsonSerializer.Serialize(deserialised, Reflection), JsonSerializer.Serialize(hand, Reflection));
        }
    }

    /// <summary>
    /// The hand reader knows every property the writer writes, not only those the corpora happen to hold: a document with
    /// every property of every model type System.Text.Json's metadata lists set to a value other than its default (each
    /// list with one element, each enum at its last name) reads back to the same bytes. A property added to the model and
    /// forgotten in <see cref="StoreDocumentReader"/> fails here, whether or not any document has it yet.
    /// </summary>
    [Fact]
    public void The_hand_reader_reads_a_document_with_every_property_the_writer_knows_set()
    {
        var full = Filled(typeof(ExtractedDocument), "document").ToJsonString();
        var deserialised = JsonSerializer.Deserialize<ExtractedDocument>(full, Reflection)!;
        var written = StoreJson.Document(deserialised);

        var hand = StoreJson.ReadDocument(written);

        Assert.Equal(written, StoreJson.Document(hand));
        Assert.Equal(JsonSerializer.Serialize(deserialised, Reflection), JsonSerializer.Serialize(hand, Reflection));
        // Filled really set them: no property of the written document is null or empty.
        Assert.DoesNotContain(":null", written, StringComparison.Ordinal);
        Assert.DoesNotContain(":[]", written, StringComparison.Ordinal);
    }

    // Strings the model validates, by property name (each another's default would be refused by its record's constructor).
    private static readonly Dictionary<string, string> ValidStrings = new(StringComparer.Ordinal)
    {
        ["vote"] = "voor", // PartyVote: voor, tegen or niet deelgenomen
    };

    // A JSON value of `type` with every property, element and entry System.Text.Json's metadata knows, none at its default.
    private static System.Text.Json.Nodes.JsonNode Filled(Type type, string name)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        object? sample = underlying == typeof(string) ? ValidStrings.GetValueOrDefault(name, $"v-{name}")
            : underlying == typeof(int) ? 3
            : underlying == typeof(long) ? 3L
            : underlying == typeof(double) ? 0.75
            : underlying == typeof(bool) ? true
            : underlying == typeof(DateOnly) ? new DateOnly(2021, 3, 4)
            : underlying.IsEnum ? Enum.GetValues(underlying).GetValue(Enum.GetValues(underlying).Length - 1)
            : null;
        if (sample is not null)
        {
            return JsonSerializer.SerializeToNode(sample, underlying, Reflection)!;
        }

        var info = Reflection.GetTypeInfo(underlying);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                var o = new System.Text.Json.Nodes.JsonObject();
                foreach (var p in info.Properties)
                {
                    o[p.Name] = Filled(p.PropertyType, p.Name);
                }

                Assert.True(o.Count > 0, $"{underlying.Name} has no properties to fill");
                return o;
            case JsonTypeInfoKind.Enumerable:
                return new System.Text.Json.Nodes.JsonArray(Filled(info.ElementType!, name));
            case JsonTypeInfoKind.Dictionary:
                return new System.Text.Json.Nodes.JsonObject { [$"k-{name}"] = Filled(info.ElementType!, name) };
            default:
                throw new InvalidOperationException($"No sample value for {underlying} ({name}): add one");
        }
    }

    [Fact]
    public void A_query_list_parameter_is_the_json_the_reflection_serializer_wrote()
    {
        // search's and the indexed graph's json_each parameters: ids (default escaping, not the store's relaxed one) and
        // row ids, now through StoreJsonContext only; SQLite must read the same array it read before.
        string[] ids = ["kst-36200-VII-100", "ah-tk-20182019-1234", "person:van-der-ploeg", "“quote” & <tag> ü €", "a\"b\\c\n"];
        long[] rows = [0, 1, -1, long.MaxValue, long.MinValue, 9_007_199_254_740_993];
        var reflection = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        Assert.Equal(JsonSerializer.Serialize(ids.ToList(), reflection), StoreJson.SqlList(ids.ToList()));
        Assert.Equal(JsonSerializer.Serialize(rows.Select(r => r), reflection), StoreJson.SqlList(rows.Select(r => r)));
        Assert.Equal("[]", StoreJson.SqlList(Array.Empty<string>()));
        Assert.Contains("\\u201C", StoreJson.SqlList(ids), StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_bag_value_of_no_stored_kind_is_an_error_naming_the_key_and_type()
    {
        // The catch-all case once wrote any value by reflection (not possible in a native kvgraph) and read it back as
        // something else; the graph puts only strings, integers, numbers, booleans and null in a bag (the corpus fixtures
        // build every bag of the real and a generated corpus through this writer).
        var e = Assert.Throws<NotSupportedException>(() => StoreJson.TypedProps(new Dictionary<string, object?> { ["kind"] = "motion", ["day"] = new DateOnly(2020, 1, 2) }));
        Assert.Contains("'day'", e.Message, StringComparison.Ordinal);
        Assert.Contains("System.DateOnly", e.Message, StringComparison.Ordinal);
        Assert.Equal("""{"kind":"motion","n":3,"x":1.0,"ok":true,"none":null}""",
            StoreJson.TypedProps(new Dictionary<string, object?> { ["kind"] = "motion", ["n"] = 3, ["x"] = 1d, ["ok"] = true, ["none"] = null }));
    }

    private List<string> StoredDocuments() => Stored("SELECT json FROM documents WHERE json IS NOT NULL ORDER BY rowid");

    private List<string> Stored(string sql) => Stored(corpus.Store.Path, sql);

    private static List<string> Stored(string path, string sql)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var all = new List<string>();
        while (r.Read())
        {
            all.Add(r.GetString(0));
        }

        return all;
    }
}
