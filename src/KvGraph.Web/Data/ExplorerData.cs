using System.Globalization;
using KvGraph.Core.Entities;
using KvGraph.Core.Entities.People;
using KvGraph.Core.Graph;
using KvGraph.Core.Model;
using KvGraph.Core.Text;
using KvGraph.Store.Sqlite;

namespace KvGraph.Web.Data;

/// <summary>
/// Builds the explorer's views from an <see cref="IExplorerSource"/> over one graph snapshot (every view of a request
/// comes from the same graph); every list it returns is capped. <see cref="SnapshotExplorerData"/> makes one per request,
/// over the graph the source hands that request, with what is kept for that graph's version.
/// </summary>
internal sealed class ExplorerData : IExplorerData
{
    private readonly IExplorerSource source;

    /// <summary>Most documents listed as "cited by" on one page; a hub motion may be cited thousands of times.</summary>
    internal const int MaxCitedBy = QueryLimits.MaxCitedBy;

    /// <summary>Most nodes in one trace tree, so a deep chain over a large corpus stays a page, not a dump.</summary>
    internal const int MaxTraceNodes = 500;


    private static readonly List<string> EdgePriority =
    [
        EdgeType.Cites, EdgeType.Answers, EdgeType.SubmittedBy, EdgeType.AskedBy, EdgeType.AnsweredBy,
        EdgeType.MemberOf, EdgeType.InDossier, EdgeType.About, EdgeType.Mentions, EdgeType.RefersTo,
        EdgeType.RecordsVote, EdgeType.Voted,
    ];

    /// <summary>Labels of nodes that are documents held in the corpus (a placeholder is cited, not held).</summary>
    private static readonly HashSet<string> DocumentLabels = new(StringComparer.Ordinal)
    {
        NodeLabel.Document, NodeLabel.Question, NodeLabel.Answer, NodeLabel.Letter, NodeLabel.Motion,
        NodeLabel.Kamerstuk, NodeLabel.Handelingen, NodeLabel.Deferral,
    };

    // What is kept per store version: the motions, their summaries and counts.
    private readonly GraphVersionState state;

    public ExplorerData(IExplorerSource source, ICitationGraph graph, GraphVersionState state)
    {
        this.source = source;
        this.state = state;
        Graph = graph;
    }

    /// <summary>The graph snapshot every view of this instance is built from.</summary>
    internal ICitationGraph Graph { get; }

    public SearchPageView Search(string query, DocumentFilter filter, int page, int pageSize)
    {
        var offset = (page - 1) * pageSize;
        var result = source.Search(query, filter, offset, pageSize);
        var hits = new List<SearchHitView>();
        var shown = new HashSet<string>(StringComparer.Ordinal);
        Graph.PrefetchNodes([.. result.Ids.Take(pageSize)]);
        foreach (var id in result.Ids.Take(pageSize))
        {
            // The hit's own node names it: a question found by its id is the question, though its text is its answer's file.
            var node = Graph.Find(id);
            var key = node?.Id ?? id;
            if (!shown.Add(key))
            {
                continue;
            }

            var snippet = result.Snippets?.GetValueOrDefault(id);
            var highlights = result.Highlights?.GetValueOrDefault(id) ?? [];
            var inCorpus = node is not null && node.Label != NodeLabel.Placeholder && DocumentLabels.Contains(node.Label);
            // The hit's summary only (its document's kind, title, dates, people), not its whole document. Its citers are
            // counted from the graph, whose nodes the connection's indexed graph keeps (CitedByKeys reads the keys anew each time).
            var d = inCorpus ? source.GetDocumentInfo(key) : null;
            var citedBy = node is null ? 0 : Graph.CitedBy(node.Id).Count;
            if (node is not null)
            {
                hits.Add(new SearchHitView(node.Id, DocumentFilter.KindOf(node), node.Name is { } n && n != node.Id ? n : d?.Title, NodeDate(node),
                    DutchDates.Iso(d?.Submitted), DutchDates.Iso(d?.Answered), d is null ? [] : Shown(d.Askers), d is null ? [] : Shown(d.Answerers),
                    snippet ?? (inCorpus ? null : $"not in corpus — cited by {citedBy}"))
                {
                    Highlights = snippet is null ? [] : highlights,
                    InCorpus = inCorpus,
                    CitedBy = citedBy,
                });
            }
            else if (source.GetDocumentInfo(id) is { } f)
            {
                hits.Add(new SearchHitView(f.Id, KindName(f.Kind), f.Title, DutchDates.Iso(f.Date ?? f.Answered ?? f.Submitted), DutchDates.Iso(f.Submitted), DutchDates.Iso(f.Answered), Shown(f.Askers), Shown(f.Answerers), snippet)
                {
                    Highlights = snippet is null ? [] : highlights,
                });
            }
        }

        return new SearchPageView(query, page, pageSize, result.Total, offset + pageSize < result.Total, hits, result.Notes);
    }

    public DocumentView? Document(string id, DocumentFilter? filter = null)
    {
        var doc = source.GetDocument(id);
        var node = Graph.Find(id) ?? (doc is null ? null : Graph.Find(doc.Doc.Id));
        if (node is null && doc is null)
        {
            return null;
        }

        var nodeView = node is null ? DocNode(doc!) : View(node);
        IReadOnlyList<CitationView> citations = [];
        IReadOnlyList<BlockView> blocks = [];
        DocumentDetailsView? details = null;
        if (doc is not null)
        {
            details = Details(doc);
            // The resolved CITES edges of this document by position: where each citation really leads and how it was linked.
            var resolved = Graph.Outgoing(node?.Id ?? doc.Doc.Id, EdgeType.Cites)
                .GroupBy(e => Int(e, "start")).ToDictionary(g => g.Key, g => g.First());
            Graph.PrefetchNodes([.. resolved.Values.Select(e => e.Target).Concat(doc.Citations.Select(c => c.Target).OfType<string>()).Distinct(StringComparer.Ordinal)]);
            var inDoc = doc.Citations.Select(c => WithLink(CitationOf(c, doc), resolved.GetValueOrDefault(c.Start))).ToList();
            citations = inDoc;
            blocks = Blocks(doc, inDoc);
        }

        // Who cites it: the one "cited by" (Core), a question and its answer counted as one, each citer once.
        var citing = filter is null || filter.IsEmpty
            ? Graph.CitedBy(nodeView.Id, MaxCitedBy + 1)
            : [.. Graph.CitedBy(nodeView.Id).Where(c => filter.Matches(Graph, c.Source)).Take(MaxCitedBy + 1)];
        var truncated = citing.Count > MaxCitedBy;
        var citedBy = citing.Take(MaxCitedBy).Select(c => new CitingView(View(c.Source), Str(c.Mentions[0], "kind"), Str(c.Mentions[0], "quote"), Str(c.Mentions[0], "item"))
        {
            Mentions = [.. c.Mentions.Select(Mention)],
        }).ToList();
        return new DocumentView(nodeView, details, blocks, citations, citedBy, truncated);
    }

    public NeighbourhoodView? Neighbourhood(string id, int limit)
    {
        var center = Graph.Find(id);
        if (center is null)
        {
            return null;
        }

        var nodes = new Dictionary<string, GraphNodeView>(StringComparer.Ordinal) { [center.Id] = GraphView(center) };
        var edges = new Dictionary<string, GraphEdgeView>(StringComparer.Ordinal);
        var truncated = false;

        // Citations first, then the people and bodies involved, then mentions: what is cut at the limit matters least. The
        // edges come a type at a time in that order, each type sorted by source, then target, and of a type only as many as
        // the view can still take and one more (to know it is cut): a hub's thousands of edges are never all read. More of
        // a type only when edges the view skips left it short.
        foreach (var type in EdgePriority)
        {
            var seen = 0;
            for (var atMost = limit - edges.Count + 1; !truncated; atMost *= 2)
            {
                var (chunk, more) = FirstEdgesAt(center.Id, type, atMost);
                truncated = Take(chunk.Skip(seen).ToList()) || (more && edges.Count == limit);
                seen = chunk.Count;
                if (!more || edges.Count == limit)
                {
                    break;
                }
            }

            if (truncated)
            {
                break;
            }
        }

        // Edges of any other type come last, sorted by source, then target (the graph has none today).
        if (!truncated)
        {
            truncated = Take([.. Graph.Outgoing(center.Id).Concat(Graph.Incoming(center.Id)).Where(e => !EdgePriority.Contains(e.Type))
                .OrderBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Target, StringComparer.Ordinal)]);
        }

        return new NeighbourhoodView(center.Id, [.. nodes.Values], [.. edges.Values], truncated);

        // Shows the edges in order until the view is full (true when one is left over), their ends read in one go.
        bool Take(List<GraphEdge> ordered)
        {
            Graph.PrefetchNodes([.. ordered.Take(limit - edges.Count + 1).SelectMany(e => new[] { e.Source, e.Target }).Distinct(StringComparer.Ordinal)]);
            foreach (var edge in ordered)
            {
                if (edges.Count == limit)
                {
                    return true;
                }

                // REFERS_TO between answers of one document is a self-edge: it says nothing in a graph of documents.
                if (edge.Source == edge.Target || IsOwnItem(edge.Source, edge.Target) || IsOwnItem(edge.Target, edge.Source))
                {
                    continue;
                }

                var view = EdgeView(edge);
                if (!edges.TryAdd(view.Id, view))
                {
                    continue;
                }

                foreach (var end in new[] { edge.Source, edge.Target })
                {
                    if (!nodes.ContainsKey(end))
                    {
                        nodes[end] = Graph.Find(end) is { } n ? GraphView(n) : new GraphNodeView(end, NodeLabel.Placeholder, end, null, false);
                    }
                }
            }

            return false;
        }
    }

    // The first atMost edges of one type at a node, outgoing then incoming sorted stably by source, then target, and whether
    // more follow: by index on the store (reading the properties of those only), from the lists in memory otherwise.
    private (IReadOnlyList<GraphEdge> Edges, bool More) FirstEdgesAt(string id, string type, int atMost)
    {
        if (Graph is IIndexedReads reads)
        {
            return reads.FirstEdgesAt(id, type, atMost);
        }

        var all = Graph.Outgoing(id, type).Concat(Graph.Incoming(id, type))
            .OrderBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Target, StringComparer.Ordinal).ToList();
        return ([.. all.Take(atMost)], all.Count > atMost);
    }

    public TraceView? Trace(string id, int depth, bool reverse)
    {
        // The view keeps the first MaxTraceNodes in depth-first order, exactly the nodes a trace with that budget walks.
        var root = Graph.Trace(id, depth, reverse, MaxTraceNodes);
        if (root is null)
        {
            return null;
        }

        var budget = MaxTraceNodes;
        return Map(root);

        TraceView Map(TraceNode t)
        {
            budget--;
            var children = new List<TraceView>();
            foreach (var child in t.Children)
            {
                if (budget <= 0)
                {
                    break;
                }

                children.Add(Map(child));
            }

            return new TraceView(View(t.Node), t.Via is null ? null : Str(t.Via, "kind"), t.Via is null ? null : Str(t.Via, "quote"), t.Cycle, children);
        }
    }

    public IReadOnlyList<RelatedView>? Related(string id, int limit, DocumentFilter? filter = null)
    {
        if (Graph.Find(id) is null)
        {
            return null;
        }

        var related = filter is null || filter.IsEmpty ? Graph.Related(id, limit) : [.. Graph.Related(id, int.MaxValue).Where(r => filter.Matches(Graph, r.Node)).Take(limit)];
        return [.. related.Select(r => new RelatedView(View(r.Node), Math.Round(r.Score, 4), [.. r.Reasons.Select(x => new RelatedReasonView(x.Kind, x.Detail, Math.Round(x.Score, 4)))]))];
    }

    public MotionView? Motion(string id, int limit)
    {
        var motion = Graph.Find(id);
        if (motion is null)
        {
            return null;
        }

        // Core's one view of a motion (fate over its sources, sponsors at the motion's date, timeline, documents citing it);
        // for a motion that is only cited and whose fate no source gives, the fate's fields are empty.
        var title = motion.Name is { Length: > 0 } name && name != motion.Id ? name : null;
        if (Graph.Fate(motion.Id) is not { } fate)
        {
            return null;
        }

        var steps = Graph.Timeline(motion.Id);
        Graph.PrefetchNodes([.. steps.Take(limit).Select(e => e.DocumentId).Distinct(StringComparer.Ordinal)]);
        var summary = KvGraph.Core.Graph.Motions.Summary(Graph, motion);
        return new MotionView(
            View(motion),
            title,
            fate,
            [.. fate.Sponsors.Select(s => new SponsorView(s.Name, s.Party, s.PersonId))],
            [.. steps.Take(limit).Select(EventView)],
            summary.CitedBy,
            summary.CitedAfterVote,
            steps.Count > limit);
    }

    public MotionListView Motions(MotionFilter filter, int page, int pageSize)
    {
        // By sponsor party or dossier, every motion's people or stukken are asked: over the whole graph, not point by point.
        var all = filter == NoFilter
            ? Unfiltered()
            : (filter.SponsorParty is not null || filter.Dossier is not null ? source.WholeGraph : MotionGraph(listed: true)).List(filter, Summary);
        return new MotionListView(all.Count, page, pageSize, [.. all.Skip((page - 1) * pageSize).Take(pageSize)]);
    }

    public MotionStatsView MotionCounts() => state.Stats(ComputeStats);

    private MotionStatsView ComputeStats()
    {
        var advice = Unfiltered()
            .Where(m => m.CabinetAdvice is not null)
            .GroupBy(m => m.CabinetAdvice!, StringComparer.Ordinal)
            .Select(g => new AdviceCountView(g.Key, g.Count()))
            .OrderByDescending(a => a.Motions).ThenBy(a => a.Advice, StringComparer.Ordinal);
        return new MotionStatsView(MotionGraph(listed: false).Stats(), [.. advice]);
    }

    /// <summary>
    /// The graph Core lists motions over: over the store, its motions read by label (<see cref="CandidateGraph"/>), those
    /// not yet summed up in this version read ahead in batches (all of them when <paramref name="listed"/> is false: Core's
    /// counts sum every motion up anew); over any other graph, the graph itself.
    /// </summary>
    private ICitationGraph MotionGraph(bool listed) =>
        state.Motions(Graph) is { } motions
            ? new CandidateGraph(Graph, () => motions, listed ? n => state.Summaries.ContainsKey(n.Id) ? CandidateGraph.ReadAhead.None : CandidateGraph.ReadAhead.All : null)
            : Graph;

    /// <summary>The motions list without a filter.</summary>
    private static readonly MotionFilter NoFilter = new();

    /// <summary>Every motion newest first (the list without a filter), made once per version (<see cref="GraphVersionState.Unfiltered"/>).</summary>
    private IReadOnlyList<KvGraph.Core.Graph.MotionSummary> Unfiltered() => state.Unfiltered(() => MotionGraph(listed: true).List(NoFilter, Summary));

    private KvGraph.Core.Graph.MotionSummary Summary(GraphNode motion) => state.Summaries.GetOrAdd(motion.Id, _ => KvGraph.Core.Graph.Motions.Summary(Graph, motion));

    private MotionEventView EventView(MotionEvent e)
    {
        var node = Graph.Find(e.DocumentId);
        var inCorpus = node is not null && DocumentLabels.Contains(node.Label);
        return new MotionEventView(
            e.Date.Length > 0 ? e.Date : null, e.Kind, e.DocumentId, e.DocumentKind, e.Title is { Length: > 0 } t && t != e.DocumentId ? t : null, e.Quote, e.Detail, e.AfterVote,
            inCorpus, inCorpus ? null : node is null ? KvGraph.Core.Kinds.CitationKinds.OfficialUrl(e.DocumentId) : OfficialUrl(node));
    }

    private CitationView CitationOf(Citation c, ExtractedDocument doc)
    {
        string? href = null;
        var inCorpus = false;
        string? official = null;
        if (c.Target is { } target)
        {
            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var docPart = hash < 0 ? target : target[..hash];
            if (hash >= 0 && (docPart.Length == 0 || docPart == doc.Doc.Id || docPart == doc.Doc.PairedId))
            {
                // "Zie antwoord vraag 2" points inside this document (#a2 or <id>#a2).
                href = AnchorFor(target[hash..], doc);
                inCorpus = true;
            }
            else if (hash >= 0)
            {
                // An answer in another document: its page, at that answer.
                inCorpus = source.GetDocument(docPart) is not null;
                official = inCorpus ? null : KvGraph.Core.Kinds.CitationKinds.OfficialUrl(docPart);
                href = "doc.html?id=" + Uri.EscapeDataString(docPart) + "#item-" + Uri.EscapeDataString(target[(hash + 1)..]);
            }
            else
            {
                // The graph answers from memory; the store is asked only when the target may be an alias it resolves.
                inCorpus = Graph.Find(target) is { } t && DocumentLabels.Contains(t.Label) || source.GetDocument(target) is not null;
                official = inCorpus ? null : KvGraph.Core.Kinds.CitationKinds.OfficialUrl(target);
                var page = c.Kind == CitationKind.Motion ? "motion.html" : "doc.html";
                href = page + "?id=" + Uri.EscapeDataString(target);
            }
        }

        return new CitationView(KindName(c.Kind), c.Target, c.Sponsor, c.Quote, c.Start, c.End, c.Item, c.Confidence, inCorpus, href, official);
    }

    /// <summary>The citation as the graph resolved it: its node, and how the link was made (marked when uncertain).</summary>
    private CitationView WithLink(CitationView view, GraphEdge? edge)
    {
        if (edge is null)
        {
            return view;
        }

        var link = CitesEdge.From(edge);
        var target = Graph.Find(edge.Target);
        var inCorpus = target is not null && DocumentLabels.Contains(target.Label);
        var page = view.Kind == "motion" ? "motion.html" : "doc.html";
        return view with
        {
            Resolved = edge.Target,
            InCorpus = view.InCorpus || inCorpus,
            Href = view.Href is { } h && h.Contains('#', StringComparison.Ordinal) ? h : page + "?id=" + Uri.EscapeDataString(edge.Target),
            OfficialUrl = inCorpus ? null : view.OfficialUrl ?? KvGraph.Core.Kinds.CitationKinds.OfficialUrl(edge.Target),
            Method = link.Method,
            LinkConfidence = link.Confidence,
            Evidence = link.Evidence,
            Candidates = link.Candidates,
            LowConfidence = link.IsLowConfidence,
        };
    }

    private static MentionView Mention(GraphEdge edge)
    {
        var link = CitesEdge.From(edge);
        return new MentionView(Str(edge, "kind"), Str(edge, "quote"), Str(edge, "item"), link.Method, link.Confidence, link.Evidence, link.IsLowConfidence);
    }

    private static string? AnchorFor(string target, ExtractedDocument doc)
    {
        var number = new string([.. target.SkipWhile(ch => !char.IsAsciiDigit(ch)).TakeWhile(char.IsAsciiDigit)]);
        if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            var item = doc.Items.FirstOrDefault(i => i.Kind == ItemKind.Answer && i.Numbers.Contains(n))
                ?? doc.Items.FirstOrDefault(i => i.Numbers.Contains(n));
            if (item is not null)
            {
                return "#item-" + item.Id;
            }
        }

        return null;
    }

    /// <summary>Cuts the text into blocks (header, items, text between) and each block into plain and cited runs.</summary>
    private static List<BlockView> Blocks(ExtractedDocument doc, IReadOnlyList<CitationView> citations)
    {
        var text = doc.Text;
        var spans = new List<(int Start, int End, string Id, string Kind, IReadOnlyList<int> Numbers)>();
        var pos = 0;
        var ordered = doc.Items.Where(i => i.Start >= 0 && i.End <= text.Length && i.Start < i.End).OrderBy(i => i.Start).ToList();
        foreach (var item in ordered)
        {
            if (item.Start < pos)
            {
                continue;
            }

            if (item.Start > pos)
            {
                spans.Add((pos, item.Start, pos == 0 ? "header" : $"text-{pos}", pos == 0 ? "header" : "text", []));
            }

            spans.Add((item.Start, item.End, item.Id, item.Kind == ItemKind.Question ? "question" : "answer", item.Numbers));
            pos = item.End;
        }

        if (pos < text.Length)
        {
            spans.Add((pos, text.Length, pos == 0 ? "header" : $"text-{pos}", pos == 0 ? "header" : "text", []));
        }

        // Overlapping citations cannot both be highlighted: the earlier (then longer) one wins.
        var cites = citations.Where(c => c.Start >= 0 && c.End <= text.Length && c.Start < c.End)
            .OrderBy(c => c.Start).ThenByDescending(c => c.End).ToList();
        var blocks = new List<BlockView>();
        var ci = 0;
        foreach (var span in spans)
        {
            var segments = new List<SegmentView>();
            var at = span.Start;
            while (ci < cites.Count && cites[ci].Start < span.End)
            {
                var c = cites[ci];
                if (c.Start < at || c.End > span.End)
                {
                    // Starts before this run (overlap) or crosses the block boundary: left as plain text.
                    if (c.End > span.End && c.Start >= at)
                    {
                        break;
                    }

                    ci++;
                    continue;
                }

                if (c.Start > at)
                {
                    segments.Add(new SegmentView(text[at..c.Start], null));
                }

                segments.Add(new SegmentView(text[c.Start..c.End], c));
                at = c.End;
                ci++;
            }

            if (at < span.End)
            {
                segments.Add(new SegmentView(text[at..span.End], null));
            }

            // A citation crossing this block's end was not highlighted; skip it for the next block too.
            while (ci < cites.Count && cites[ci].Start < span.End)
            {
                ci++;
            }

            blocks.Add(new BlockView(span.Id, span.Kind, span.Numbers, segments));
        }

        return blocks;
    }

    private static DocumentDetailsView Details(ExtractedDocument doc)
    {
        var d = doc.Doc;

        // Only the file name: the server's folders are none of the page's business.
        return new DocumentDetailsView(
            KindName(d.Kind), d.Id, d.Title, d.Zaak, DutchDates.Iso(d.Submitted), DutchDates.Iso(d.Answered), DutchDates.Iso(d.Date), Shown(d.Askers), Shown(d.Answerers), d.PairedId,
            d.OwnIds, d.Topics, d.Sponsors, d.SourceUrl, doc.Format, Path.GetFileName(doc.File), doc.Metadata);
    }

    private static NodeView View(GraphNode node)
    {
        var inCorpus = DocumentLabels.Contains(node.Label);
        var official = inCorpus ? null : OfficialUrl(node);
        return new NodeView(node.Id, node.Label, node.Name, NodeDate(node), inCorpus, official, PublicProperties(node.Properties));
    }

    /// <summary>Node properties without the server's folders: a source file is shown by its name only.</summary>
    private static Dictionary<string, object?> PublicProperties(IReadOnlyDictionary<string, object?> properties)
    {
        var result = new Dictionary<string, object?>(properties.Count, StringComparer.Ordinal);
        foreach (var (key, value) in properties)
        {
            result[key] = key == "file" && value is string path ? Path.GetFileName(path) : value;
        }

        return result;
    }

    private static string? OfficialUrl(GraphNode node) =>
        node.Properties.TryGetValue("url", out var url) && url is string { Length: > 0 } u && u.StartsWith("https://", StringComparison.Ordinal)
            ? u
            : KvGraph.Core.Kinds.CitationKinds.OfficialUrl(node.Id);

    private static NodeView DocNode(ExtractedDocument doc) =>
        new(doc.Doc.Id, KindName(doc.Doc.Kind), doc.Doc.Title, DutchDates.Iso(doc.Doc.Date ?? doc.Doc.Answered ?? doc.Doc.Submitted), true, null, new Dictionary<string, object?>());

    private static NodeView Unknown(string id) =>
        new(id, NodeLabel.Placeholder, id, null, false, KvGraph.Core.Kinds.CitationKinds.OfficialUrl(id), new Dictionary<string, object?>());

    private static GraphNodeView GraphView(GraphNode node) =>
        new(node.Id, node.Label, node.Name, NodeDate(node), DocumentLabels.Contains(node.Label));

    private static GraphEdgeView EdgeView(GraphEdge edge)
    {
        var start = Int(edge, "start");
        var id = $"{edge.Source}|{edge.Type}|{edge.Target}|{start.ToString(CultureInfo.InvariantCulture)}";
        return new GraphEdgeView(id, edge.Source, edge.Target, edge.Type, Str(edge, "kind"), Str(edge, "quote"), Str(edge, "item"));
    }

    /// <summary>An answer inside the document itself (<c>ah-tk-…#a2</c>), which the page links in place rather than as a node.</summary>
    private static bool IsOwnItem(string document, string target) =>
        target.Length > document.Length && target[document.Length] == '#' && target.StartsWith(document, StringComparison.Ordinal);

    // Askers and answerers as a page shows them: the party by its display name ("GL" → "GroenLinks").
    private static List<Asker> Shown(IEnumerable<Asker> askers) => [.. askers.Select(a => a with { Party = Parties.DisplayName(a.Party) })];

    private static List<Answerer> Shown(IEnumerable<Answerer> answerers) => [.. answerers.Select(a => a with { Party = Parties.DisplayName(a.Party) })];

    internal static string? NodeDate(GraphNode node) => CitedByQuery.DateOf(node) is { Length: > 0 } date ? date : null;

    private static string? Str(GraphNode node, string key) =>
        node.Properties.TryGetValue(key, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

    private static string? Str(GraphEdge edge, string key) =>
        edge.Properties.TryGetValue(key, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

    private static int Int(GraphEdge edge, string key) =>
        edge.Properties.TryGetValue(key, out var v) && v is not null && int.TryParse(Convert.ToString(v, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : -1;

    private static string KindName<T>(T kind)
        where T : struct, Enum => kind.ToString().ToLowerInvariant();
}
