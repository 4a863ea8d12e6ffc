using System.Globalization;

namespace KvGraph.Core.Graph;

/// <summary>A document in a list: what it is, when, whether the corpus holds it, and how many documents cite it.</summary>
/// <param name="Kind">The node's kind (<see cref="Profiles.KindOf"/>): question, answer, letter, motion, … .</param>
/// <param name="CitedBy">Documents citing it (<see cref="CitedByQuery.CitedBy"/>: each citer once, a question and its answer as one).</param>
public sealed record DocumentEntry(string Id, string Kind, string? Title, string? Date, bool InCorpus, int CitedBy);

/// <summary>A person named by a document in a role (asker, answerer, sponsor), with their party on the document's date.</summary>
public sealed record PersonRole(string Role, string PersonId, string Name, string? PartyId, string? Party, string? Office);

/// <summary>A person's membership of a party, with the first and last date a document says so.</summary>
public sealed record PartySpan(string PartyId, string Party, string? From, string? To);

/// <summary>An office a person answered in (minister, state secretary) and the first and last answer in it.</summary>
public sealed record OfficeSpan(string Office, int Documents, string? From, string? To);

/// <summary>
/// A person: who it is, their parties over time, the questions they asked, the answers (and letters) they signed, the
/// motions they sponsored with their fate, how many documents mention them and how many documents cite theirs.
/// </summary>
/// <param name="CitedBy">Distinct documents citing any of their questions, answers or motions (not their own).</param>
public sealed record PersonProfile(
    string Id,
    string Name,
    IReadOnlyList<OfficeSpan> Offices,
    IReadOnlyList<PartySpan> Parties,
    IReadOnlyList<DocumentEntry> Questions,
    IReadOnlyList<DocumentEntry> Answers,
    IReadOnlyList<MotionSummary> Motions,
    int MentionedIn,
    int CitedBy);

/// <summary>A member of a party in the corpus, with the first and last date a document names them with it.</summary>
public sealed record PartyMember(string PersonId, string Name, string? From, string? To);

/// <summary>How a party voted on one motion (the preferred source's vote, <see cref="Motions.Fate"/>) and the motion's outcome.</summary>
public sealed record PartyVoteEntry(string MotionId, string? Title, string? Date, string Vote, bool Mistake, string? Outcome, string Source);

/// <summary>
/// A party: its members in the corpus, the motions its members sponsored (with their party at the motion's date) and how
/// they fared, and its votes (VOTED edges), one per motion, counted for, against and other.
/// </summary>
public sealed record PartyProfile(
    string Id,
    string Name,
    IReadOnlyList<PartyMember> Members,
    IReadOnlyList<MotionSummary> Motions,
    int MotionsAdopted,
    int MotionsRejected,
    IReadOnlyList<PartyVoteEntry> Votes,
    int VotedFor,
    int VotedAgainst,
    int VotedOther);

/// <summary>A document citing into a dossier, and which of the dossier's stukken (or the dossier itself) it cites.</summary>
public sealed record DossierCiting(DocumentEntry Document, IReadOnlyList<string> Cites);

/// <summary>A Kamerstuk dossier: its stukken (in the corpus or only cited), its motions with their fate, and who cites into it.</summary>
/// <param name="CitedBy">Documents citing the dossier or any of its stukken, each once, newest first.</param>
public sealed record DossierProfile(string Id, string Number, IReadOnlyList<DocumentEntry> Stukken, IReadOnlyList<MotionSummary> Motions, IReadOnlyList<DossierCiting> CitedBy);

/// <summary>Counts over the graph: documents by kind, citations by kind, resolved and unresolved citations (what <c>kvgraph stats</c> prints).</summary>
/// <param name="Resolved">CITES edges whose target is a document in the corpus.</param>
/// <param name="Unresolved">CITES edges whose target is a placeholder.</param>
public sealed record CorpusCounts(
    int Documents,
    IReadOnlyDictionary<string, int> DocumentsByKind,
    int Citations,
    IReadOnlyDictionary<string, int> CitationsByKind,
    int Resolved,
    int Unresolved,
    int Nodes,
    int Edges)
{
    /// <summary>Resolved citations as a share of all citations (0..1, three decimals).</summary>
    public double ResolvedShare => Citations == 0 ? 0 : Math.Round((double)Resolved / Citations, 3);
}

/// <summary>The start page: the corpus counts, the motions' fate, the most-cited motions, letters and answers, and the newest answers.</summary>
public sealed record CorpusOverview(
    CorpusCounts Counts,
    MotionStats Motions,
    IReadOnlyList<DocumentEntry> MostCitedMotions,
    IReadOnlyList<DocumentEntry> MostCitedLetters,
    IReadOnlyList<DocumentEntry> MostCitedAnswers,
    IReadOnlyList<DocumentEntry> RecentAnswers);

/// <summary>
/// The explorer's person, party, dossier and start pages and the CLI's <c>show person:…</c> read these: one implementation
/// over the graph, built on <see cref="CitedByQuery.CitedBy"/> (documents counted, never mentions), <see cref="Motions"/>
/// (fate, sponsors at the motion's date) and <see cref="Entities.People.PartyMembership"/>.
/// </summary>
public static class Profiles
{
    /// <summary>A node's kind as lists show it: its <c>kind</c> property (a document's kind, a placeholder's cited kind), else its label in lower case.</summary>
    public static string KindOf(GraphNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Properties.GetValueOrDefault("kind") as string is { Length: > 0 } kind ? kind : node.Label.ToLowerInvariant();
    }

    /// <summary>True for a document the corpus holds (not a placeholder, not a person, party, …).</summary>
    public static bool InCorpus(GraphNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Label != NodeLabel.Placeholder && GraphFacts.IsDocumentLabel(node.Label);
    }

    /// <summary>The document as a list shows it, with the documents citing it counted.</summary>
    public static DocumentEntry Entry(ICitationGraph graph, GraphNode node)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(node);
        return new DocumentEntry(node.Id, KindOf(node), Title(node), Date(node), InCorpus(node), graph.CitedBy(node.Id).Count);
    }

    /// <summary>The counts <c>kvgraph stats</c> prints, over the graph.</summary>
    public static CorpusCounts Counts(ICitationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var docs = graph.Nodes.Where(InCorpus).ToList();
        var cites = graph.Edges.Where(e => e.Type == EdgeType.Cites).ToList();
        var resolved = 0;
        var unresolved = 0;
        foreach (var e in cites)
        {
            var target = graph.Find(e.Target);
            if (target?.Label == NodeLabel.Placeholder)
            {
                unresolved++;
            }
            else if (target is not null && GraphFacts.IsDocumentLabel(target.Label))
            {
                resolved++;
            }
        }

        return new CorpusCounts(
            docs.Count,
            docs.GroupBy(KindOf).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            cites.Count,
            cites.GroupBy(e => e.Properties.GetValueOrDefault("kind") as string ?? "?").OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            resolved,
            unresolved,
            graph.NodeCount,
            graph.EdgeCount);
    }

    /// <summary>
    /// The start page's figures: counts, the motions' fate, the <paramref name="top"/> most-cited motions, letters and
    /// answers (documents counted; ties by id) and the <paramref name="top"/> newest answers in the corpus.
    /// </summary>
    public static CorpusOverview Overview(ICitationGraph graph, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var cited = graph.Nodes.Where(n => GraphFacts.IsDocumentLabel(n.Label) && graph.Incoming(n.Id, EdgeType.Cites).Count > 0).ToList();

        // A motion's count is its page's: the sitting that records its vote is the vote, not a citation (Motions.Summary).
        var motions = cited.Where(Motions.IsMotion)
            .Select(n => (Node: n, Count: Motions.Summary(graph, n).CitedBy)).Where(x => x.Count > 0);
        var letters = cited.Where(n => KindOf(n) == "letter").Select(n => (Node: n, Count: graph.CitedBy(n.Id).Count));
        var answers = cited.Where(n => KindOf(n) == "answer").Select(n => (Node: n, Count: graph.CitedBy(n.Id).Count));
        var recent = graph.Nodes.Where(n => n.Label == NodeLabel.Answer && Date(n) is not null)
            .OrderByDescending(n => Date(n), StringComparer.Ordinal).ThenBy(n => n.Id, StringComparer.Ordinal).Take(top)
            .Select(n => Entry(graph, n));
        return new CorpusOverview(Counts(graph), graph.Stats(), Top(motions), Top(letters), Top(answers), [.. recent]);

        List<DocumentEntry> Top(IEnumerable<(GraphNode Node, int Count)> ranked) =>
            [.. ranked.Where(x => x.Count > 0).OrderByDescending(x => x.Count).ThenBy(x => x.Node.Id, StringComparer.Ordinal).Take(top)
                .Select(x => new DocumentEntry(x.Node.Id, KindOf(x.Node), Title(x.Node), Date(x.Node), InCorpus(x.Node), x.Count))];
    }

    /// <summary>The person with this id (<c>person:…</c>), or null when it is not a person.</summary>
    public static PersonProfile? Person(ICitationGraph graph, string id)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(id);
        if (graph.Find(id) is not { Label: NodeLabel.Person } person)
        {
            return null;
        }

        var questions = Documents(graph, graph.Incoming(person.Id, EdgeType.AskedBy));
        var answers = Documents(graph, graph.Incoming(person.Id, EdgeType.AnsweredBy));
        var motionNodes = graph.Incoming(person.Id, EdgeType.SubmittedBy).Select(e => graph.Find(e.Source))
            .OfType<GraphNode>().Where(Motions.IsMotion).DistinctBy(n => n.Id).ToList();
        var motions = motionNodes.Select(n => Motions.Summary(graph, n))
            .OrderByDescending(m => m.Date ?? string.Empty, StringComparer.Ordinal).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();

        var offices = graph.Incoming(person.Id, EdgeType.AnsweredBy)
            .Where(e => e.Properties.GetValueOrDefault("office") is string { Length: > 0 })
            .GroupBy(e => (string)e.Properties["office"]!, StringComparer.Ordinal)
            .Select(g =>
            {
                var dates = g.Select(e => graph.Find(e.Source)).OfType<GraphNode>().Select(Date).OfType<string>().Order(StringComparer.Ordinal).ToList();
                return new OfficeSpan(g.Key, g.Select(e => e.Source).Distinct(StringComparer.Ordinal).Count(), dates.FirstOrDefault(), dates.LastOrDefault());
            })
            .OrderBy(o => o.From ?? string.Empty, StringComparer.Ordinal).ThenBy(o => o.Office, StringComparer.Ordinal).ToList();

        var parties = graph.Outgoing(person.Id, EdgeType.MemberOf)
            .Select(e => new PartySpan(e.Target, graph.Find(e.Target)?.Name ?? Entities.Parties.DisplayName(e.Target) ?? e.Target, Str(e, "from") ?? Str(e, "date"), Str(e, "to") ?? Str(e, "date")))
            .DistinctBy(p => p.PartyId)
            .OrderBy(p => p.From ?? string.Empty, StringComparer.Ordinal).ThenBy(p => p.PartyId, StringComparer.Ordinal).ToList();

        var own = questions.Select(q => q.Id).Concat(answers.Select(a => a.Id)).Concat(motionNodes.Select(m => m.Id)).ToHashSet(StringComparer.Ordinal);
        var citers = own.SelectMany(d => graph.CitedBy(d)).Select(c => c.Source.Id).Where(s => !own.Contains(s)).Distinct(StringComparer.Ordinal).Count();
        var mentioned = graph.Incoming(person.Id, EdgeType.Mentions).Select(e => e.Source).Distinct(StringComparer.Ordinal).Count();
        return new PersonProfile(person.Id, person.Name ?? person.Id, offices, parties, questions, answers, motions, mentioned, citers);
    }

    /// <summary>The party with this id or name (<c>party:gl</c>, "GroenLinks"), or null when the graph has no such party.</summary>
    public static PartyProfile? Party(ICitationGraph graph, string id)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(id);
        var party = graph.Find(id) is { Label: NodeLabel.Party } byId ? byId : graph.Find(NodeIds.Party(id));
        if (party is not { Label: NodeLabel.Party })
        {
            return null;
        }

        var members = graph.Incoming(party.Id, EdgeType.MemberOf)
            .Select(e => new PartyMember(e.Source, graph.Find(e.Source)?.Name ?? e.Source, Str(e, "from") ?? Str(e, "date"), Str(e, "to") ?? Str(e, "date")))
            .DistinctBy(m => m.PersonId)
            .OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.PersonId, StringComparer.Ordinal).ToList();
        var motions = graph.List(new MotionFilter { SponsorParty = party.Id });

        var votes = new List<PartyVoteEntry>();
        foreach (var motionId in graph.Outgoing(party.Id, EdgeType.Voted).Select(e => e.Target).Distinct(StringComparer.Ordinal))
        {
            var motion = graph.Find(motionId);
            var fate = graph.Fate(motionId);
            var vote = fate?.PartyVotes.FirstOrDefault(v => v.PartyId == party.Id);
            var edge = graph.Outgoing(party.Id, EdgeType.Voted).First(e => e.Target == motionId);
            votes.Add(new PartyVoteEntry(
                motionId,
                motion is null ? null : Title(motion),
                fate?.VoteDate ?? Str(edge, "date"),
                vote?.Vote ?? Str(edge, "vote") ?? "?",
                vote?.Mistake ?? edge.Properties.GetValueOrDefault("mistake") is true,
                fate?.Outcome,
                vote?.Source ?? Str(edge, "source") ?? string.Empty));
        }

        votes = [.. votes.OrderByDescending(v => v.Date ?? string.Empty, StringComparer.Ordinal).ThenBy(v => v.MotionId, StringComparer.Ordinal)];
        return new PartyProfile(
            party.Id,
            party.Name ?? party.Id,
            members,
            motions,
            motions.Count(m => m.Outcome == Motions.Adopted),
            motions.Count(m => m.Outcome == "verworpen"),
            votes,
            votes.Count(v => v.Vote == "voor"),
            votes.Count(v => v.Vote == "tegen"),
            votes.Count(v => v.Vote is not "voor" and not "tegen"));
    }

    /// <summary>The dossier with this number or id ("21501-20", "21 501-20", <c>dossier:21501-20</c>), or null when the graph has none.</summary>
    public static DossierProfile? Dossier(ICitationGraph graph, string id)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(id);
        var key = id.StartsWith("dossier:", StringComparison.Ordinal) ? id : Text.Ids.Dossier(id) ?? "dossier:" + id;
        if (graph.Find(key) is not { Label: NodeLabel.Dossier } dossier)
        {
            return null;
        }

        var number = dossier.Id["dossier:".Length..];
        var stukken = graph.Incoming(dossier.Id, EdgeType.InDossier).Select(e => graph.Find(e.Source)).OfType<GraphNode>()
            .DistinctBy(n => n.Id).Select(n => Entry(graph, n))
            .OrderBy(e => StukNumber(e.Id)).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var motions = graph.List(new MotionFilter { Dossier = dossier.Id });

        var citing = new Dictionary<string, (GraphNode Source, SortedSet<string> Cites)>(StringComparer.Ordinal);
        foreach (var target in stukken.Select(s => s.Id).Prepend(dossier.Id))
        {
            foreach (var c in graph.CitedBy(target))
            {
                if (!citing.TryGetValue(c.Source.Id, out var entry))
                {
                    citing[c.Source.Id] = entry = (c.Source, new SortedSet<string>(StringComparer.Ordinal));
                }

                entry.Cites.Add(target);
            }
        }

        var citedBy = citing.Values
            .Select(c => new DossierCiting(Entry(graph, c.Source), [.. c.Cites]))
            .OrderByDescending(c => c.Document.Date ?? string.Empty, StringComparer.Ordinal).ThenBy(c => c.Document.Id, StringComparer.Ordinal).ToList();
        return new DossierProfile(dossier.Id, number, stukken, motions, citedBy);
    }

    /// <summary>
    /// The people a document names by role: who asked (on its question, also when the id is the answer), who answered (with
    /// the office), who sponsored it; each with their party at the document's date (<see cref="Entities.People.PartyMembership.PartyAt"/>).
    /// </summary>
    public static IReadOnlyList<PersonRole> DocumentPeople(ICitationGraph graph, string id)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(id);
        if (graph.Find(id) is not { } node)
        {
            return [];
        }

        var unit = graph.Outgoing(node.Id, EdgeType.Answers).Select(e => e.Target).Concat(graph.Incoming(node.Id, EdgeType.Answers).Select(e => e.Source)).Prepend(node.Id)
            .Distinct(StringComparer.Ordinal).ToList();
        var date = Date(node);
        var roles = new List<PersonRole>();
        foreach (var (type, role) in new[] { (EdgeType.AskedBy, "asker"), (EdgeType.AnsweredBy, "answerer"), (EdgeType.SubmittedBy, "sponsor") })
        {
            foreach (var e in unit.SelectMany(u => graph.Outgoing(u, type)))
            {
                if (graph.Find(e.Target) is not { Label: NodeLabel.Person } person || roles.Any(r => r.Role == role && r.PersonId == person.Id))
                {
                    continue;
                }

                var partyId = Entities.People.PartyMembership.PartyAt(graph.Outgoing(person.Id, EdgeType.MemberOf), date);
                roles.Add(new PersonRole(role, person.Id, person.Name ?? person.Id, partyId, partyId is null ? null : graph.Find(partyId)?.Name ?? Entities.Parties.DisplayName(partyId), Str(e, "office")));
            }
        }

        return roles;
    }

    // Documents at the far end of ASKED_BY / ANSWERED_BY edges (an answer's office edge goes to the office, not here), newest first.
    private static List<DocumentEntry> Documents(ICitationGraph graph, IEnumerable<GraphEdge> edges) =>
        [.. edges.Select(e => graph.Find(e.Source)).OfType<GraphNode>().Where(n => GraphFacts.IsDocumentLabel(n.Label))
            .DistinctBy(n => n.Id).Select(n => Entry(graph, n))
            .OrderByDescending(e => e.Date ?? string.Empty, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal)];

    private static string? Title(GraphNode node) => node.Name is { Length: > 0 } name && name != node.Id ? name : null;

    private static string? Date(GraphNode node) => CitedByQuery.DateOf(node) is { Length: > 0 } d ? d : null;

    // kst-21501-20-1591 → 1591, so a dossier's stukken come in their order; other ids after them.
    private static int StukNumber(string id) =>
        id.LastIndexOf('-') is var dash and >= 0 && int.TryParse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;

    private static string? Str(GraphEdge edge, string key) =>
        edge.Properties.GetValueOrDefault(key) is { } v && Convert.ToString(v, CultureInfo.InvariantCulture) is { Length: > 0 } s ? s : null;
}
