using System.Globalization;
using System.Text.Json;
using KvGraph.TestSupport;

namespace KvGraph.OpenData.Tests;

/// <summary>
/// The real client over real HTTP against the local stand-in of the Gegevensmagazijn, asserting on the files it writes:
/// paging, 429 with Retry-After, 5xx, dropped connections, persistent errors, 400 and malformed JSON, incremental sync.
/// </summary>
public sealed class FetchTests
{
    [SkippableFact]
    public async Task All_7071_corpus_records_arrive_over_29_server_pages_each_exactly_as_served()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, Support.NoCorpus);
        var zaken = ODataStandIn.CorpusZaken();
        await using var standIn = await ODataStandIn.StartAsync(zaken);
        var folder = Support.NewFolder();

        var report = await Support.FetchAsync(Support.Options(standIn), folder);

        Assert.Equal(7071, zaken.Count);
        Assert.True(report.Complete);
        Assert.False(report.Resumed);
        Assert.Equal(29, report.Pages.Count); // 7,071 records in server pages of 250
        Assert.Equal(7071, report.Records);
        Assert.Equal(7071, report.Written);
        Assert.Empty(report.Retries);
        Support.AssertFilesAreServed(standIn, folder, zaken);

        // One request per page, walked along the next links: the first without a skiptoken, every other with its own.
        var requests = standIn.Requests;
        Assert.Equal(29, requests.Count);
        Assert.Null(requests[0].SkipToken);
        Assert.Equal(28, requests.Skip(1).Select(r => r.SkipToken).Distinct().Count(t => t is not null));
        Assert.All(requests, r => Assert.Equal("Soort eq 'Motie'", r.Filter));

        // The file of 2022Z00782 is the API's Zaak: Besluit without the corpus's Stats, the expansions present.
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "zaak", "2022Z00782.json")));
        Assert.Equal("Stemmen - verworpen", doc.RootElement.GetProperty("Besluit")[0].GetProperty("BesluitSoort").GetString());
        Assert.False(doc.RootElement.GetProperty("Besluit")[0].TryGetProperty("Stats", out _));
        Assert.Equal(4, doc.RootElement.GetProperty("ZaakActor").GetArrayLength());

        // The completed walk leaves the latest change as the mark and no walk in progress.
        var state = FetchState.Load(folder)!;
        Assert.False(state.InProgress);
        Assert.Equal(DateTimeOffset.Parse("2023-12-21T00:00:00+01:00", CultureInfo.InvariantCulture), state.Mark);
    }

    [SkippableFact]
    public async Task A_page_size_is_asked_with_Prefer_maxpagesize_and_gives_that_many_pages()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, Support.NoCorpus);
        var zaken = ODataStandIn.CorpusZaken();
        await using var standIn = await ODataStandIn.StartAsync(zaken);
        var folder = Support.NewFolder();

        var report = await Support.FetchAsync(Support.Options(standIn, pageSize: 100), folder);

        Assert.Equal(71, report.Pages.Count); // 7,071 / 100, rounded up
        Assert.All(report.Pages.SkipLast(1), p => Assert.Equal(100, p.Records));
        Assert.Equal(71, report.Pages[^1].Records);
        Assert.All(standIn.Requests, r => Assert.Equal("odata.maxpagesize=100", r.Prefer));
        Support.AssertFilesAreServed(standIn, folder, zaken);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_the_server_gives_and_counted()
    {
        var zaken = ODataStandIn.StemmingFixture();
        await using var standIn = await ODataStandIn.StartAsync(zaken);
        standIn.FailOn(2, Fault.TooManyRequests(retryAfterSeconds: 1));
        var folder = Support.NewFolder();

        var report = await Support.FetchAsync(Support.Options(standIn, pageSize: 2), folder);

        var retry = Assert.Single(report.Retries);
        Assert.Equal("HTTP 429", retry.Reason);
        Assert.True(retry.FromRetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(1), retry.Delay);
        var requests = standIn.Requests;
        Assert.Equal(3, requests.Count); // page 1, page 2 refused, page 2 again
        Assert.Equal(requests[1].PathAndQuery, requests[2].PathAndQuery);
        Assert.True(requests[2].At - requests[1].At >= TimeSpan.FromSeconds(0.95), $"the retry came {(requests[2].At - requests[1].At).TotalSeconds:0.000} s after the 429");
        Assert.True(report.Complete);
        Assert.Equal(2, report.Pages.Count);
        Support.AssertFilesAreServed(standIn, folder, zaken);
    }

    [Fact]
    public async Task A_503_a_500_and_a_dropped_connection_are_retried_with_back_off_and_the_fetch_completes()
    {
        var zaken = ODataStandIn.StemmingFixture();
        await using var standIn = await ODataStandIn.StartAsync(zaken);
        standIn.FailOn(1, Fault.Http(503));
        standIn.FailOn(2, Fault.Http(500));
        standIn.FailOn(4, Fault.Drop);
        var folder = Support.NewFolder();

        var report = await Support.FetchAsync(Support.Options(standIn, pageSize: 2), folder);

        Assert.Equal(["HTTP 503", "HTTP 500"], report.Retries.Take(2).Select(r => r.Reason));
        Assert.StartsWith("connection:", report.Retries[2].Reason, StringComparison.Ordinal);
        Assert.Equal(3, report.Retries.Count);
        Assert.All(report.Retries, r => Assert.False(r.FromRetryAfter));
        Assert.True(report.Retries[1].Delay >= TimeSpan.FromMilliseconds(20), "the second attempt's back-off is at least the doubled base delay's fixed half");
        Assert.Equal(5, standIn.Requests.Count);
        Assert.True(report.Complete);
        Support.AssertFilesAreServed(standIn, folder, zaken);
    }

    [Fact]
    public async Task A_persistent_503_stops_with_the_url_status_and_attempts_and_leaves_the_state_at_the_last_completed_page()
    {
        var zaken = ODataStandIn.StemmingFixture();
        await using var standIn = await ODataStandIn.StartAsync(zaken);
        standIn.FailFrom(2, Fault.Http(503));
        var folder = Support.NewFolder();
        var options = Support.Options(standIn, pageSize: 2);

        var e = await Assert.ThrowsAsync<OpenDataException>(() => Support.FetchAsync(options, folder));

        var page2 = new Uri(standIn.BaseUrl, standIn.Requests[1].PathAndQuery.TrimStart('/').Substring("OData/v4/2.0/".Length));
        Assert.Contains($"GET {page2}", e.Message, StringComparison.Ordinal);
        Assert.Contains("after 4 attempts", e.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", e.Message, StringComparison.Ordinal);
        Assert.Equal(503, e.Status);
        Assert.Equal(5, standIn.Requests.Count); // page 1, then four attempts at page 2
        var state = FetchState.Load(folder)!;
        Assert.True(state.InProgress);
        Assert.Equal(1, state.WalkPages);
        Assert.Equal(page2, state.NextLink);
        Assert.Equal(2, Support.Files(folder).Count); // page 1's records are kept
    }

    [Fact]
    public async Task A_400_stops_at_once_with_the_url_status_and_the_servers_message_and_writes_nothing()
    {
        await using var standIn = await ODataStandIn.StartAsync(ODataStandIn.StemmingFixture());
        standIn.FailOn(1, Fault.Http(400));
        var folder = Support.NewFolder();

        var e = await Assert.ThrowsAsync<OpenDataException>(() => Support.FetchAsync(Support.Options(standIn), folder));

        Assert.Equal(400, e.Status);
        Assert.StartsWith($"GET {MotionQuery.FirstPage(standIn.BaseUrl, null)} answered HTTP 400 Bad Request", e.Message, StringComparison.Ordinal);
        Assert.Single(standIn.Requests); // never retried
        Assert.Empty(Support.Files(folder));
    }

    [Fact]
    public async Task A_wrong_base_address_is_a_404_naming_the_url()
    {
        await using var standIn = await ODataStandIn.StartAsync(ODataStandIn.StemmingFixture());
        var folder = Support.NewFolder();
        var options = Support.Options(standIn) with { BaseUrl = new Uri(standIn.BaseUrl, "nope/") };

        var e = await Assert.ThrowsAsync<OpenDataException>(() => Support.FetchAsync(options, folder));

        Assert.Equal(404, e.Status);
        Assert.Contains("/OData/v4/2.0/nope/Zaak?", e.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 404", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_on_page_2_stops_with_a_clear_error_keeping_page_1()
    {
        var zaken = ODataStandIn.StemmingFixture();
        await using var standIn = await ODataStandIn.StartAsync(zaken);
        standIn.FailOn(2, Fault.Malformed);
        var folder = Support.NewFolder();

        var e = await Assert.ThrowsAsync<OpenDataException>(() => Support.FetchAsync(Support.Options(standIn, pageSize: 2), folder));

        Assert.Contains("answered HTTP 200 with a body that is not valid JSON", e.Message, StringComparison.Ordinal);
        Assert.Contains("$skiptoken=", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, standIn.Requests.Count);
        Assert.Equal(2, Support.Files(folder).Count);
        Assert.Equal(1, FetchState.Load(folder)!.WalkPages);
    }

    [Fact]
    public async Task The_stemming_fixture_arrives_with_a_vote_row_per_fractie_adding_up_to_the_outcome_in_the_handelingen()
    {
        var zaken = ODataStandIn.StemmingFixture();
        await using var standIn = await ODataStandIn.StartAsync(zaken);
        var folder = Support.NewFolder();

        await Support.FetchAsync(Support.Options(standIn), folder);

        Support.AssertFilesAreServed(standIn, folder, zaken);
        // Rows: nummer → (seats voting for, outcome), as the chair announced on 5 April 2018.
        (string Nummer, int For, string Outcome)[] table =
        [
            ("2018Z99726", 49, "Stemmen - verworpen"),   // gewijzigde motie-Wassenberg: SP, PvdA, GL, PvdD, DENK, 50PLUS
            ("2018Z99721", 128, "Stemmen - aangenomen"), // motie-Wassenberg: the same plus D66, VVD, SGP, CDA, CU
            ("2018Z99722", 95, "Stemmen - aangenomen"),  // motie-Laçin/Beckerman: without the VVD
            ("2018Z99724", 95, "Stemmen - aangenomen"),  // motie-Kröger: without the VVD
        ];
        foreach (var (nummer, votesFor, outcome) in table)
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "zaak", nummer + ".json")));
            var besluit = doc.RootElement.GetProperty("Besluit")[0];
            Assert.Equal(outcome, besluit.GetProperty("BesluitSoort").GetString());
            var rows = besluit.GetProperty("Stemming").EnumerateArray().ToList();
            Assert.Equal(13, rows.Count);
            Assert.Equal(150, rows.Sum(r => r.GetProperty("FractieGrootte").GetInt32()));
            Assert.Equal(votesFor, rows.Where(r => r.GetProperty("Soort").GetString() == "Voor").Sum(r => r.GetProperty("FractieGrootte").GetInt32()));
        }

        Assert.Contains("Laçin", File.ReadAllText(Path.Combine(folder, "zaak", "2018Z99722.json")), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_next_run_asks_only_for_changes_after_the_mark_and_picks_up_a_changed_a_deleted_and_a_newly_voted_record()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, Support.NoCorpus);
        var zaken = ODataStandIn.CorpusZaken();
        await using var standIn = await ODataStandIn.StartAsync(zaken);
        var folder = Support.NewFolder();
        var options = Support.Options(standIn, pageSize: 1000);
        var first = await Support.FetchAsync(options, folder);
        var mark = DateTimeOffset.Parse("2023-12-21T00:00:00+01:00", CultureInfo.InvariantCulture);
        Assert.Equal(mark, first.Mark);
        var before = Support.Files(folder);

        // The source system changes three motions after the mark.
        standIn.Change("2022Z00782", z =>
        {
            z["Kabinetsappreciatie"] = "Oordeel Kamer";
            z["GewijzigdOp"] = "2023-12-22T10:00:00+01:00";
        });
        standIn.Change("2022Z00766", z =>
        {
            z["Verwijderd"] = true;
            z["GewijzigdOp"] = "2023-12-22T11:00:00+01:00";
        });
        // A per-party vote row entered later than its Zaak last changed: only the lambda filter finds it.
        standIn.Change("2022Z00781", z => z["Besluit"]![0]!["Stemming"] = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["Soort"] = "Voor", ["FractieGrootte"] = 9, ["ActorNaam"] = "SP", ["ActorFractie"] = "SP", ["GewijzigdOp"] = "2023-12-22T12:30:00+01:00" }));
        var asked = standIn.Requests.Count;

        var second = await Support.FetchAsync(options, folder);

        var request = Assert.Single(standIn.Requests.Skip(asked));
        Assert.Equal(MotionQuery.Filter(mark), request.Filter);
        Assert.Contains("GewijzigdOp gt 2023-12-20T23:00:00Z", request.Filter, StringComparison.Ordinal);
        Assert.Equal(3, second.Records);
        Assert.Equal((0, 2, 1, 0), (second.Written, second.Updated, second.Deleted, second.Unchanged));
        var after = Support.Files(folder);
        Assert.Equal(7070, after.Count);
        Assert.False(after.ContainsKey("2022Z00766.json"));
        Assert.True(standIn.Served("2022Z00782").AsSpan().SequenceEqual(after["2022Z00782.json"]));
        Assert.True(standIn.Served("2022Z00781").AsSpan().SequenceEqual(after["2022Z00781.json"]));
        Assert.Equal(7068, after.Count(kv => before.TryGetValue(kv.Key, out var old) && old.AsSpan().SequenceEqual(kv.Value)));
        Assert.Equal(DateTimeOffset.Parse("2023-12-22T12:30:00+01:00", CultureInfo.InvariantCulture), second.Mark);

        // Nothing changed since: one page, no records, the mark stays.
        var third = await Support.FetchAsync(options, folder);
        Assert.Equal(0, third.Records);
        Assert.Equal(second.Mark, third.Mark);
        Assert.Equal(MotionQuery.Filter(second.Mark), standIn.Requests[^1].Filter);
    }
}
