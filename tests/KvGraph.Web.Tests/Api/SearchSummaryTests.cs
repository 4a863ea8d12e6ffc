using KvGraph.Core.Entities;
using KvGraph.Core.Graph;
using KvGraph.Core.Text;
using KvGraph.Web.Tests.Support;

namespace KvGraph.Web.Tests.Api;

/// <summary>
/// The explorer's search hits are summed up from the narrow reads (the document's <c>doc</c> object alone, the citers
/// counted from their keys): on the real corpus, every hit of several pages of frequent words, ids and names shows what
/// the whole document and the whole cited-by list say (title, dates, askers and answerers with their parties' display
/// names, citers).
/// </summary>
[Collection(CorpusCollection.Name)]
public sealed class SearchSummaryTests(RealCorpus corpus) : ExplorerClient(() => new ExplorerFactory(corpus.Source, corpus.StorePath))
{
    [SkippableFact]
    public async Task Every_hits_summary_is_what_its_whole_document_and_cited_by_say()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var checkedHits = 0;
        var cited = 0;
        var people = 0;
        foreach (var url in new[]
        {
            "/api/search?q=vragen&pageSize=100", "/api/search?q=vragen&pageSize=100&page=3", "/api/search?q=minister&pageSize=100&page=2",
            "/api/search?q=motie&pageSize=100", "/api/search?q=Kamerbrief&pageSize=100", "/api/search?q=kst-21501-20-1591",
            "/api/search?q=leijten&pageSize=50", "/api/search?q=stikstof&pageSize=100",
        })
        {
            var page = await GetJson(url);
            foreach (var hit in page.Items("hits"))
            {
                var id = hit.Str("id")!;
                var node = corpus.Graph.Find(id);
                Assert.NotNull(node);
                var inCorpus = hit.GetProperty("inCorpus").GetBoolean();
                var d = inCorpus ? corpus.Source.GetDocument(id)?.Doc : null;
                var where = $"{url} {id}";
                Assert.Equal(node.Name is { } n && n != node.Id ? n : d?.Title, hit.Str("title"));
                Assert.True(DutchDates.Iso(d?.Submitted) == hit.Str("submitted"), where);
                Assert.True(DutchDates.Iso(d?.Answered) == hit.Str("answered"), where);
                Assert.Equal(d is null ? [] : d.Askers.Select(a => $"{a.Name}|{Parties.DisplayName(a.Party)}"), hit.Items("askers").Select(a => $"{a.Str("name")}|{a.Str("party")}"));
                Assert.Equal(d is null ? [] : d.Answerers.Select(a => $"{a.Name}|{a.Office}|{Parties.DisplayName(a.Party)}"), hit.Items("answerers").Select(a => $"{a.Str("name")}|{a.Str("office")}|{a.Str("party")}"));
                var citers = corpus.Graph.CitedBy(node.Id).Count;
                Assert.True(citers == hit.GetProperty("citedBy").GetInt32(), $"{where}: cited by {citers}, shown {hit.GetProperty("citedBy").GetInt32()}");
                checkedHits++;
                cited += citers > 0 ? 1 : 0;
                people += d is { Askers.Count: > 0 } ? 1 : 0;
            }
        }

        Assert.True(checkedHits > 300 && cited >= 3 && people > 100, $"{checkedHits} hits, {cited} cited, {people} with askers");
    }
}
