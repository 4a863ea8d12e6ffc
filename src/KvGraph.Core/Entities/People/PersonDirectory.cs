using KvGraph.Core.Graph;

namespace KvGraph.Core.Entities.People;

/// <summary>
/// The corpus half of <see cref="PersonIdentity"/>: which person each mention is, decided over every file's people and
/// mentions, never by file order. Two rules.
/// <para>
/// Short forms. "Van den Nieuwenhuijzen" (a motion's sponsor, <c>person:van-den-nieuwenhuijzen</c>) is "Van den
/// Nieuwenhuijzen-Wittens" (an asker) when the corpus has exactly one double name starting with that surname, that
/// double-named person has a party, and the corpus shows no separate person by the short name: a short-named person with
/// a party the double-named one never had (R.J. Dekker, FvD, beside H. Dekker-Abdulaziz, D66) is someone else.
/// </para>
/// <para>
/// Namesakes. A surname the corpus writes with different initials (the open-data ZaakActors I. (Inge), J.J. (Jasper),
/// D.J.H. (Diederik) van Dijk; S.H. (Sylvana) and C. (Chris) Simons) is as many people, one node each:
/// <c>person:van-dijk~jj</c>. Initials that are the start of one person's only ("S." of "S.H.") are that person. A mention
/// goes to the one person its evidence picks: its initials, else its first name (one the person is known by, or the
/// first initial of a person whose first name is not known), else its party at the document's date against the parties
/// the people's own records give them (<see cref="PartyMembership.PartyAt"/>); when nothing picks one person it stays
/// the plain surname node. A surname written with one set of initials, or none, keeps its id.
/// </para>
/// </summary>
public sealed class PersonDirectory
{
    private static readonly string[] PersonEdges = [EdgeType.AskedBy, EdgeType.AnsweredBy, EdgeType.SubmittedBy, EdgeType.Mentions];

    private readonly Dictionary<string, GraphNode> _shortForms;
    private readonly Dictionary<string, List<Namesake>> _namesakes;

    private PersonDirectory(Dictionary<string, GraphNode> shortForms, Dictionary<string, List<Namesake>> namesakes)
    {
        _shortForms = shortForms;
        _namesakes = namesakes;
    }

    /// <summary>A directory that maps nothing.</summary>
    public static PersonDirectory Empty { get; } = new([], []);

    /// <summary>Short-form person id → the double-named person's node, for every short form that is that person.</summary>
    public IReadOnlyDictionary<string, GraphNode> ShortForms => _shortForms;

    /// <summary>Surname id → the nodes of the different people the corpus shows by that surname (only shared surnames).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<GraphNode>> Namesakes =>
        _namesakes.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<GraphNode>)[.. kv.Value.Select(p => p.Node)], StringComparer.Ordinal);

    /// <summary>
    /// The directory of a corpus: its person nodes (any number of files' assertions) and its edges (the mentions'
    /// evidence on person edges, and MEMBER_OF with the document's date). The result depends only on the sets, never on order.
    /// </summary>
    public static PersonDirectory Of(IEnumerable<GraphNode> nodes, IEnumerable<GraphEdge> edges)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(edges);

        // The same person may come once per file: one node per id, named by the merge rule (CitationGraphs.Preferred).
        var people = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        foreach (var n in nodes.Where(n => n.Label == NodeLabel.Person))
        {
            people[n.Id] = people.TryGetValue(n.Id, out var known) && known.Name is { } k && n.Name is { } m
                ? known with { Name = (string?)CitationGraphs.Preferred(k, m) }
                : known ?? n;
        }

        var personEdges = edges.Where(e => e.Type == EdgeType.MemberOf ? IsPerson(e.Source) : IsPerson(e.Target) && PersonEdges.Contains(e.Type)).ToList();
        var shortForms = ShortFormsOf(people, personEdges.Where(e => e.Type == EdgeType.MemberOf));
        string Short(string id) => shortForms.TryGetValue(id, out var full) ? full.Id : id;

        // Every mention with initials, by the person id it was asserted under.
        var mentions = new Dictionary<string, List<(PersonMention Mention, GraphEdge Edge)>>(StringComparer.Ordinal);
        foreach (var e in personEdges)
        {
            var mention = PersonMention.From(e.Properties);
            if (mention.InitialsKey is null)
            {
                continue;
            }

            var id = Short(e.Type == EdgeType.MemberOf ? e.Source : e.Target);
            if (!mentions.TryGetValue(id, out var list))
            {
                mentions[id] = list = [];
            }

            list.Add((mention, e));
        }

        var namesakes = new Dictionary<string, List<Namesake>>(StringComparer.Ordinal);
        foreach (var (id, list) in mentions)
        {
            var keys = list.Select(m => m.Mention.InitialsKey!).ToHashSet(StringComparer.Ordinal);
            var distinct = keys.Where(k => !keys.Any(o => o.Length > k.Length && o.StartsWith(k, StringComparison.Ordinal))).Order(StringComparer.Ordinal).ToList();
            if (distinct.Count < 2)
            {
                continue; // one set of initials: one person, the surname keeps its id
            }

            var surname = people.TryGetValue(id, out var node) ? node.Name ?? PersonIdentity.DisplayName(id) : PersonIdentity.DisplayName(id);
            var found = distinct.ToDictionary(k => k, k => new Namesake(id, k), StringComparer.Ordinal);
            foreach (var (mention, edge) in list)
            {
                var owners = distinct.Where(k => k.StartsWith(mention.InitialsKey!, StringComparison.Ordinal)).ToList();
                if (owners.Count == 1)
                {
                    found[owners[0]].Add(mention, edge);
                }
            }

            namesakes[id] = [.. distinct.Select(k => found[k].Complete(surname))];
        }

        return new PersonDirectory(shortForms, namesakes);
    }

    /// <summary>
    /// The person a mention names: <paramref name="personId"/> as the file asserted it (<c>person:van-dijk</c>), the
    /// mention's initials and first name, and the party it gave at <paramref name="date"/>.
    /// </summary>
    public string IdOf(string personId, PersonMention mention, string? party, string? date)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        ArgumentNullException.ThrowIfNull(mention);
        var id = _shortForms.TryGetValue(personId, out var full) ? full.Id : personId;
        if (!_namesakes.TryGetValue(id, out var people))
        {
            return id;
        }

        IReadOnlyList<Namesake> candidates = people;
        if (mention.InitialsKey is { } initials)
        {
            candidates = [.. people.Where(p => p.Initials.StartsWith(initials, StringComparison.Ordinal))];
        }
        else if (mention.FirstNameKey is { } first)
        {
            candidates = [.. people.Where(p => p.FirstNames.Contains(first))];
            if (candidates.Count == 0)
            {
                candidates = [.. people.Where(p => p.FirstNames.Count == 0 && p.Initials[0] == first[0])];
            }
        }

        if (mention.IsKnown && candidates.Count <= 1)
        {
            return candidates.Count == 1 ? candidates[0].Node.Id : id; // initials or a first name no one here has: someone else
        }

        if (party is not null)
        {
            var at = candidates.Where(p => PartyMembership.PartyAt(p.MemberOf, date) == party).ToList();
            if (at.Count == 1)
            {
                return at[0].Node.Id;
            }

            var ever = candidates.Where(p => p.MemberOf.Any(e => e.Target == party)).ToList();
            if (ever.Count == 1)
            {
                return ever[0].Node.Id;
            }
        }

        return id; // nothing tells which of them: the surname
    }

    /// <summary>
    /// Everything <see cref="IdOf"/> and <see cref="Apply"/> decide a mention of <paramref name="personId"/> (as a file
    /// asserts it) by, as text: the double-named person its short form is, and the people who share the surname it stands
    /// for, each with the initials, first names and memberships that pick them. Two directories that describe an id alike
    /// put every mention of it on the same person; an incremental build re-resolves the files naming an id whose
    /// description a change of persons elsewhere altered.
    /// </summary>
    public string Describe(string personId)
    {
        ArgumentNullException.ThrowIfNull(personId);
        var text = new System.Text.StringBuilder();
        var id = personId;
        if (_shortForms.TryGetValue(personId, out var full))
        {
            text.Append("short ").Append(full.Id).Append(' ').Append(full.Label).Append(' ').Append(full.Name);
            id = full.Id;
        }

        foreach (var surname in new[] { personId, id }.Distinct(StringComparer.Ordinal))
        {
            foreach (var p in _namesakes.GetValueOrDefault(surname) ?? [])
            {
                text.Append("\nnamesake ").Append(surname).Append(' ').Append(p.Node.Id).Append(' ').Append(p.Node.Name).Append(' ').Append(p.Initials)
                    .Append(" props ").AppendJoin(';', p.Node.Properties.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"))
                    .Append(" first ").AppendJoin(';', p.FirstNames.Order(StringComparer.Ordinal))
                    .Append(" member ").AppendJoin(';', p.MemberOf.Select(e => $"{e.Target}@{string.Join(',', e.Properties.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"))}").Order(StringComparer.Ordinal));
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// One file's facts with every person mention on the person it names (short forms on the double-named person,
    /// namesakes apart), as the assembled graph has them; <see cref="CitationGraphs.Assemble"/> and the store's change feed
    /// both call this, so what is pushed per file agrees with the graph.
    /// </summary>
    public DocumentFacts Apply(DocumentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!facts.Nodes.Any(n => _shortForms.ContainsKey(n.Id) || _namesakes.ContainsKey(n.Id)))
        {
            return facts;
        }

        // The party and date this file gives each mention: its MEMBER_OF edge with the same evidence.
        var parties = new Dictionary<(string, string), (string Party, string? Date)>();
        foreach (var e in facts.Edges.Where(e => e.Type == EdgeType.MemberOf && IsPerson(e.Source)).OrderBy(e => e.Target, StringComparer.Ordinal))
        {
            parties.TryAdd((e.Source, PersonMention.From(e.Properties).Key), (e.Target, e.Properties.GetValueOrDefault("date") as string));
        }

        string Mapped(string id, PersonMention mention, string? party, string? date) =>
            _shortForms.ContainsKey(id) || _namesakes.ContainsKey(id) ? IdOf(id, mention, party, date) : id;

        var edges = new List<GraphEdge>(facts.Edges.Count);
        var used = new List<string>();
        foreach (var e in facts.Edges)
        {
            var edge = e;
            if (e.Type == EdgeType.MemberOf && IsPerson(e.Source))
            {
                var source = Mapped(e.Source, PersonMention.From(e.Properties), e.Target, e.Properties.GetValueOrDefault("date") as string);
                edge = source == e.Source ? e : new GraphEdge(source, e.Target, e.Type, e.Properties);
                used.Add(source);
            }
            else if (IsPerson(e.Target) && PersonEdges.Contains(e.Type))
            {
                var mention = PersonMention.From(e.Properties);
                var (party, date) = parties.TryGetValue((e.Target, mention.Key), out var p) ? p : (null, null);
                var target = Mapped(e.Target, mention, party, date);
                edge = target == e.Target ? e : new GraphEdge(e.Source, target, e.Type, e.Properties);
                used.Add(target);
            }
            else if (_shortForms.TryGetValue(e.Source, out var s) || _shortForms.TryGetValue(e.Target, out s))
            {
                edge = new GraphEdge(_shortForms.TryGetValue(e.Source, out var a) ? a.Id : e.Source, _shortForms.TryGetValue(e.Target, out var b) ? b.Id : e.Target, e.Type, e.Properties);
            }

            edges.Add(edge);
        }

        var namesakeNodes = _namesakes.Values.SelectMany(l => l).ToDictionary(p => p.Node.Id, StringComparer.Ordinal);
        var usedSet = used.ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var nodes = new List<GraphNode>(facts.Nodes.Count);
        foreach (var n in facts.Nodes)
        {
            if (_shortForms.TryGetValue(n.Id, out var full))
            {
                var node = new GraphNode(full.Id, full.Label, full.Name, new Dictionary<string, object?>(n.Properties, StringComparer.Ordinal) { ["name"] = full.Name });
                if (seen.Add(node.Id))
                {
                    nodes.Add(node);
                }
            }
            else if (_namesakes.ContainsKey(n.Id))
            {
                // The people this file's mentions of the surname name, and the surname itself when a mention stays on it.
                var named = used.Where(u => namesakeNodes.TryGetValue(u, out var p) && p.SurnameId == n.Id).ToList();
                if ((usedSet.Contains(n.Id) || named.Count == 0) && seen.Add(n.Id))
                {
                    nodes.Add(n);
                }

                foreach (var u in named.Where(seen.Add))
                {
                    nodes.Add(namesakeNodes[u].Node);
                }
            }
            else if (seen.Add(n.Id))
            {
                nodes.Add(n);
            }
        }

        var structural = new HashSet<(string, string, string)>();
        return new DocumentFacts(facts.File, facts.DocumentIds, nodes,
            [.. edges.Where(e => e.Properties.ContainsKey("start") || e.Type == EdgeType.MemberOf || structural.Add((e.Source, e.Target, e.Type)))]);
    }

    private static bool IsPerson(string id) => id.StartsWith(PersonIdentity.Prefix, StringComparison.Ordinal);

    private static Dictionary<string, GraphNode> ShortFormsOf(Dictionary<string, GraphNode> people, IEnumerable<GraphEdge> memberOf)
    {
        var parties = memberOf
            .GroupBy(e => e.Source, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Target).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

        var doubles = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var p in people.Values)
        {
            if (PersonIdentity.ShortFormId(p.Name ?? p.Id) is { } shortId && shortId != p.Id)
            {
                if (!doubles.TryGetValue(shortId, out var set))
                {
                    doubles[shortId] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(p.Id);
            }
        }

        var map = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        foreach (var (shortId, candidates) in doubles)
        {
            if (candidates.Count != 1 || !people.ContainsKey(shortId))
            {
                continue;
            }

            var full = candidates.Min!;
            var shortParties = parties.GetValueOrDefault(shortId);
            var fullParties = parties.GetValueOrDefault(full);
            // The double-named person must be known as a member (a party) — "amendement Klaver-Westerveld" names no person —
            // and the short form must show no party that person never had.
            if (fullParties is not null && (shortParties is null || shortParties.All(fullParties.Contains)))
            {
                map[shortId] = people[full];
            }
        }

        return map;
    }

    /// <summary>One of several people who share a surname, as the corpus's mentions with initials show them.</summary>
    private sealed class Namesake(string surnameId, string initials)
    {
        private readonly SortedSet<string> _writtenInitials = new(StringComparer.Ordinal);
        private readonly SortedSet<string> _writtenFirstNames = new(StringComparer.Ordinal);
        private readonly List<GraphEdge> _memberOf = [];

        /// <summary>The id of the surname the person shares (<c>person:van-dijk</c>).</summary>
        public string SurnameId { get; } = surnameId;

        /// <summary>The initials' letters that tell this person apart ("jj").</summary>
        public string Initials { get; } = initials;

        /// <summary>The first names (folded) the person's mentions give with these initials.</summary>
        public HashSet<string> FirstNames { get; } = new(StringComparer.Ordinal);

        /// <summary>The person's MEMBER_OF evidence (party and date) from mentions with these initials.</summary>
        public IReadOnlyList<GraphEdge> MemberOf => _memberOf;

        public GraphNode Node { get; private set; } = null!;

        public void Add(PersonMention mention, GraphEdge edge)
        {
            _writtenInitials.Add(mention.Initials!);
            if (mention.FirstName is not null)
            {
                _writtenFirstNames.Add(mention.FirstName);
                FirstNames.Add(mention.FirstNameKey!);
            }

            if (edge.Type == EdgeType.MemberOf)
            {
                _memberOf.Add(edge);
            }
        }

        public Namesake Complete(string surname)
        {
            // The written forms chosen by the merge rule (more diacritics, longer, ordinal first), never by order.
            var written = _writtenInitials.Aggregate((string?)null, (a, b) => a is null ? b : (string?)CitationGraphs.Preferred(a, b)) ?? Initials.ToUpperInvariant();
            var first = _writtenFirstNames.Aggregate((string?)null, (a, b) => a is null ? b : (string?)CitationGraphs.Preferred(a, b));
            var shown = $"{first ?? written} {InRunningText(surname)}";
            var props = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = shown,
                ["surname"] = surname,
                [PersonMention.InitialsProperty] = written,
            };
            if (first is not null)
            {
                props[PersonMention.FirstNameProperty] = first;
            }

            Node = new GraphNode($"{SurnameId}~{Initials}", NodeLabel.Person, shown, props);
            return this;
        }

        // "Van Dijk" after a first name is "van Dijk" (Jasper van Dijk); a surname without a tussenvoegsel is as it is.
        private static string InRunningText(string surname)
        {
            var space = surname.IndexOf(' ', StringComparison.Ordinal);
            return space > 0 && PersonIds.IsParticle(surname[..space]) ? char.ToLowerInvariant(surname[0]) + surname[1..] : surname;
        }
    }
}
