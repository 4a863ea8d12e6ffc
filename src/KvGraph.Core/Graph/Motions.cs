using System.Globalization;

namespace KvGraph.Core.Graph;

/// <summary>What one source says became of a motion.</summary>
/// <param name="Source">The document that says so: the open-data record (<c>zaak:2022Z00782</c>) or a Handelingen item.</param>
/// <param name="SourceKind"><see cref="Motions.OpenData"/> or <see cref="Motions.Handelingen"/>.</param>
/// <param name="Date">The day of the vote, when the source says (ISO).</param>
/// <param name="Quote">The source's words (the chair's finding), when it is a text.</param>
public sealed record FateClaim(
    string Source,
    string SourceKind,
    string? Outcome,
    string? Decision,
    string? VoteKind,
    int? VotesFor,
    int? VotesAgainst,
    int? VotesOther,
    string? CabinetAdvice,
    string? Date,
    string? Quote,
    bool Unanimous,
    string? OthersVoted);

/// <summary>One party's vote on a motion, as one source states it.</summary>
public sealed record PartyVoteView(string PartyId, string Party, string Vote, int? Seats, bool Mistake, string Source);

/// <summary>A sponsor with the party they belonged to on the motion's date.</summary>
public sealed record MotionSponsor(string PersonId, string Name, string? PartyId, string? Party);

/// <summary>
/// A motion's fate over all its sources. The headline values come from the preferred source (the open-data record, else
/// the latest Handelingen vote); every source's claim is kept in <see cref="Claims"/>, and where sources disagree the
/// disagreement is spelled out in <see cref="Disagreements"/>, never silently overwritten.
/// </summary>
public sealed record MotionFateView(
    string MotionId,
    string? Outcome,
    string? Decision,
    string? VoteDate,
    string? VoteKind,
    int? VotesFor,
    int? VotesAgainst,
    int? VotesOther,
    string? CabinetAdvice,
    bool Unanimous,
    string? OthersVoted,
    IReadOnlyList<PartyVoteView> PartyVotes,
    IReadOnlyList<MotionSponsor> Sponsors,
    IReadOnlyList<FateClaim> Claims,
    IReadOnlyList<string> Disagreements);

/// <summary>One step in a motion's life: submitted, voted on, lapsed, cited.</summary>
/// <param name="Date">ISO date, empty when the source does not say.</param>
/// <param name="Kind">submitted, vote, cited.</param>
/// <param name="DocumentId">The document this step is (the motion itself, the vote's source, the citing document).</param>
/// <param name="AfterVote">For a citation: it came after the vote (or, without a vote date, after the motion's date).</param>
public sealed record MotionEvent(string Date, string Kind, string DocumentId, string? DocumentKind, string? Title, string? Quote, string? Detail, bool AfterVote);

/// <summary>A motion in a list: its fate in brief and how often it was cited, and by whom after the vote.</summary>
public sealed record MotionSummary(
    string Id,
    string? Title,
    string? Date,
    string? Outcome,
    string? VoteDate,
    int? VotesFor,
    int? VotesAgainst,
    string? CabinetAdvice,
    IReadOnlyList<MotionSponsor> Sponsors,
    string? Dossier,
    bool InCorpus,
    int CitedBy,
    int CitedAfterVote,
    string? LastCited,
    bool Disputed);

/// <summary>Filters for <see cref="Motions.List"/>; every one given must hold.</summary>
public sealed record MotionFilter
{
    /// <summary>aangenomen, verworpen, aangehouden, ingetrokken, vervallen, … (case-insensitive); "unknown" for none.</summary>
    public string? Outcome { get; init; }

    /// <summary>A sponsor's party on the motion's date (any spelling: "GL", "GroenLinks", "party:gl").</summary>
    public string? SponsorParty { get; init; }

    /// <summary>The cabinet's appreciation ("Ontraden", "Oordeel Kamer"), case-insensitive.</summary>
    public string? CabinetAdvice { get; init; }

    /// <summary>Motions dated on or after (ISO, or a year).</summary>
    public string? From { get; init; }

    /// <summary>Motions dated on or before (ISO, or a year).</summary>
    public string? To { get; init; }

    /// <summary>The dossier ("21501-08", "dossier:21501-08").</summary>
    public string? Dossier { get; init; }

    /// <summary>Only motions that were adopted and that no later document cites.</summary>
    public bool AdoptedNeverCitedSince { get; init; }

    /// <summary>Only motions with a known outcome (a vote or a decision).</summary>
    public bool WithOutcome { get; init; }

    /// <summary>Only motions that a document dated after the vote cites (with <see cref="Outcome"/> aangenomen: the share <see cref="MotionStats"/> counts).</summary>
    public bool CitedSinceVote { get; init; }
}

/// <summary>Counts over every motion with a fate.</summary>
/// <param name="AdoptedCitedAfter">Adopted motions that a later document cites.</param>
public sealed record MotionStats(int Motions, int WithOutcome, int Adopted, int Rejected, int Withdrawn, int Held, int Lapsed, int AdoptedCitedAfter, int Disputed)
{
    /// <summary>The share of adopted motions that a later document cites (0 when none were adopted).</summary>
    public double ShareAdoptedCited => Adopted == 0 ? 0 : Math.Round((double)AdoptedCitedAfter / Adopted, 3);
}

/// <summary>
/// Motions and their fate: the one implementation the CLI (<c>show</c>, <c>motions</c>, <c>stats</c>), the explorer and the
/// export share. A motion's fate comes from its own node (the open-data record merged into it) and from every
/// <see cref="EdgeType.RecordsVote"/> edge (the Handelingen); per-party votes from <see cref="EdgeType.Voted"/> edges.
/// </summary>
public static class Motions
{
    public const string OpenData = "open-data record";

    public const string Handelingen = "Handelingen";

    public const string Adopted = "aangenomen";

    private static readonly string[] FateKeys = ["outcome", "decision", "cabinetAdvice", "votesFor"];

    /// <summary>True for a motion: one in the corpus (text or record) or one that is only cited.</summary>
    public static bool IsMotion(GraphNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Label == NodeLabel.Motion || (node.Label == NodeLabel.Placeholder && Prop(node, "kind") == "motion");
    }

    /// <summary>
    /// The motions lists and counts are over: every motion in the corpus, and every cited motion whose vote a source
    /// records. A motion that is only cited, with nothing known of its fate, has a page (<see cref="Fate"/>) but is not listed.
    /// </summary>
    public static IEnumerable<GraphNode> All(ICitationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.Nodes.Where(n => n.Label == NodeLabel.Motion || (IsMotion(n) && graph.Incoming(n.Id, EdgeType.RecordsVote).Count > 0));
    }

    /// <summary>The fate of a motion over all its sources, or null when <paramref name="id"/> is not a motion.</summary>
    public static MotionFateView? Fate(this ICitationGraph graph, string id)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.Find(id) is not { } node || !IsMotion(node))
        {
            return null;
        }

        var claims = Claims(graph, node);
        var preferred = claims.FirstOrDefault(c => c.Outcome is not null) ?? claims.FirstOrDefault();
        var votes = graph.Incoming(node.Id, EdgeType.Voted)
            .Select(e => new PartyVoteView(e.Source, NameOf(graph, e.Source) ?? e.Source, Prop(e, "vote") ?? "?", Int(e, "seats"), e.Properties.GetValueOrDefault("mistake") is true, Prop(e, "source") ?? string.Empty))
            .ToList();

        // One source's party votes are shown (the record's, with seats, before the Handelingen'); the others are compared.
        var shownSource = votes.Select(v => v.Source).OrderBy(s => SourceRank(s, claims)).FirstOrDefault();
        var shown = votes.Where(v => v.Source == shownSource)
            .OrderBy(v => VoteOrder(v.Vote)).ThenByDescending(v => v.Seats ?? 0).ThenBy(v => v.Party, StringComparer.Ordinal).ToList();
        var sponsors = Sponsors(graph, node);
        return new MotionFateView(
            node.Id,
            preferred?.Outcome,
            preferred?.Decision,
            claims.Select(c => c.Date).FirstOrDefault(d => d is not null),
            preferred?.VoteKind,
            preferred?.VotesFor,
            preferred?.VotesAgainst,
            preferred?.VotesOther,
            claims.Select(c => c.CabinetAdvice).FirstOrDefault(a => a is not null),
            preferred?.Unanimous ?? false,
            shownSource is null ? preferred?.OthersVoted : claims.FirstOrDefault(c => c.Source == shownSource)?.OthersVoted ?? preferred?.OthersVoted,
            shown,
            sponsors,
            claims,
            Disagreements(claims, votes));
    }

    /// <summary>Submission, votes and every citing document, in date order (undated steps after the dated ones of their kind).</summary>
    public static IReadOnlyList<MotionEvent> Timeline(this ICitationGraph graph, string id)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.Find(id) is { } node && graph.Fate(node.Id) is { } fate ? graph.TimelineFrom(fate, graph.CitedBy(node.Id)) : [];
    }

    /// <summary>
    /// As <see cref="Timeline(ICitationGraph, string)"/>, from the motion's <paramref name="fate"/> and its whole
    /// <paramref name="citedBy"/> list (<see cref="CitedByQuery.CitedBy"/>, unfiltered) that the caller has worked out
    /// already: a hub's thousands of citers are then read and sorted once, not once per list that shows them.
    /// </summary>
    public static IReadOnlyList<MotionEvent> TimelineFrom(this ICitationGraph graph, MotionFateView fate, IReadOnlyList<Citing> citedBy)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(fate);
        ArgumentNullException.ThrowIfNull(citedBy);
        if (graph.Find(fate.MotionId) is not { } node)
        {
            return [];
        }

        var events = new List<MotionEvent>();
        var date = Prop(node, "date") ?? string.Empty;
        if (node.Label != NodeLabel.Placeholder || date.Length > 0)
        {
            events.Add(new MotionEvent(date, "submitted", node.Id, Prop(node, "kind"), node.Name, null, Prop(node, "mergedFrom") is { } m ? $"also known as {m}" : null, false));
        }

        // An undated claim that a dated one confirms (the record's "aangenomen", the sitting's day) is one vote, shown once.
        foreach (var c in fate.Claims.Where(c => c.Outcome is not null && (c.Date is not null || !fate.Claims.Any(d => d.Date is not null && d.Outcome == c.Outcome))))
        {
            var detail = string.Join(", ", new[] { c.Outcome, Counts(c.VotesFor, c.VotesAgainst), c.Unanimous ? "met algemene stemmen" : null, c.SourceKind }.Where(x => x is not null));
            events.Add(new MotionEvent(c.Date ?? string.Empty, "vote", c.Source, graph.Find(c.Source) is { } s ? Prop(s, "kind") : null, graph.Find(c.Source)?.Name, c.Quote, detail, false));
        }

        var since = SinceDate(fate, node);
        var voteSources = fate.Claims.Select(c => c.Source).ToHashSet(StringComparer.Ordinal);
        foreach (var citing in citedBy)
        {
            if (voteSources.Contains(citing.Source.Id) && citing.Source.Label == NodeLabel.Handelingen)
            {
                continue; // the vote's own record, shown as the vote
            }

            events.Add(Cited(citing, since));
        }

        var order = new Dictionary<string, int>(StringComparer.Ordinal) { ["submitted"] = 0, ["vote"] = 1, ["cited"] = 2 };
        return [.. events
            .OrderBy(e => e.Date.Length == 0 ? (e.Kind == "cited" ? "9999" : date) : e.Date, StringComparer.Ordinal)
            .ThenBy(e => order[e.Kind])
            .ThenBy(e => e.DocumentId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// <paramref name="timeline"/>, <see cref="TimelineFrom"/> of <paramref name="fate"/> over a cited-by list read narrowly
    /// (<see cref="CitedByQuery.CitedByKeys"/>), with the steps of the citers in <paramref name="whole"/> made again from those
    /// citers read whole (<see cref="CitedByQuery.InFull"/>: with their quotes). It is what TimelineFrom gives over that list
    /// with those citers whole, in the same order (a step's date, kind and document are the same either way), without
    /// building and ordering a hub's thousands of steps a second time.
    /// </summary>
    public static IReadOnlyList<MotionEvent> WithWhole(this ICitationGraph graph, MotionFateView fate, IReadOnlyList<MotionEvent> timeline, IReadOnlyDictionary<string, Citing> whole)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(fate);
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(whole);
        if (whole.Count == 0 || graph.Find(fate.MotionId) is not { } node)
        {
            return timeline;
        }

        var since = SinceDate(fate, node);
        return [.. timeline.Select(e => e.Kind == "cited" && whole.TryGetValue(e.DocumentId, out var citing) ? Cited(citing, since) : e)];
    }

    // A citing document's step: its first mention's quote, how often it mentions the motion, whether after the vote.
    private static MotionEvent Cited(Citing citing, string? since) =>
        new(citing.Date, "cited", citing.Source.Id, Prop(citing.Source, "kind"), citing.Source.Name, Prop(citing.Mentions[0], "quote"),
            citing.Mentions.Count > 1 ? $"{citing.Mentions.Count} mentions" : null, After(citing.Date, since));

    /// <summary>
    /// The motions that pass <paramref name="filter"/>, newest first, then by id, each summed up by <see cref="Summary"/>, or
    /// by <paramref name="summary"/>: the same summaries kept by a caller that lists one graph again and again (the explorer).
    /// </summary>
    public static IReadOnlyList<MotionSummary> List(this ICitationGraph graph, MotionFilter filter, Func<GraphNode, MotionSummary>? summary = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(filter);
        summary ??= node => Summary(graph, node);
        // Dates, dossier and sponsor party are DocumentFilter's: the one matching code every list shares.
        var shared = DocumentFilter.Parse(from: filter.From, to: filter.To, party: filter.SponsorParty, dossier: filter.Dossier);
        var list = new List<MotionSummary>();
        foreach (var node in All(graph))
        {
            if (!shared.MatchesDate(Prop(node, "date")) || !shared.MatchesDossier(graph, node) || !shared.MatchesParty(graph, node))
            {
                continue;
            }

            var s = summary(node);
            if (filter.Outcome is { Length: > 0 } o && !(o.Equals("unknown", StringComparison.OrdinalIgnoreCase) ? s.Outcome is null : string.Equals(s.Outcome, o, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (filter.WithOutcome && s.Outcome is null)
            {
                continue;
            }

            if (filter.CabinetAdvice is { Length: > 0 } a && !string.Equals(s.CabinetAdvice, a, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (filter.CitedSinceVote && s.CitedAfterVote == 0)
            {
                continue;
            }

            if (filter.AdoptedNeverCitedSince && (s.Outcome != Adopted || s.CitedAfterVote > 0))
            {
                continue;
            }

            list.Add(s);
        }

        return [.. list.OrderByDescending(s => s.Date ?? string.Empty, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal)];
    }

    /// <summary>Adopted, rejected, … counts and how many adopted motions a later document cites.</summary>
    public static MotionStats Stats(this ICitationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var all = All(graph).Select(n => Summary(graph, n)).ToList();
        int Count(string outcome) => all.Count(s => s.Outcome == outcome);
        return new MotionStats(
            all.Count,
            all.Count(s => s.Outcome is not null),
            Count(Adopted),
            Count("verworpen"),
            Count("ingetrokken"),
            Count("aangehouden"),
            Count("vervallen"),
            all.Count(s => s.Outcome == Adopted && s.CitedAfterVote > 0),
            all.Count(s => s.Disputed));
    }

    /// <summary>One motion in brief.</summary>
    public static MotionSummary Summary(ICitationGraph graph, GraphNode node)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(node);
        var fate = graph.Fate(node.Id)!;
        var since = SinceDate(fate, node);
        var voteSources = fate.Claims.Select(c => c.Source).ToHashSet(StringComparer.Ordinal);
        var citing = graph.CitedBy(node.Id).Where(c => !(voteSources.Contains(c.Source.Id) && c.Source.Label == NodeLabel.Handelingen)).ToList();
        return new MotionSummary(
            node.Id,
            node.Name,
            Prop(node, "date"),
            fate.Outcome,
            fate.VoteDate,
            fate.VotesFor,
            fate.VotesAgainst,
            fate.CabinetAdvice,
            fate.Sponsors,
            DossierOf(graph, node),
            node.Label != NodeLabel.Placeholder,
            citing.Count,
            citing.Count(c => After(c.Date, since)),
            citing.Select(c => c.Date).Where(x => x.Length > 0).DefaultIfEmpty().Max(StringComparer.Ordinal),
            fate.Disagreements.Count > 0);
    }

    /// <summary>"32–117", or null without counts.</summary>
    public static string? Counts(int? votesFor, int? votesAgainst) =>
        votesFor is null && votesAgainst is null ? null : string.Create(CultureInfo.InvariantCulture, $"{votesFor?.ToString(CultureInfo.InvariantCulture) ?? "?"}–{votesAgainst?.ToString(CultureInfo.InvariantCulture) ?? "?"}");

    private static List<FateClaim> Claims(ICitationGraph graph, GraphNode node)
    {
        var claims = new List<FateClaim>();
        if (FateKeys.Any(node.Properties.ContainsKey))
        {
            claims.Add(new FateClaim(
                Prop(node, "mergedFrom") ?? node.Id, OpenData, Prop(node, "outcome"), Prop(node, "decision"), Prop(node, "voteKind"),
                Int(node, "votesFor"), Int(node, "votesAgainst"), Int(node, "votesOther"), Prop(node, "cabinetAdvice"), Prop(node, "voteDate"), null, false, null));
        }

        foreach (var e in graph.Incoming(node.Id, EdgeType.RecordsVote).OrderByDescending(e => Prop(e, "date") ?? string.Empty, StringComparer.Ordinal).ThenBy(e => e.Source, StringComparer.Ordinal))
        {
            var date = Prop(e, "date") ?? (graph.Find(e.Source) is { } s ? CitedByQuery.DateOf(s) : null);
            claims.Add(new FateClaim(
                e.Source, Handelingen, Prop(e, "outcome"), Prop(e, "decision"), Prop(e, "voteKind"), Int(e, "votesFor"), Int(e, "votesAgainst"), null, null,
                date is { Length: > 0 } ? date : null, Prop(e, "quote"), e.Properties.GetValueOrDefault("unanimous") is true, Prop(e, "othersVoted")));
        }

        return claims;
    }

    private static List<string> Disagreements(IReadOnlyList<FateClaim> claims, IReadOnlyList<PartyVoteView> votes)
    {
        var found = new List<string>();
        var outcomes = claims.Where(c => c.Outcome is not null).ToList();
        if (outcomes.Select(c => c.Outcome).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            found.Add("outcome: " + string.Join(" vs ", outcomes.Select(c => $"{c.Outcome} ({c.SourceKind} {c.Source})")));
        }

        var counted = claims.Where(c => c.VotesFor is not null && c.VotesAgainst is not null).ToList();
        // The counts compared as Counts writes them (one text per pair): no set of value tuples, which would be JIT-compiled.
        if (counted.Select(c => Counts(c.VotesFor, c.VotesAgainst)).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            found.Add("votes: " + string.Join(" vs ", counted.Select(c => $"{Counts(c.VotesFor, c.VotesAgainst)} ({c.SourceKind} {c.Source})")));
        }

        foreach (var party in votes.GroupBy(v => v.PartyId).Where(g => g.Select(v => v.Vote).Distinct(StringComparer.Ordinal).Count() > 1).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            found.Add($"{party.First().Party}: " + string.Join(" vs ", party.Select(v => $"{v.Vote} ({v.Source})")));
        }

        return found;
    }

    private static List<MotionSponsor> Sponsors(ICitationGraph graph, GraphNode node)
    {
        var date = Prop(node, "date");
        var sponsors = new List<MotionSponsor>();
        foreach (var person in graph.TargetsOf(node.Id, EdgeType.SubmittedBy))
        {
            // Outgoing(person, ...) finds the person first, which reads the node whole; where the name came narrowly, the
            // id is the node's own, so its edges are those of that exact id (ICitationKeys.MembershipsOf).
            var name = NameOf(graph, person, out var exact);
            var memberships = exact && graph is ICitationKeys keys ? keys.MembershipsOf(person) : graph.Outgoing(person, EdgeType.MemberOf);
            var partyId = Entities.People.PartyMembership.PartyAt(memberships, date);
            sponsors.Add(new MotionSponsor(person, name ?? person, partyId, partyId is null ? null : NameOf(graph, partyId) ?? Entities.Parties.DisplayName(partyId)));
        }

        return sponsors;
    }

    private static string? NameOf(ICitationGraph graph, string id) => NameOf(graph, id, out _);

    // A sponsor's or party's name as Find's node has it, and whether it was read narrowly for that exact id. Where the graph
    // reads nodes narrowly (ICitationKeys.NodeKeys: id, label and name as merged, from the store's covering index), only that
    // is read: Find reads the node whole, and a person named in 17,552 files or a party in 6,650 is as many rows scattered
    // over the table, read to find they are one. An id NodeKeys does not know (an alias, or padded, which Find resolves or
    // trims) is left to Find. (No value tuple returned: ReadyToRun leaves those to the JIT.)
    private static string? NameOf(ICitationGraph graph, string id, out bool exact)
    {
        exact = false;
        if (graph is ICitationKeys keys && id.Length > 0 && id == id.Trim() && keys.NodeKeys([id]) is [var node])
        {
            exact = true;
            return node.Name;
        }

        return graph.Find(id)?.Name;
    }

    private static string? DossierOf(ICitationGraph graph, GraphNode node) => DocumentFilter.DossierOf(graph, node);

    // The record's votes (with seats) come first, then the Handelingen' by the claims' order.
    private static int SourceRank(string source, IReadOnlyList<FateClaim> claims)
    {
        for (var i = 0; i < claims.Count; i++)
        {
            if (claims[i].Source == source)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static int VoteOrder(string vote) => vote switch { "voor" => 0, "tegen" => 1, _ => 2 };

    // "Since the vote": the vote's day when a source gives it, else the motion's own date (votes follow within days).
    private static string? SinceDate(MotionFateView fate, GraphNode node) => fate.VoteDate ?? Prop(node, "date");

    private static bool After(string citingDate, string? since) =>
        since is not null && citingDate.Length > 0 && string.CompareOrdinal(citingDate, since) > 0;

    private static string? Prop(GraphNode node, string key) =>
        node.Properties.GetValueOrDefault(key) is { } v && Convert.ToString(v, CultureInfo.InvariantCulture) is { Length: > 0 } s ? s : null;

    private static string? Prop(GraphEdge edge, string key) =>
        edge.Properties.GetValueOrDefault(key) is { } v && Convert.ToString(v, CultureInfo.InvariantCulture) is { Length: > 0 } s ? s : null;

    private static int? Int(GraphNode node, string key) => ToInt(node.Properties.GetValueOrDefault(key));

    private static int? Int(GraphEdge edge, string key) => ToInt(edge.Properties.GetValueOrDefault(key));

    private static int? ToInt(object? v) => v switch
    {
        long l => (int)l,
        int i => i,
        double d => (int)d,
        string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var x) => x,
        _ => null,
    };
}
