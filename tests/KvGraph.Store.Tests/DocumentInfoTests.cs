using System.Text.Json;
using KvGraph.Core.Model;

namespace KvGraph.Store.Tests;

/// <summary>
/// <see cref="IKvStore.GetDocumentInfo"/> (a search hit's summary: the stored document's <c>doc</c> object alone, as SQLite
/// extracts it) is exactly <see cref="IKvStore.GetDocument"/>'s <c>Doc</c>, for every document of the real corpus and of a
/// generated corpus, by id and by alias (a paired question's id reads its answer's file), and null where that is null.
/// </summary>
[Collection(CorpusStoreCollection.Name)]
public sealed class DocumentInfoTests(CorpusStoreFixture corpus, SynthStoreFixture synth) : IClassFixture<SynthStoreFixture>
{
    [SkippableFact]
    public void The_summary_of_every_real_document_is_its_whole_documents_doc()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        AssertSame(corpus.Store);
    }

    [Fact]
    public void The_summary_of_every_generated_document_is_its_whole_documents_doc()
    {
        using var store = KvStore.OpenReadOnly(synth.StorePath);
        AssertSame(store);
    }

    private static void AssertSame(IKvStore store)
    {
        var ids = store.Documents().Select(d => d.Id).Distinct(StringComparer.Ordinal).ToList();
        var aliases = ids.Select(id => store.GetDocument(id)?.Doc).OfType<DocumentInfo>()
            .SelectMany(d => new[] { d.Zaak, d.PairedId, d.Zaak is null ? null : $"kv-tk-{d.Zaak}" }).OfType<string>().ToList();
        var asked = ids.Concat(aliases).Append("no-such-document").Append("kst-0-0").Distinct(StringComparer.Ordinal).ToList();
        var found = 0;
        var withPeople = 0;
        foreach (var id in asked)
        {
            var whole = store.GetDocument(id)?.Doc;
            var narrow = store.GetDocumentInfo(id);
            Assert.True(JsonSerializer.Serialize(whole) == JsonSerializer.Serialize(narrow), $"{id}: whole {JsonSerializer.Serialize(whole)}\nnarrow {JsonSerializer.Serialize(narrow)}");
            found += narrow is null ? 0 : 1;
            withPeople += narrow is { Askers.Count: > 0, Answerers.Count: > 0 } ? 1 : 0;
        }

        Assert.True(found >= ids.Count, $"{found} of {asked.Count} ids found");
        Assert.True(withPeople >= 50, $"only {withPeople} documents with askers and answerers");
    }
}
