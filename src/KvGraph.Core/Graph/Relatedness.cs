using System.Globalization;

namespace KvGraph.Core.Graph;

/// <summary>
/// The ranking behind <see cref="ICitationGraph.Related"/>: which documents a researcher should read next, and why.
/// <para>
/// <b>Cases.</b> A question, its answers and the deferral notices for it are one case: they are asked for together, never
/// related to each other, and reported once, as the case's answer (else the question, else the deferral; lowest id
/// first). Documents join a case through ANSWERS edges and through a shared zaak number (a question, answer or deferral
/// only). Features of every member count for the case.
/// </para>
/// <para>
/// <b>What counts, in this order of strength.</b> Each shared thing counts once per candidate and contributes
/// <c>weight × rarity</c>, where <c>rarity(df) = ln(1 + N/df) / ln(1 + N)</c>, df the number of cases that have the thing
/// (the document asked for included) and N the number of cases that have anything of its kind (cite something, mention
/// an organisation, have a topic…): 1 for a thing no one else has, falling to 0 for a thing every such document has (IDF,
/// scaled to 0..1). N counts only documents that can have the thing: thousands of motion records name no organisation,
/// and counting them would make "Tweede Kamer", named in nearly every answer, look rare.
/// <list type="bullet">
/// <item><c>cites</c> / <c>citedby</c>: one cites the other directly: <see cref="DirectWeight"/>, not scaled.</item>
/// <item><c>coupling</c>: both cite the same target (bibliographic coupling); df = the cases citing it, so a motion
/// everybody cites says less than one cited twice: <see cref="CouplingWeight"/> × rarity, at least <see cref="CitationFloor"/>.</item>
/// <item><c>cocitation</c>: a third document cites both; df = the things that document cites (N = all cases), so a long
/// list of references says less than a pair: <see cref="CocitationWeight"/> × rarity, at least <see cref="CitationFloor"/>.</item>
/// <item><c>topic</c>, <c>organisation</c>, <c>person</c> (named in the text, not as minister, and not the asker or
/// answerer of the document asked for: those count in their roles only): 1 × rarity; <c>country</c>: 0.75 × rarity.
/// A shared "EU" or "Nederland" is in hundreds of documents and adds almost nothing.</item>
/// <item><c>asker</c>: 0.3 × rarity; <c>answerer</c>: 0.15 × rarity. Members ask about many things and ministers answer
/// everything in their portfolio, so a shared person in these roles is a hint, never a reason on its own.</item>
/// </list>
/// Every single non-citation reason is below 1 and every citation reason is at least 1 (<see cref="CitationFloor"/>), so one
/// shared citation outranks any one shared country, topic, asker or answerer; a shared asker and answerer together stay
/// below 0.45. Things shared by more than <see cref="HubLimit"/> cases are skipped (their rarity is near 0, and they would
/// make a query slow).
/// </para>
/// <para>
/// <b>Order.</b> Score (rounded to 3 decimals), then the number of citation reasons, then closeness in date to the document
/// asked for (undated last), then id: the same graph always gives the same list.
/// </para>
/// </summary>
public sealed class Relatedness
{
    /// <summary>Things shared by more cases than this are skipped.</summary>
    public const int HubLimit = 2000;

    /// <summary>One document cites the other.</summary>
    public const double DirectWeight = 5.0;

    /// <summary>A shared cited target, before rarity.</summary>
    public const double CouplingWeight = 4.0;

    /// <summary>A shared citer, before rarity.</summary>
    public const double CocitationWeight = 3.0;

    /// <summary>The least a citation reason contributes: above every single non-citation reason.</summary>
    public const double CitationFloor = 1.0;

    /// <summary>The reason kinds that are citations (counted for the tie-break).</summary>
    public static readonly IReadOnlySet<string> CitationKinds = new HashSet<string>(StringComparer.Ordinal) { "cites", "citedby", "coupling", "cocitation" };

    private static readonly (string Kind, string EdgeType, string Label, double Weight)[] SharedFeatures =
    [
        ("topic", EdgeType.About, NodeLabel.Topic, 1.0),
        ("organisation", EdgeType.Mentions, NodeLabel.Organisation, 1.0),
        ("person", EdgeType.Mentions, NodeLabel.Person, 1.0),
        ("country", EdgeType.Mentions, NodeLabel.Country, 0.75),
        ("asker", EdgeType.AskedBy, NodeLabel.Person, 0.3),
        ("answerer", EdgeType.AnsweredBy, NodeLabel.Person, 0.15),
    ];

    /// <summary>The (edge type, target label) pairs whose populations rank shared things: N of each reason's rarity.</summary>
    public static IReadOnlyList<(string EdgeType, string? Label)> PopulationKeys { get; } =
        [(EdgeType.Cites, null), .. SharedFeatures.Select(f => (f.EdgeType, (string?)f.Label)).Distinct()];

    private readonly Func<string, GraphNode?> _node;
    private readonly Func<string, IEnumerable<GraphEdge>> _out;
    private readonly Func<string, IEnumerable<GraphEdge>> _in;
    private readonly IRelatednessCounts _counts;
    private readonly Func<IReadOnlyCollection<string>, IReadOnlyList<GraphNode>?>? _dated;
    private readonly Dictionary<string, string> _representatives = new(StringComparer.Ordinal);

    /// <param name="node">A node by its exact id.</param>
    /// <param name="outgoing">A node's outgoing edges.</param>
    /// <param name="incoming">A node's incoming edges.</param>
    /// <param name="counts">The cases and the populations.</param>
    /// <param name="dated">
    /// The nodes of some ids that exist, each with its <c>date</c> property as <paramref name="node"/> has it (and maybe
    /// others), read without the rest of their properties (a store's narrow read), or null (and <paramref name="node"/> is
    /// asked). Only the candidates tied at the cut need it.
    /// </param>
    public Relatedness(Func<string, GraphNode?> node, Func<string, IEnumerable<GraphEdge>> outgoing, Func<string, IEnumerable<GraphEdge>> incoming, IRelatednessCounts counts,
        Func<IReadOnlyCollection<string>, IReadOnlyList<GraphNode>?>? dated = null)
    {
        _node = node;
        _out = outgoing;
        _in = incoming;
        _counts = counts;
        _dated = dated;
    }

    /// <summary>rarity(df) = ln(1 + N/df) / ln(1 + N): 1 when df = 1, towards 0 as df nears N.</summary>
    public static double Rarity(int df, int n) => n <= 1 || df <= 0 ? 1.0 : Math.Log(1 + ((double)n / df)) / Math.Log(1 + n);

    /// <summary>Related documents of <paramref name="start"/> (an existing node), best first.</summary>
    public IReadOnlyList<RelatedDocument> Rank(GraphNode start, int limit)
    {
        var cases = this;
        var startRep = cases.Representative(start.Id);
        var members = cases.Members(startRep);
        var scores = new Dictionary<string, Dictionary<(string Kind, string Detail), double>>(StringComparer.Ordinal);

        void Add(string candidate, string kind, string detail, double score)
        {
            var rep = cases.Representative(candidate);
            if (rep == startRep || !Real(rep))
            {
                return;
            }

            if (!scores.TryGetValue(rep, out var reasons))
            {
                scores[rep] = reasons = [];
            }

            // One shared thing counts once per candidate, however many edges express it.
            reasons.TryAdd((kind, detail), score);
        }

        // Direct citation, either way. (Each step first hints the ids it will look at, so a store reads them in one query, and
        // takes the other ends of the edges it only counts by index, keys only: EndsOf.)
        var citing = EndsOf(members, EdgeType.Cites, incoming: true);
        var cited = Distinct(members.SelectMany(m => Edges(_out, m, EdgeType.Cites)).Select(e => e.Target)).Where(t => !members.Contains(t)).ToList();
        var citers0 = Distinct(members.SelectMany(m => citing[m])).Where(c => !members.Contains(c)).ToList();
        // A cited hub is skipped below whatever its edges say: its citers are not read.
        var coupled = cited.Where(t => !IsHub(t, EdgeType.Cites)).ToList();
        _counts.Prefetch([.. cited, .. citers0], nodes: false, outgoing: false, incoming: false);
        var couplers = EndsOf(coupled, EdgeType.Cites, incoming: true);
        var cocited = EndsOf(citers0, EdgeType.Cites, incoming: false);
        foreach (var e in members.SelectMany(m => Edges(_out, m, EdgeType.Cites)))
        {
            Add(e.Target, "cites", e.Target, DirectWeight);
        }

        foreach (var source in members.SelectMany(m => citing[m]))
        {
            Add(source, "citedby", source, DirectWeight);
        }

        // Bibliographic coupling: what we cite, who else cites it.
        _counts.Prefetch([.. coupled.SelectMany(t => couplers[t]).Distinct(StringComparer.Ordinal)], nodes: false, outgoing: false, incoming: false);
        foreach (var target in coupled)
        {
            var citers = OtherCases(couplers[target], cases, startRep);
            if (citers.Count is 0 or > HubLimit)
            {
                continue;
            }

            var score = Math.Max(CitationFloor, CouplingWeight * Rarity(citers.Count + 1, _counts.Population(EdgeType.Cites, null)));
            foreach (var c in citers)
            {
                Add(c, "coupling", target, score);
            }
        }

        // Co-citation: who cites us, what else they cite.
        _counts.Prefetch([.. citers0.SelectMany(c => cocited[c]).Distinct(StringComparer.Ordinal)], nodes: false, outgoing: false, incoming: false);
        foreach (var citer in citers0)
        {
            var others = cocited[citer].Where(t => !members.Contains(t)).ToList();
            if (others.Count is 0 or > HubLimit)
            {
                continue;
            }

            var score = Math.Max(CitationFloor, CocitationWeight * Rarity(others.Count + 1, _counts.CaseCount));
            foreach (var t in others)
            {
                Add(t, "cocitation", citer, score);
            }
        }

        // The start's askers and answerers count in their roles only, never again as people named in the text.
        var roles = members.SelectMany(m => _out(m)).Where(e => e.Type is EdgeType.AskedBy or EdgeType.AnsweredBy).Select(e => e.Target).ToHashSet(StringComparer.Ordinal);
        foreach (var (kind, edgeType, label, weight) in SharedFeatures)
        {
            var n = _counts.Population(edgeType, label);
            // Hubs first, unread: a topic in every document is asserted by every file, and its node alone is 100,000 rows.
            var candidates = Distinct(members.SelectMany(m => Edges(_out, m, edgeType)).Where(Counts).Select(e => e.Target))
                .Where(f => !(kind == "person" && roles.Contains(f)) && !IsHub(f, edgeType))
                .ToList();
            _counts.Prefetch(candidates, nodes: true, outgoing: false, incoming: false);
            var features = candidates.Where(f => _node(f) is { } fn && fn.Label == label).ToList();
            var sharing = EndsOf(features, edgeType, incoming: true);
            _counts.Prefetch([.. features.SelectMany(f => sharing[f]).Distinct(StringComparer.Ordinal)], nodes: false, outgoing: false, incoming: false);
            foreach (var feature in features)
            {
                var sharers = OtherCases(sharing[feature], cases, startRep);
                if (sharers.Count is 0 or > HubLimit)
                {
                    continue;
                }

                var score = weight * Rarity(sharers.Count + 1, n);
                var detail = _node(feature)?.Name ?? feature;
                foreach (var s in sharers)
                {
                    Add(s, kind, detail, score);
                }
            }
        }

        // Only candidates that can reach the first `limit` by score and citation reasons need their nodes (the date breaks
        // the remaining ties): a hub's neighbourhood has tens of thousands of candidates, most far below the cut.
        var ranked = scores
            .Select(kv => (Id: kv.Key, Reasons: kv.Value, Score: Math.Round(kv.Value.Values.Sum(), 3), Citations: kv.Value.Keys.Count(k => CitationKinds.Contains(k.Kind))))
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.Citations)
            .ToList();
        if (limit < ranked.Count)
        {
            var cut = ranked[Math.Max(0, limit - 1)];
            ranked = limit <= 0 ? [] : [.. ranked.TakeWhile(c => c.Score > cut.Score || (c.Score == cut.Score && c.Citations >= cut.Citations))];
        }

        // Past the first `limit`, the candidates left are tied with the cut in score and citation reasons, and the date and
        // the id alone tell them apart: a document whose one shared thing is a topic of 1,700 documents ties all 1,700. Their
        // dates are read narrowly when the graph can, and whole nodes only for the `limit` kept (the same order as below).
        var startDate = Date(start) ?? (_node(startRep) is { } repNode ? Date(repNode) : null);
        if (ranked.Count > limit && _dated?.Invoke([.. ranked.Select(c => c.Id)]) is { } dated)
        {
            var dates = dated.ToDictionary(n => n.Id, Date, StringComparer.Ordinal);
            ranked = [.. ranked
                .OrderByDescending(c => c.Score)
                .ThenByDescending(c => c.Citations)
                .ThenBy(c => DateDistance(startDate, dates.GetValueOrDefault(c.Id)))
                .ThenBy(c => c.Id, StringComparer.Ordinal)
                .Take(Math.Max(0, limit))];
        }

        _counts.Prefetch([.. ranked.Select(c => c.Id)], nodes: true, outgoing: false, incoming: false);
        return [.. ranked
            .Select(c => new RelatedDocument(
                _node(c.Id)!,
                c.Score,
                [.. c.Reasons.Select(r => new RelatedReason(r.Key.Kind, r.Key.Detail, Math.Round(r.Value, 3)))
                    .OrderByDescending(r => r.Score).ThenBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Detail, StringComparer.Ordinal)]))
            .OrderByDescending(r => r.Score)
            .ThenByDescending(r => r.Reasons.Count(x => CitationKinds.Contains(x.Kind)))
            .ThenBy(r => DateDistance(startDate, Date(r.Node)))
            .ThenBy(r => r.Node.Id, StringComparer.Ordinal)
            .Take(Math.Max(0, limit))];
    }

    /// <summary>
    /// A MENTIONS edge to a minister by office ("de minister van Buitenlandse Zaken, Veldkamp") names the answerer again, not
    /// a person the text is about: it does not count as a shared person.
    /// </summary>
    private static bool Counts(GraphEdge e) => !(e.Type == EdgeType.Mentions && e.Properties.GetValueOrDefault("role") as string == "minister");

    /// <summary>True for an edge that counts for the populations and shared things (<see cref="Counts(GraphEdge)"/>): the store's tables keep the same.</summary>
    public static bool CountsForRelatedness(GraphEdge e) => Counts(e);

    /// <summary>
    /// The cases and populations of a whole graph held in memory: <paramref name="nodes"/> every node by id,
    /// <paramref name="outgoing"/> a node's outgoing edges. The cases are <see cref="Cases"/>'s; a population counts the
    /// cases of the real documents with a counting edge of its type to a node of its label.
    /// </summary>
    public static IRelatednessCounts CountsOf(IReadOnlyDictionary<string, GraphNode> nodes, Func<string, IEnumerable<GraphEdge>> outgoing)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(outgoing);
        var cases = Cases(nodes.Values.Where(IsRealDocument), outgoing);
        var populations = PopulationKeys.ToDictionary(
            k => k,
            k => nodes.Values
                .Where(d => IsRealDocument(d) && Edges(outgoing, d.Id, k.EdgeType).Where(Counts).Any(e => k.Label is null || (nodes.TryGetValue(e.Target, out var t) && t.Label == k.Label)))
                .Select(d => cases.Representative(d.Id))
                .Distinct(StringComparer.Ordinal)
                .Count());
        return new MemoryCounts(cases, populations);
    }

    /// <summary>
    /// Which documents are one case: <paramref name="documents"/> the real documents (with their <c>zaak</c> property),
    /// <paramref name="outgoing"/> their outgoing edges (only ANSWERS is read). The one rule of the cases, for the in-memory
    /// graph and the store's case table alike.
    /// </summary>
    public static IRelatednessCounts Cases(IEnumerable<GraphNode> documents, Func<string, IEnumerable<GraphEdge>> outgoing)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(outgoing);
        return CaseIndex.Build(documents.ToDictionary(d => d.Id, StringComparer.Ordinal), outgoing);
    }

    /// <summary>Every document of a case of two or more with its representative (see <see cref="Cases"/>).</summary>
    public static IEnumerable<(string Id, string Representative)> CaseMembers(IRelatednessCounts cases) =>
        cases is CaseIndex index ? index.Pairs : throw new ArgumentException("Not a case index.", nameof(cases));

    private string Representative(string id)
    {
        if (!_representatives.TryGetValue(id, out var rep))
        {
            _representatives[id] = rep = _counts.Representative(id);
        }

        return rep;
    }

    private IReadOnlySet<string> Members(string representative) => _counts.Members(representative);

    /// <summary>
    /// Known to be shared by more than <see cref="HubLimit"/> cases other than the start's before its edges are read (see
    /// <see cref="IRelatednessCounts.CasesSharing"/>): all cases but one are others. Unknown or not: the edges decide.
    /// </summary>
    private bool IsHub(string thing, string edgeType) => _counts.CasesSharing(thing, edgeType, HubLimit + 2) - 1 > HubLimit;

    internal static bool IsRealDocument(GraphNode n) => n.Label != NodeLabel.Placeholder && GraphFacts.IsDocumentLabel(n.Label);

    /// <summary>
    /// For each of <paramref name="ids"/>, the distinct other ends of its counting edges of one type (sources of those into
    /// it, or targets of those out of it) in the edges' order: the store's keys when it has them
    /// (<see cref="IRelatednessCounts.Ends"/>), else from the edges, read for all ids at once.
    /// </summary>
    private IReadOnlyDictionary<string, IReadOnlyList<string>> EndsOf(IReadOnlyCollection<string> ids, string edgeType, bool incoming)
    {
        if (_counts.Ends(ids, edgeType, incoming) is { } known)
        {
            return known;
        }

        _counts.Prefetch(ids, nodes: false, outgoing: !incoming, incoming: incoming);
        var ends = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            ends[id] = [.. Distinct(Edges(incoming ? _in : _out, id, edgeType).Where(Counts).Select(e => incoming ? e.Source : e.Target))];
        }

        return ends;
    }

    private static IEnumerable<GraphEdge> Edges(Func<string, IEnumerable<GraphEdge>> edges, string id, string type) =>
        edges(id).Where(e => e.Type == type && e.Source != e.Target);

    private static IEnumerable<string> Distinct(IEnumerable<string> ids) => ids.Distinct(StringComparer.Ordinal);

    /// <summary>The cases of <paramref name="docs"/> that are real documents, other than the start's.</summary>
    private List<string> OtherCases(IEnumerable<string> docs, Relatedness cases, string startRep) =>
        [.. docs.Select(cases.Representative).Distinct(StringComparer.Ordinal)
            .Where(r => r != startRep && Real(r))];

    private bool Real(string id) => _counts.IsRealDocument(id) ?? (_node(id) is { } node && IsRealDocument(node));

    private static DateOnly? Date(GraphNode n) =>
        n.Properties.GetValueOrDefault("date") is string { Length: >= 10 } s
        && DateOnly.TryParseExact(s.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;

    private static int DateDistance(DateOnly? a, DateOnly? b) => a is { } x && b is { } y ? Math.Abs(x.DayNumber - y.DayNumber) : int.MaxValue;

    /// <summary>Which documents are one case (question, answers, deferrals), and how many cases the graph has.</summary>
    private sealed class MemoryCounts(IRelatednessCounts cases, Dictionary<(string EdgeType, string? Label), int> populations) : IRelatednessCounts
    {
        public int CaseCount => cases.CaseCount;

        public string Representative(string id) => cases.Representative(id);

        public IReadOnlySet<string> Members(string representative) => cases.Members(representative);

        public int Population(string edgeType, string? label) => populations.GetValueOrDefault((edgeType, label));
    }

    private sealed class CaseIndex : IRelatednessCounts
    {
        private readonly Dictionary<string, string> _representative;
        private readonly Dictionary<string, HashSet<string>> _members;

        private CaseIndex(Dictionary<string, string> representative, Dictionary<string, HashSet<string>> members, int count)
        {
            _representative = representative;
            _members = members;
            CaseCount = count;
        }

        /// <summary>The number of cases among the real documents.</summary>
        public int CaseCount { get; }

        /// <summary>Every member of a case of two or more, with its representative.</summary>
        public IEnumerable<(string Id, string Representative)> Pairs => _representative.Select(kv => (kv.Key, kv.Value));

        public string Representative(string id) => _representative.GetValueOrDefault(id, id);

        public IReadOnlySet<string> Members(string representative) =>
            _members.TryGetValue(representative, out var m) ? m : new HashSet<string>(StringComparer.Ordinal) { representative };

        public int Population(string edgeType, string? label) => throw new NotSupportedException("A case index counts cases only.");

        public static CaseIndex Build(IReadOnlyDictionary<string, GraphNode> nodes, Func<string, IEnumerable<GraphEdge>> outgoing)
        {
            var parent = new Dictionary<string, string>(StringComparer.Ordinal);
            string Find(string x)
            {
                while (parent.TryGetValue(x, out var p) && p != x)
                {
                    parent[x] = parent.GetValueOrDefault(p, p);
                    x = p;
                }

                return x;
            }

            void Union(string a, string b)
            {
                var (ra, rb) = (Find(a), Find(b));
                if (ra != rb)
                {
                    parent[ra] = rb;
                }

                parent.TryAdd(rb, rb);
            }

            static bool InCase(GraphNode n) => n.Label is NodeLabel.Question or NodeLabel.Answer or NodeLabel.Deferral;
            var docs = nodes.Values.Where(IsRealDocument).ToList();
            foreach (var d in docs.Where(InCase))
            {
                foreach (var e in outgoing(d.Id).Where(e => e.Type == EdgeType.Answers))
                {
                    Union(d.Id, e.Target);
                }
            }

            foreach (var sameZaak in docs.Where(InCase).GroupBy(d => d.Properties.GetValueOrDefault("zaak") as string).Where(g => g.Key is { Length: > 0 }))
            {
                foreach (var d in sameZaak.Skip(1))
                {
                    Union(sameZaak.First().Id, d.Id);
                }
            }

            var representative = new Dictionary<string, string>(StringComparer.Ordinal);
            var members = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var group in parent.Keys.GroupBy(Find, StringComparer.Ordinal))
            {
                var rep = group.OrderBy(id => nodes.TryGetValue(id, out var n) ? Rank(n.Label) : 9).ThenBy(id => id, StringComparer.Ordinal).First();
                members[rep] = group.ToHashSet(StringComparer.Ordinal);
                foreach (var id in group)
                {
                    representative[id] = rep;
                }
            }

            var count = docs.Select(d => representative.GetValueOrDefault(d.Id, d.Id)).Distinct(StringComparer.Ordinal).Count();
            return new CaseIndex(representative, members, count);
        }

        private static int Rank(string label) => label switch
        {
            NodeLabel.Answer => 0,
            NodeLabel.Question => 1,
            NodeLabel.Deferral => 2,
            _ => 3,
        };
    }
}
