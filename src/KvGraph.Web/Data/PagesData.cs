using KvGraph.Core.Graph;

namespace KvGraph.Web.Data;

/// <summary>
/// The start, person, party and dossier pages over the source's whole graph (<see cref="IExplorerSource.WholeGraph"/>:
/// each sums over many nodes, which point queries one by one could not answer in time on a large store), from Core's one
/// implementation (<see cref="Profiles"/>). The start page's figures are computed once per graph, like the motion counts.
/// </summary>
public sealed class PagesData(IExplorerSource source)
{
    private volatile Snapshot? current;

    /// <summary>The start page's figures.</summary>
    public CorpusOverview Overview() => For().Overview.Value;

    /// <summary>The person page, each list cut at <paramref name="limit"/>; null when <paramref name="id"/> is not a person.</summary>
    public PersonPageView? Person(string id, int limit) =>
        Profiles.Person(For().Graph, id) is { } p
            ? new PersonPageView(p.Id, p.Name, p.Offices, p.Parties, PageList<DocumentEntry>.Of(p.Questions, limit), PageList<DocumentEntry>.Of(p.Answers, limit),
                PageList<MotionSummary>.Of(p.Motions, limit), p.MentionedIn, p.CitedBy)
            : null;

    /// <summary>The party page; null when the graph has no such party.</summary>
    public PartyPageView? Party(string id, int limit) =>
        Profiles.Party(For().Graph, id) is { } p
            ? new PartyPageView(p.Id, p.Name, PageList<PartyMember>.Of(p.Members, limit), PageList<MotionSummary>.Of(p.Motions, limit), p.MotionsAdopted, p.MotionsRejected,
                PageList<PartyVoteEntry>.Of(p.Votes, limit), p.VotedFor, p.VotedAgainst, p.VotedOther)
            : null;

    /// <summary>The dossier page; null when the graph has no such dossier.</summary>
    public DossierPageView? Dossier(string id, int limit) =>
        Profiles.Dossier(For().Graph, id) is { } d
            ? new DossierPageView(d.Id, d.Number, Core.Kinds.CitationKinds.OfficialUrl(d.Id), PageList<DocumentEntry>.Of(d.Stukken, limit),
                PageList<MotionSummary>.Of(d.Motions, limit), PageList<DossierCiting>.Of(d.CitedBy, limit))
            : null;

    /// <summary>The people a document names (askers, answerers, sponsors); null when the id is unknown. A few point queries: on the request's indexed graph.</summary>
    public IReadOnlyList<PersonRole>? DocumentPeople(string id) => source.Read((graph, _) => graph.Find(id) is null ? null : Profiles.DocumentPeople(graph, id));

    private Snapshot For()
    {
        var graph = source.WholeGraph;
        var data = current;
        if (data is null || !ReferenceEquals(data.Graph, graph))
        {
            data = new Snapshot(graph);
            current = data;
        }

        return data;
    }

    private sealed class Snapshot(ICitationGraph graph)
    {
        public ICitationGraph Graph { get; } = graph;

        public Lazy<CorpusOverview> Overview { get; } = new(() => Profiles.Overview(graph), LazyThreadSafetyMode.ExecutionAndPublication);
    }
}

/// <summary>Every list of every page as rows for CSV: the same rows the page shows, the columns named as in the JSON.</summary>
public static class PageSheets
{
    private static readonly string[] DocumentColumns = ["id", "kind", "title", "date", "inCorpus", "citedBy"];

    private static readonly string[] MotionColumns =
        ["id", "title", "date", "outcome", "voteDate", "votesFor", "votesAgainst", "cabinetAdvice", "sponsors", "dossier", "inCorpus", "citedBy", "citedAfterVote", "lastCited", "disputed"];

    /// <summary>The start page's lists.</summary>
    public static IReadOnlyList<PageSheet> Of(CorpusOverview o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return
        [
            new("documentsByKind", ["kind", "count"], [.. o.Counts.DocumentsByKind.Select(kv => Row(kv.Key, kv.Value))]),
            new("citationsByKind", ["kind", "count"], [.. o.Counts.CitationsByKind.Select(kv => Row(kv.Key, kv.Value))]),
            Documents("mostCitedMotions", o.MostCitedMotions),
            Documents("mostCitedLetters", o.MostCitedLetters),
            Documents("mostCitedAnswers", o.MostCitedAnswers),
            Documents("recentAnswers", o.RecentAnswers),
        ];
    }

    /// <summary>The person page's lists.</summary>
    public static IReadOnlyList<PageSheet> Of(PersonPageView p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return
        [
            new("parties", ["partyId", "party", "from", "to"], [.. p.Parties.Select(x => Row(x.PartyId, x.Party, x.From, x.To))]),
            new("offices", ["office", "documents", "from", "to"], [.. p.Offices.Select(x => Row(x.Office, x.Documents, x.From, x.To))]),
            Documents("questions", p.Questions.Items),
            Documents("answers", p.Answers.Items),
            Motions("motions", p.Motions.Items),
        ];
    }

    /// <summary>The party page's lists.</summary>
    public static IReadOnlyList<PageSheet> Of(PartyPageView p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return
        [
            new("members", ["personId", "name", "from", "to"], [.. p.Members.Items.Select(x => Row(x.PersonId, x.Name, x.From, x.To))]),
            Motions("motions", p.Motions.Items),
            new("votes", ["motionId", "title", "date", "vote", "mistake", "outcome", "source"], [.. p.Votes.Items.Select(x => Row(x.MotionId, x.Title, x.Date, x.Vote, x.Mistake, x.Outcome, x.Source))]),
        ];
    }

    /// <summary>The dossier page's lists.</summary>
    public static IReadOnlyList<PageSheet> Of(DossierPageView d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return
        [
            Documents("stukken", d.Stukken.Items),
            Motions("motions", d.Motions.Items),
            new("citedBy", [.. DocumentColumns, "cites"], [.. d.CitedBy.Items.Select(c => Row(c.Document.Id, c.Document.Kind, c.Document.Title, c.Document.Date, c.Document.InCorpus, c.Document.CitedBy, c.Cites))]),
        ];
    }

    /// <summary>A list of motions (the motions page, a person's, a party's, a dossier's).</summary>
    public static PageSheet Motions(string name, IEnumerable<MotionSummary> motions) =>
        new(name, MotionColumns, [.. motions.Select(m => Row(
            m.Id, m.Title, m.Date, m.Outcome, m.VoteDate, m.VotesFor, m.VotesAgainst, m.CabinetAdvice,
            m.Sponsors.Select(s => s.Party is null ? s.Name : $"{s.Name} ({s.Party})").ToList(), m.Dossier, m.InCorpus, m.CitedBy, m.CitedAfterVote, m.LastCited, m.Disputed))]);

    /// <summary>Search hits as the search page lists them; highlights as start-end offsets into the snippet.</summary>
    public static PageSheet Search(string name, IEnumerable<SearchHitView> hits) =>
        new(name, ["id", "kind", "date", "inCorpus", "citedBy", "askers", "answerers", "title", "snippet", "highlights"],
            [.. hits.Select(h => Row(
                h.Id, h.Kind, h.Date, h.InCorpus, h.CitedBy, h.Askers.Select(a => a.Name).ToList(), h.Answerers.Select(a => a.Name).ToList(), h.Title, h.Snippet,
                h.Highlights.Select(x => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{x[0]}-{x[1]}")).ToList()))]);

    private static PageSheet Documents(string name, IEnumerable<DocumentEntry> documents) =>
        new(name, DocumentColumns, [.. documents.Select(d => Row(d.Id, d.Kind, d.Title, d.Date, d.InCorpus, d.CitedBy))]);

    private static object?[] Row(params object?[] cells) => cells;
}
