using KvGraph.Core.Graph;

namespace KvGraph.Store.Sqlite;

/// <summary>
/// What the whole-graph figures (<see cref="ResolvedFacts"/>: the cases, the populations, the stats counts) read of the
/// resolved tables, gathered from the resolved files as the commit's feed writes them, when that feed rewrites every file
/// (a first build): the figures are then computed from these instead of scanning the tables they were just written to
/// (the document rows with their <c>zaak</c> and <c>kind</c>, the ANSWERS edges, the CITES edges, the DISTINCT sets of
/// node ids and edge keys: ~7 CPU-s of the writer thread at 100,000 documents, on the commit's critical path). The files
/// are added on the feed's resolve thread (<see cref="AddFile"/>, one batch after another), the features by the writer
/// (<see cref="AddFeature"/>); both are read once the feed is done. Every rule here is the one the SQL of
/// <see cref="ResolvedFacts"/> applies, in the order its query plans give the rows (where the order counts, said below).
/// </summary>
internal sealed class WholeGraphTally(IReadOnlyDictionary<string, long> fileIds, IReadOnlySet<string> documentLabels)
{
    private readonly List<(long File, long Seq, string Id, string Label, string? Zaak, string? Kind)> _documents = [];
    private readonly List<(string Source, string Target)> _answers = [];
    private readonly List<(string Target, string Kind)> _positionedCites = [];
    private readonly Dictionary<(string Source, string Target), (long File, long Seq, string Kind)> _unpositionedCites = [];
    private readonly HashSet<(string Source, string Target, string Type)> _unpositionedEdges = [];
    private readonly HashSet<(string Source, string Target)> _memberships = [];
    private long _positionedEdges;

    /// <summary>
    /// False once a property the figures read (a document's <c>zaak</c> or <c>kind</c>, a citation's <c>kind</c>) held
    /// something other than a string or nothing: <c>json_extract</c> turns such a value into text by SQLite's rules, which
    /// this does not copy, so the figures are then read from the tables as before.
    /// </summary>
    public bool Usable { get; private set; } = true;

    /// <summary>Every node id of the resolved rows (<c>count(DISTINCT id) FROM rnodes</c>).</summary>
    public HashSet<string> NodeIds { get; } = new(StringComparer.Ordinal);

    /// <summary>The ids of the nodes that are not placeholders (<c>DISTINCT id FROM rnodes WHERE label &lt;&gt; 'Placeholder'</c>).</summary>
    public HashSet<string> Asserted { get; } = new(StringComparer.Ordinal);

    /// <summary>The features written (<c>rfeatures</c>: doc, type, label), in any order: the populations are sets.</summary>
    public List<(string Doc, string Type, string Label)> Features { get; } = [];

    /// <summary>The edges counted once per key (<see cref="ResolvedFacts"/>' edge count): positioned ones each, others by key, memberships by (source, target).</summary>
    public long Edges => _positionedEdges + _unpositionedEdges.Count + _memberships.Count;

    /// <summary>One resolved file as the feed writes it (its rows' <c>seq</c> are the positions in its lists); a file the feed skips (not in the store's files) is skipped here too.</summary>
    public void AddFile(DocumentFacts facts)
    {
        if (!fileIds.TryGetValue(facts.File, out var file))
        {
            return;
        }

        var seq = 0L;
        foreach (var n in facts.Nodes)
        {
            NodeIds.Add(n.Id);
            if (n.Label != NodeLabel.Placeholder)
            {
                Asserted.Add(n.Id);
            }

            if (documentLabels.Contains(n.Label))
            {
                _documents.Add((file, seq, n.Id, n.Label, Text(n.Properties, "zaak"), Text(n.Properties, "kind")));
            }

            seq++;
        }

        seq = 0;
        foreach (var e in facts.Edges)
        {
            var positioned = e.Properties.ContainsKey("start");
            if (e.Type == EdgeType.MemberOf)
            {
                _memberships.Add((e.Source, e.Target));
            }
            else if (positioned)
            {
                _positionedEdges++;
            }
            else
            {
                _unpositionedEdges.Add((e.Source, e.Target, e.Type));
            }

            if (e.Type == EdgeType.Answers)
            {
                _answers.Add((e.Source, e.Target));
            }
            else if (e.Type == EdgeType.Cites)
            {
                var kind = Text(e.Properties, "kind") ?? "?";
                if (positioned)
                {
                    _positionedCites.Add((e.Target, kind));
                }
                else if (!_unpositionedCites.TryGetValue((e.Source, e.Target), out var first) || (file, seq).CompareTo((first.File, first.Seq)) < 0)
                {
                    // Of an unpositioned (source, target) pair the counts take the first row in redges_cites_keys' order
                    // (target, type, source, file_id, seq): the lowest (file, seq).
                    _unpositionedCites[(e.Source, e.Target)] = (file, seq, kind);
                }
            }

            seq++;
        }
    }

    /// <summary>One feature row the writer wrote.</summary>
    public void AddFeature(string doc, string type, string label) => Features.Add((doc, type, label));

    /// <summary>The document rows with their file's rank (files in path order) and seq, as the whole-graph figures read them.</summary>
    public List<(int Rank, long Seq, string Id, string Label, string? Zaak, string? Kind)> DocumentRows(IReadOnlyDictionary<long, int> rank) =>
        [.. _documents.Where(d => rank.ContainsKey(d.File)).Select(d => (rank[d.File], d.Seq, d.Id, d.Label, d.Zaak, d.Kind))];

    /// <summary>
    /// The ANSWERS edges in the order <c>redges_answers</c> (source, target, then rowid: the feed's order) gives them: each
    /// source's answers ordered by target as SQLite orders text (by code point, as UTF-8 bytes compare).
    /// </summary>
    public IEnumerable<(string Source, string Target)> Answers() =>
        _answers.OrderBy(a => a.Source, SqliteTextOrder.Instance).ThenBy(a => a.Target, SqliteTextOrder.Instance);

    /// <summary>The citations the counts count (every positioned one, each unpositioned pair once), with their kind.</summary>
    public IEnumerable<(string Target, string Kind)> CountedCitations() =>
        _positionedCites.Concat(_unpositionedCites.Select(kv => (kv.Key.Target, kv.Value.Kind)));

    // json_extract's value for a string property, null for a missing or null one; anything else leaves the tally unusable.
    private string? Text(IReadOnlyDictionary<string, object?> props, string key)
    {
        if (!props.TryGetValue(key, out var value) || value is null)
        {
            return null;
        }

        if (value is string text)
        {
            return text;
        }

        Usable = false;
        return null;
    }
}
