using System.Text;
using System.Text.Json;
using KvGraph.Core.Graph;
using KvGraph.Store;
using KvGraph.Web.Tests.Support;

namespace KvGraph.Web.Tests.Api;

/// <summary>
/// The start, person, party and dossier pages' API on the real corpus. Named facts are the corpus's (motion 2022Z00782 and
/// its sponsor Klaver of GroenLinks; kst-21501-08-721, adopted on 5 April 2018 with the VVD voting for it, in dossier
/// 21501-08); lists are checked against the graph's raw edges (ASKED_BY, ANSWERED_BY, VOTED, IN_DOSSIER), counts
/// against the motion page and the CLI's store statistics, so the pages and the rest of the tool agree.
/// </summary>
[Collection(CorpusCollection.Name)]
public sealed class PagesApiTests(RealCorpus corpus) : ExplorerClient(() => new ExplorerFactory(corpus.Source, corpus.StorePath))
{
    [SkippableFact]
    public async Task The_start_page_has_the_clis_counts_and_the_most_cited_lists_count_documents_as_the_motion_page_does()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var o = await GetJson("/api/overview");
        var counts = o.GetProperty("counts");

        // The same numbers `kvgraph stats` prints from the store.
        StoreStats stats;
        using (var store = KvStore.OpenReadOnly(corpus.StorePath))
        {
            stats = store.Stats();
        }

        Assert.Equal(stats.Documents, counts.GetProperty("documents").GetInt32());
        Assert.Equal(stats.Citations, counts.GetProperty("citations").GetInt32());
        Assert.Equal(stats.Resolved, counts.GetProperty("resolved").GetInt32());
        Assert.Equal(stats.Unresolved, counts.GetProperty("unresolved").GetInt32());
        Assert.Equal(stats.DocumentsByKind, counts.GetProperty("documentsByKind").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()));
        Assert.Equal(Math.Round((double)stats.Resolved / stats.Citations, 3), counts.GetProperty("resolvedShare").GetDouble());
        Assert.Equal(corpus.Graph.Stats().Adopted, o.GetProperty("motions").GetProperty("adopted").GetInt32());

        // Most-cited motions: at most ten, most cited first, each count the one its motion page shows (documents, not mentions).
        var motions = o.Items("mostCitedMotions").ToList();
        Assert.InRange(motions.Count, 1, 10);
        var citedBy = motions.Select(m => m.GetProperty("citedBy").GetInt32()).ToList();
        Assert.Equal(citedBy.OrderDescending(), citedBy);
        foreach (var m in motions)
        {
            var page = await GetJson("/api/motion?id=" + Enc(m.Str("id")!));
            Assert.Equal(page.GetProperty("citedBy").GetInt32(), m.GetProperty("citedBy").GetInt32());
        }

        // The letter of 18 October 2023 names 2022Z23878 twice: if it is listed, it is counted once per citing document.
        foreach (var list in new[] { "mostCitedLetters", "mostCitedAnswers" })
        {
            var items = o.Items(list).ToList();
            Assert.InRange(items.Count, 0, 10);
            Assert.All(items, i => Assert.Equal(corpus.Graph.CitedBy(i.Str("id")!).Count, i.GetProperty("citedBy").GetInt32()));
            Assert.All(items, i => Assert.Equal(list == "mostCitedLetters" ? "letter" : "answer", i.Str("kind")));
        }

        Assert.NotEmpty(o.Items("mostCitedAnswers"));

        // Recent answers: ten answers in the corpus, newest first, none newer left out.
        var recent = o.Items("recentAnswers").ToList();
        Assert.Equal(10, recent.Count);
        Assert.All(recent, r => Assert.True(r.GetProperty("inCorpus").GetBoolean()));
        var dates = recent.Select(r => r.Str("date")!).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        var newerLeftOut = corpus.Graph.Nodes.Where(n => n.Label == NodeLabel.Answer && string.CompareOrdinal(CitedByQuery.DateOf(n), dates[^1]) > 0)
            .Select(n => n.Id).Except(recent.Select(r => r.Str("id")!));
        Assert.Empty(newerLeftOut);
    }

    [SkippableFact]
    public async Task A_sponsors_person_page_lists_the_motion_with_its_outcome_and_the_party_over_time()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var motion = await GetJson("/api/motion?id=" + Enc("zaak:2022Z00782"));
        var motionId = motion.GetProperty("motion").Str("id");
        var klaver = Assert.Single(motion.Items("sponsors"), s => s.Str("name") == "Klaver").Str("personId")!;

        var p = await GetJson("/api/person?id=" + Enc(klaver));
        Assert.Equal(klaver, p.Str("id"));
        Assert.Equal("Klaver", p.Str("name"));
        var listed = Assert.Single(p.GetProperty("motions").Items("items"), m => m.Str("id") == motionId);
        Assert.Equal("verworpen", listed.Str("outcome"));
        Assert.Contains(p.Items("parties"), x => x.Str("party") == "GroenLinks" && x.Str("from") is not null);

        // Every motion the graph says they submitted, and no other.
        var submitted = corpus.Graph.Incoming(klaver, EdgeType.SubmittedBy).Select(e => corpus.Graph.Find(e.Source)!).Where(Motions.IsMotion)
            .Select(n => n.Id).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(submitted, p.GetProperty("motions").Items("items").Select(m => m.Str("id")!).Order(StringComparer.Ordinal));
        Assert.Equal(p.GetProperty("motions").GetProperty("total").GetInt32(), p.GetProperty("motions").Items("items").Count());

        // Not a placeholder page: a person id that is not a person is a 404, and the doc page's people name them with this id.
        Assert.Equal(404, (await GetProblem("/api/person?id=" + Enc("zaak:2022Z00782"))).Status);
        var people = await GetJson("/api/document/people?id=" + Enc(motionId!));
        Assert.Contains(people.EnumerateArray(), x => x.Str("role") == "sponsor" && x.Str("personId") == klaver && x.Str("party") == "GroenLinks");
    }

    [SkippableFact]
    public async Task An_askers_and_an_answerers_pages_list_exactly_their_questions_and_answers_newest_first()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var g = corpus.Graph;

        // The person who asked most, and the one who answered most, by the graph's raw edges.
        var asker = g.Edges.Where(e => e.Type == EdgeType.AskedBy).GroupBy(e => e.Target).MaxBy(x => x.Select(e => e.Source).Distinct().Count())!;
        var answerer = g.Edges.Where(e => e.Type == EdgeType.AnsweredBy && g.Find(e.Target)?.Label == NodeLabel.Person)
            .GroupBy(e => e.Target).MaxBy(x => x.Select(e => e.Source).Distinct().Count())!;

        var a = await GetJson($"/api/person?id={Enc(asker.Key)}&limit=500");
        Assert.True(asker.Select(e => e.Source).Distinct().Count() <= 500, "every question fits in one page");
        var questions = a.GetProperty("questions");
        Assert.Equal(asker.Select(e => e.Source).Distinct().Count(), questions.GetProperty("total").GetInt32());
        Assert.Equal(asker.Select(e => e.Source).Distinct().Order(StringComparer.Ordinal), questions.Items("items").Select(q => q.Str("id")!).Order(StringComparer.Ordinal));
        var qDates = questions.Items("items").Select(q => q.Str("date") ?? string.Empty).ToList();
        Assert.Equal(qDates.OrderDescending(StringComparer.Ordinal), qDates);

        // Each question counts the documents citing it, as its document page does.
        foreach (var q in questions.Items("items").Take(5))
        {
            var doc = await GetJson("/api/document?id=" + Enc(q.Str("id")!));
            Assert.Equal(doc.Items("citedBy").Count(), q.GetProperty("citedBy").GetInt32());
        }

        var m = await GetJson("/api/person?id=" + Enc(answerer.Key));
        var answers = m.GetProperty("answers");
        var expected = answerer.Select(e => e.Source).Distinct().Count();
        Assert.True(expected > 1, "the most frequent answerer signed more than one answer");
        Assert.Equal(expected, answers.GetProperty("total").GetInt32());
        // Their offices: those their answers name, each with the number of their answers naming it.
        var offices = answerer.Where(e => e.Properties.GetValueOrDefault("office") is string).GroupBy(e => (string)e.Properties["office"]!)
            .ToDictionary(x => x.Key, x => x.Select(e => e.Source).Distinct().Count());
        Assert.NotEmpty(offices);
        Assert.Equal(offices, m.Items("offices").ToDictionary(o => o.Str("office")!, o => o.GetProperty("documents").GetInt32()));

        // limit bounds each list and keeps the true total.
        var one = await GetJson($"/api/person?id={Enc(answerer.Key)}&limit=1");
        Assert.Single(one.GetProperty("answers").Items("items"));
        Assert.Equal(expected, one.GetProperty("answers").GetProperty("total").GetInt32());

        // The answer's own page names the answerer with this person id.
        var first = answers.Items("items").First().Str("id")!;
        var people = await GetJson("/api/document/people?id=" + Enc(first));
        Assert.Contains(people.EnumerateArray(), x => x.Str("role") == "answerer" && x.Str("personId") == answerer.Key);
    }

    [SkippableFact]
    public async Task A_party_page_counts_its_votes_per_motion_and_its_motions_adopted_and_rejected()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var p = await GetJson("/api/party?id=VVD&limit=500");
        Assert.Equal("party:vvd", p.Str("id"));
        Assert.Equal("VVD", p.Str("name"));

        // The VVD voted for kst-21501-08-721 in the sitting of 5 April 2018, which adopted it.
        var votes = p.GetProperty("votes");
        var vote = Assert.Single(votes.Items("items"), v => v.Str("motionId") == "kst-21501-08-721");
        Assert.Equal("voor", vote.Str("vote"));
        Assert.Equal("aangenomen", vote.Str("outcome"));
        Assert.Equal("h-tk-20172018-70-6", vote.Str("source"));

        // One row per motion voted on (a vote stated by two sources is one vote), and the counts add up.
        var motionsVoted = corpus.Graph.Outgoing("party:vvd", EdgeType.Voted).Select(e => e.Target).Distinct().Count();
        Assert.Equal(motionsVoted, votes.GetProperty("total").GetInt32());
        Assert.Equal(motionsVoted, p.GetProperty("votedFor").GetInt32() + p.GetProperty("votedAgainst").GetInt32() + p.GetProperty("votedOther").GetInt32());
        var items = votes.Items("items").ToList();
        Assert.Equal(motionsVoted, items.Count); // under the limit of 500: every row is listed
        Assert.Equal(items.Count(v => v.Str("vote") == "voor"), p.GetProperty("votedFor").GetInt32());
        Assert.Equal(items.Count(v => v.Str("vote") == "tegen"), p.GetProperty("votedAgainst").GetInt32());

        // Motions: those the list filter by sponsor party gives; adopted and rejected counted from them.
        var expected = corpus.Graph.List(new MotionFilter { SponsorParty = "party:vvd" });
        Assert.Equal(expected.Count, p.GetProperty("motions").GetProperty("total").GetInt32());
        Assert.Equal(expected.Count(m => m.Outcome == "aangenomen"), p.GetProperty("motionsAdopted").GetInt32());
        Assert.Equal(expected.Count(m => m.Outcome == "verworpen"), p.GetProperty("motionsRejected").GetInt32());

        // Members: the people the graph says belonged to it; any spelling of the party finds the same page.
        var members = corpus.Graph.Incoming("party:vvd", EdgeType.MemberOf).Select(e => e.Source).Distinct().Count();
        Assert.Equal(members, p.GetProperty("members").GetProperty("total").GetInt32());
        Assert.Equal("party:gl", (await GetJson("/api/party?id=GroenLinks")).Str("id"));
        Assert.Equal(404, (await GetProblem("/api/party?id=" + Enc("person:klaver"))).Status);
    }

    [SkippableFact]
    public async Task A_dossier_page_lists_its_stukken_its_motions_with_outcome_and_who_cites_into_it()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var d = await GetJson("/api/dossier?id=21501-08");
        Assert.Equal("dossier:21501-08", d.Str("id"));
        Assert.Equal("21501-08", d.Str("number"));
        Assert.Contains(d.GetProperty("stukken").Items("items"), s => s.Str("id") == "kst-21501-08-721");
        var motion = Assert.Single(d.GetProperty("motions").Items("items"), m => m.Str("id") == "kst-21501-08-721");
        Assert.Equal("aangenomen", motion.Str("outcome"));
        Assert.Equal(corpus.Graph.List(new MotionFilter { Dossier = "21501-08" }).Count, d.GetProperty("motions").GetProperty("total").GetInt32());
        Assert.Equal(corpus.Graph.Incoming("dossier:21501-08", EdgeType.InDossier).Select(e => e.Source).Distinct().Count(), d.GetProperty("stukken").GetProperty("total").GetInt32());

        // Each citing document once, naming only the dossier or its stukken.
        var stukken = d.GetProperty("stukken").Items("items").Select(s => s.Str("id")).Append("dossier:21501-08").ToHashSet();
        var citing = d.GetProperty("citedBy").Items("items").ToList();
        Assert.Equal(citing.Count, citing.Select(c => c.GetProperty("document").Str("id")).Distinct().Count());
        Assert.All(citing, c => Assert.All(c.GetProperty("cites").EnumerateArray(), t => Assert.Contains(t.GetString(), stukken)));

        // The number as written in a text finds it too.
        Assert.Equal("dossier:21501-08", (await GetJson("/api/dossier?id=" + Enc("21 501-08"))).Str("id"));
        Assert.Equal(404, (await GetProblem("/api/dossier?id=99999")).Status);
    }

    [SkippableFact]
    public async Task Every_list_downloads_as_csv_with_the_rows_the_page_shows()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var klaver = Assert.Single((await GetJson("/api/motion?id=" + Enc("zaak:2022Z00782"))).Items("sponsors"), s => s.Str("name") == "Klaver").Str("personId")!;
        var cases = new (string Json, string List, Func<JsonElement, IEnumerable<string?>> Ids)[]
        {
            ("/api/overview", "mostCitedMotions", j => j.Items("mostCitedMotions").Select(i => i.Str("id"))),
            ("/api/overview", "recentAnswers", j => j.Items("recentAnswers").Select(i => i.Str("id"))),
            ("/api/person?id=" + Enc(klaver), "motions", j => j.GetProperty("motions").Items("items").Select(i => i.Str("id"))),
            ("/api/party?id=party:vvd", "votes", j => j.GetProperty("votes").Items("items").Select(i => i.Str("motionId"))),
            ("/api/dossier?id=21501-08", "stukken", j => j.GetProperty("stukken").Items("items").Select(i => i.Str("id"))),
        };
        foreach (var (json, list, ids) in cases)
        {
            var expected = ids(await GetJson(json)).ToList();
            var (header, rows, response) = await GetCsv(json + (json.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"format=csv&list={list}");
            Assert.Equal("text/csv", response.MediaType);
            Assert.Equal("attachment", response.Disposition);
            Assert.EndsWith($"-{list}.csv", response.FileName, StringComparison.Ordinal);
            Assert.Equal(expected, rows.Select(r => r[0]));
            Assert.All(rows, r => Assert.Equal(header.Count, r.Count));
        }

        // The motions page's list: the same filter and page as /api/motions.
        var page = await GetJson("/api/motions?outcome=aangenomen&pageSize=100");
        var (mHeader, mRows, _) = await GetCsv("/api/motions.csv?outcome=aangenomen&pageSize=100");
        Assert.Equal(["id", "title", "date", "outcome"], mHeader.Take(4));
        Assert.Equal(page.Items("items").Select(i => i.Str("id")), mRows.Select(r => r[0]));
        Assert.All(mRows, r => Assert.Equal("aangenomen", r[3]));
        Assert.Equal(400, (await GetProblem("/api/motions.csv?from=yesterday")).Status);

        // The search page's results: the same query, filters and page as /api/search, highlights as offsets.
        var found = await GetJson("/api/search?q=stikstof&kind=motion&pageSize=50");
        var (sHeader, sRows, sResponse) = await GetCsv("/api/search.csv?q=stikstof&kind=motion&pageSize=50");
        Assert.Equal("text/csv", sResponse.MediaType);
        Assert.Equal(["id", "kind", "date"], sHeader.Take(3));
        Assert.Equal(found.Items("hits").Select(i => i.Str("id")), sRows.Select(r => r[0]));
        Assert.NotEmpty(sRows);
        Assert.All(sRows, r => Assert.Equal("motion", r[1]));
        Assert.All(sRows, r => Assert.Matches(@"^([0-9]+-[0-9]+(; [0-9]+-[0-9]+)*)?$", r[^1]));
        Assert.Equal(400, (await GetProblem("/api/search.csv?q=stikstof&from=yesterday")).Status);
    }

    [SkippableTheory]
    [InlineData("/api/person?id=person:klaver&format=xml", "format")]
    [InlineData("/api/person?id=person:klaver&format=csv", "list")]
    [InlineData("/api/person?id=person:klaver&format=csv&list=nope", "list")]
    [InlineData("/api/person?id=person:klaver&limit=0", "limit")]
    [InlineData("/api/person?id=person:klaver&limit=501", "limit")]
    [InlineData("/api/party?id=%3Cscript%3E", "id")]
    [InlineData("/api/dossier", "id")]
    [InlineData("/api/overview?format=csv", "list")]
    [InlineData("/api/document/people?id=", "id")]
    public async Task Bad_input_is_a_400_problem_naming_the_field(string url, string field)
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var (status, problem, mediaType) = await GetProblem(url);
        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    // The CSV body parsed by RFC 4180 (quoted cells may hold commas, quotes and line breaks), and its download headers.
    private async Task<(List<string> Header, List<List<string>> Rows, (string? MediaType, string? Disposition, string? FileName) Response)> GetCsv(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        var lines = ParseCsv(body);
        var cd = response.Content.Headers.ContentDisposition;
        return (lines[0], lines.Skip(1).ToList(), (response.Content.Headers.ContentType?.MediaType, cd?.DispositionType, cd?.FileName?.Trim('"')));
    }

    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                cell.Append(c);
            }
        }

        Assert.False(quoted, "the CSV ends inside a quoted cell");
        Assert.Empty(row);
        return rows;
    }
}
