using System.Globalization;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Text;

namespace KvGraph.Core.Graph;

/// <summary>
/// Turns one extracted document into the graph facts its file asserts. Citation targets stay as extracted
/// (an alias like a zaak number is only linked to its document when the graph is assembled, see
/// <see cref="Resolution.Resolver"/>), so a file's facts never depend on other files.
/// <list type="bullet">
/// <item>The document node, labelled by kind; for an answer also its paired question (<c>kv-tk-&lt;zaak&gt;</c>) and ANSWERS answer→question.</item>
/// <item>ASKED_BY question→person (from the question node, or the document itself when there is no pair), ANSWERED_BY answer→person
/// (property office) and answer→office (property person), MEMBER_OF person→party.</item>
/// <item>Motions: SUBMITTED_BY motion→person, IN_DOSSIER motion→dossier.</item>
/// <item>CITES from the document node (also for citations in question items: the file is one document in the graph) with
/// kind, quote, start, end, item, confidence and, when present, sponsor, sponsors, reference, corrected, original, date, subject.
/// A cited Kamerstuk also gets IN_DOSSIER kst→dossier. An unnumbered motion cites <c>motion:&lt;first sponsor&gt;</c>.</item>
/// <item>REFERS_TO for intra-document answer references (<c>#a2</c>): a self-edge on the document node with properties
/// item (where the reference stands), to (the item referred to, <c>a2</c>), quote, start, end. Self-edges keep the graph free of
/// item nodes, which no query needs; trace and related ignore them.</item>
/// <item>MENTIONS document→country/organisation/person for entities in the text; ABOUT document→topic.</item>
/// <item>Motions' fate: the record's outcome, votes and cabinet advice as node properties; VOTED party→motion per party vote
/// (the record's Stemming rows, the Handelingen' finding); RECORDS_VOTE Handelingen→motion with the chair's result.</item>
/// </list>
/// </summary>
public static class GraphFacts
{
    /// <summary>The facts one extracted document asserts.</summary>
    public static DocumentFacts Facts(ExtractedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var b = new FactsBuilder();
        var doc = document.Doc;
        var docId = doc.Id;
        var ids = new List<string> { docId };

        b.Node(docId, LabelOf(doc.Kind), doc.Title ?? docId, DocumentProperties(document));

        // The question the answer answers: a document in its own right (the answer file carries its text).
        var questionId = docId;
        if (doc.Kind == DocumentKind.Answer && (doc.PairedId ?? (doc.Zaak is { } z ? Ids.Question(z) : null)) is { } paired && paired != docId)
        {
            questionId = paired;
            ids.Add(paired);
            b.Node(paired, NodeLabel.Question, doc.Title ?? paired, Props(
                ("id", paired), ("kind", "question"), ("title", doc.Title), ("date", DutchDates.Iso(doc.Submitted)), ("submitted", DutchDates.Iso(doc.Submitted)),
                ("zaak", doc.Zaak), ("file", document.File), ("format", document.Format), ("url", Kinds.CitationKinds.OfficialUrl(paired))));
            b.Edge(docId, paired, EdgeType.Answers, Props());
        }

        foreach (var asker in doc.Askers)
        {
            var (person, mention) = PersonNode(b, asker.Name, asker.Party, DutchDates.Iso(doc.Submitted) ?? DocumentDate(doc));
            b.Edge(questionId, person, EdgeType.AskedBy, Props([("party", asker.Party), .. mention]));
        }

        foreach (var answerer in doc.Answerers)
        {
            var (person, mention) = PersonNode(b, answerer.Name, answerer.Party, DocumentDate(doc));
            b.Edge(docId, person, EdgeType.AnsweredBy, Props([("office", answerer.Office), .. mention]));
            if (!string.IsNullOrWhiteSpace(answerer.Office))
            {
                var office = NodeIds.Office(answerer.Office);
                b.Node(office, NodeLabel.Office, answerer.Office, Props(("name", answerer.Office)));
                b.Edge(docId, office, EdgeType.AnsweredBy, Props(("person", answerer.Name)));
            }
        }

        if (doc.Kind == DocumentKind.Motion || doc.Kind == DocumentKind.Kamerstuk)
        {
            var sponsorParties = document.Entities
                .Where(e => e.Kind == EntityKind.Person && e.Party is not null)
                .GroupBy(e => NodeIds.Person(e.Name))
                .ToDictionary(g => g.Key, g => g.First().Party);
            var occurrence = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var sponsor in doc.Sponsors)
            {
                // The k-th sponsor of a name is the k-th sponsor entity of that name: two Van Dijks may sign one motion.
                var k = occurrence[sponsor] = occurrence.GetValueOrDefault(sponsor) + 1;
                var entity = document.Entities.Where(e => e.Kind == EntityKind.Person && e.Role == "sponsor" && e.Name == sponsor).Skip(k - 1).FirstOrDefault();
                var party = entity is null ? sponsorParties.GetValueOrDefault(NodeIds.Person(sponsor)) : entity.Party;
                var (person, mention) = PersonNode(b, sponsor, party, DocumentDate(doc), entity?.Initials, entity?.FirstName);
                b.Edge(docId, person, EdgeType.SubmittedBy, Props(mention));
            }

            if (doc.Dossier is { } dossier)
            {
                var dossierId = DossierNode(b, dossier);
                b.Edge(docId, dossierId, EdgeType.InDossier, Props());
            }
        }

        foreach (var c in document.Citations)
        {
            Cite(b, docId, document, c);
        }

        // A motion's own fate (the open-data record): how each party voted, asserted by the record.
        if (doc.Fate is { } fate)
        {
            foreach (var v in fate.PartyVotes)
            {
                b.Edge(PartyNode(b, v.Party), docId, EdgeType.Voted, Props(
                    ("vote", v.Vote), ("seats", v.Seats), ("mistake", v.Mistake ? true : null), ("source", docId), ("date", DutchDates.Iso(fate.Date))));
            }
        }

        // Votes on other motions this document records (the Handelingen): the result, and each party named.
        foreach (var v in document.Votes)
        {
            var f = v.Fate;
            var date = DutchDates.Iso(f.Date) ?? DocumentDate(doc);
            b.Edge(docId, v.Target, EdgeType.RecordsVote, Props(
                ("outcome", f.Outcome), ("decision", f.Decision), ("voteKind", f.VoteKind), ("votesFor", f.VotesFor), ("votesAgainst", f.VotesAgainst),
                ("unanimous", f.Unanimous ? true : null), ("othersVoted", f.OthersVoted), ("date", date),
                ("quote", v.Quote), ("start", v.Start), ("end", v.End)));
            foreach (var p in f.PartyVotes)
            {
                b.Edge(PartyNode(b, p.Party), v.Target, EdgeType.Voted, Props(
                    ("vote", p.Vote), ("seats", p.Seats), ("mistake", p.Mistake ? true : null), ("source", docId), ("date", date),
                    ("quote", v.Quote), ("start", v.Start), ("end", v.End)));
            }
        }

        foreach (var e in document.Entities)
        {
            Mention(b, docId, e, doc);
        }

        foreach (var topic in doc.Topics)
        {
            var id = NodeIds.Topic(topic);
            b.Node(id, NodeLabel.Topic, topic, Props(("name", topic)));
            b.Edge(docId, id, EdgeType.About, Props(("source", "metadata")));
        }

        return new DocumentFacts(document.File, ids, b.Nodes, b.Edges);
    }

    /// <summary>The node label of a document kind.</summary>
    public static string LabelOf(DocumentKind kind) => kind switch
    {
        DocumentKind.Question => NodeLabel.Question,
        DocumentKind.Answer => NodeLabel.Answer,
        DocumentKind.Letter => NodeLabel.Letter,
        DocumentKind.Motion => NodeLabel.Motion,
        DocumentKind.Kamerstuk => NodeLabel.Kamerstuk,
        DocumentKind.Handelingen => NodeLabel.Handelingen,
        DocumentKind.Deferral => NodeLabel.Deferral,
        DocumentKind.Placeholder => NodeLabel.Placeholder,
        _ => NodeLabel.Document,
    };

    /// <summary>True for labels of document nodes (including placeholders).</summary>
    public static bool IsDocumentLabel(string label) => label is NodeLabel.Document or NodeLabel.Question or NodeLabel.Answer or NodeLabel.Letter
        or NodeLabel.Motion or NodeLabel.Kamerstuk or NodeLabel.Handelingen or NodeLabel.Deferral or NodeLabel.Placeholder;

    /// <summary>The raw CITES target of a citation: its target, or for an unnumbered motion <c>motion:&lt;first sponsor&gt;</c>.</summary>
    public static string? TargetOf(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        if (citation.Target is { Length: > 0 } t)
        {
            return t;
        }

        var sponsor = citation.Sponsors.FirstOrDefault() ?? FirstSponsor(citation.Sponsor);
        return sponsor is null ? null : NodeIds.UnnumberedMotion(sponsor);
    }

    private static void Cite(FactsBuilder b, string docId, ExtractedDocument document, Citation c)
    {
        var kind = ExtractionJson.Name(c.Kind);
        string? fragment = null;
        if (c.Target is { } t && t.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0)
        {
            // "Zie antwoord vraag 2": "<own id>#a2" (or "#a2") is a reference inside the document.
            var baseId = t[..hash];
            fragment = t[(hash + 1)..];
            if (baseId.Length == 0 || baseId == docId || baseId == document.Doc.PairedId || document.Doc.OwnIds.Contains(baseId))
            {
                b.Edge(docId, docId, EdgeType.RefersTo, Props(
                    ("item", c.Item), ("to", fragment), ("quote", c.Quote), ("start", c.Start), ("end", c.End)));
                return;
            }

            // An answer in another document: cite the document, keep the item.
            c = c with { Target = baseId };
        }

        if (TargetOf(c) is not { } target)
        {
            return;
        }

        // Identity evidence the resolver weighs later: a letter's sender, the words around an unnumbered motion.
        string? sender = null;
        string? context = null;
        if (c.Kind == CitationKind.Letter && target.StartsWith("letter:", StringComparison.Ordinal))
        {
            sender = Resolution.Senders.NamedIn(c.Quote) ?? document.Doc.Answerers.Select(a => Resolution.Senders.FromOffice(a.Office)).FirstOrDefault(x => x is not null);
            target = Resolution.LetterIdentity.Key(DutchDates.Iso(c.Date) ?? target["letter:".Length..], sender);
        }
        else if (c.Target is null)
        {
            context = string.Join(' ', ContentWords.Of(Window(document.Text, c.Start, c.End)).Order(StringComparer.Ordinal));
        }

        var method = c.Target is null ? Resolution.LinkMethod.Unresolved : c.Corrected ? Resolution.LinkMethod.OcrRepair
            : c.Footnote is not null ? Resolution.LinkMethod.Footnote : Resolution.LinkMethod.ExplicitId;
        b.Add(new CitesEdge(docId, target, kind, c.Quote, c.Start, c.End)
        {
            Item = c.Item,
            Confidence = c.Confidence,
            Method = method,
            Sender = sender,
            Context = context,
            Sponsor = c.Sponsor,
            Sponsors = c.Sponsors.Count > 0 ? string.Join("; ", c.Sponsors) : null,
            Reference = c.Reference,
            Corrected = c.Corrected,
            Original = c.OriginalText,
            Date = DutchDates.Iso(c.Date),
            Subject = c.Subject,
            Fragment = fragment,
            Footnote = c.Footnote,
            DocDate = DocumentDate(document.Doc),
        }.ToEdge());

        if (target.StartsWith("kst-", StringComparison.Ordinal) && Ids.DossierOfKamerstuk(target) is { } dossier)
        {
            b.Edge(target, DossierNode(b, dossier), EdgeType.InDossier, Props());
        }
        else if (target.StartsWith("dossier:", StringComparison.Ordinal))
        {
            DossierNode(b, target["dossier:".Length..]);
        }

        // Sponsors named with a numbered motion: the person submitted it (asserted by the citing file, which has the evidence).
        if (c.Kind == CitationKind.Motion && c.Target is not null)
        {
            foreach (var s in c.Sponsors)
            {
                var (person, mention) = PersonNode(b, s, null, null);
                b.Edge(target, person, EdgeType.SubmittedBy, Props([("source", "citation"), .. mention]));
            }
        }
    }

    /// <summary>The text around a mention, as far as the sentences on either side reach (at most 300 characters each way).</summary>
    private static string Window(string text, int start, int end)
    {
        var from = Math.Max(0, start - 300);
        var to = Math.Min(text.Length, end + 300);
        return from < to ? text[from..to] : string.Empty;
    }

    private static void Mention(FactsBuilder b, string docId, Entity e, DocumentInfo doc)
    {
        string? id = null;
        (string, object?)[] evidence = [];
        string? label = null;
        switch (e.Kind)
        {
            case EntityKind.Country:
                id = NodeIds.Country(e.Id);
                label = NodeLabel.Country;
                break;
            case EntityKind.Organisation:
                id = NodeIds.Organisation(e.Id);
                label = NodeLabel.Organisation;
                break;
            case EntityKind.Person when e.Role is null or "mentioned" or "minister":
                (id, evidence) = PersonNode(b, e.Name, e.Party, DocumentDate(doc), e.Initials, e.FirstName);
                break;
            case EntityKind.Topic:
                id = NodeIds.Topic(e.Id);
                b.Node(id, NodeLabel.Topic, e.Name, Props(("name", e.Name)));
                b.Edge(docId, id, EdgeType.About, Props(("quote", e.Quote), ("start", e.Start), ("end", e.End)));
                return;
            default:
                return;
        }

        if (label is not null)
        {
            b.Node(id, label, e.Name, Props(("name", e.Name), ("code", e.Kind == EntityKind.Country ? e.Id : null)));
        }

        b.Edge(docId, id, EdgeType.Mentions, Props([("kind", ExtractionJson.Name(e.Kind)), ("quote", e.Quote), ("start", e.Start), ("end", e.End), ("item", e.Item), ("role", e.Role), .. evidence]));
    }

    // A person node carries only what every file says alike (its identity and display name, Entities.People.PersonIdentity);
    // the party is time-bound, so it is a MEMBER_OF edge dated by this document (Entities.People.PartyMembership), and the
    // party node is named by Parties.DisplayName whatever spelling this file used. The mention's initials and first name
    // (Entities.People.PersonMention) go on its edges and on MEMBER_OF: the evidence that tells namesakes apart, weighed
    // over the corpus by Entities.People.PersonDirectory.
    private static (string Id, (string, object?)[] Mention) PersonNode(FactsBuilder b, string name, string? party, string? date, string? initials = null, string? firstName = null)
    {
        var id = NodeIds.Person(name);
        var display = Entities.People.PersonIdentity.DisplayName(name);
        var mention = Entities.People.PersonMention.Of(name, initials, firstName).Properties().ToArray();
        b.Node(id, NodeLabel.Person, display, Props(("name", display)));
        if (!string.IsNullOrWhiteSpace(party))
        {
            var partyId = PartyNode(b, party);
            var props = Entities.People.PartyMembership.EdgeProperties(date);
            foreach (var (k, v) in mention)
            {
                props[k] = v;
            }

            b.Edge(id, partyId, EdgeType.MemberOf, props);
        }

        return (id, mention);
    }

    private static string PartyNode(FactsBuilder b, string party)
    {
        var partyId = NodeIds.Party(party);
        var partyName = Entities.Parties.DisplayName(partyId);
        b.Node(partyId, NodeLabel.Party, partyName, Props(("name", partyName)));
        return partyId;
    }

    private static string DossierNode(FactsBuilder b, string dossier)
    {
        var id = dossier.StartsWith("dossier:", StringComparison.Ordinal) ? dossier : $"dossier:{dossier}";
        var number = id["dossier:".Length..];
        b.Node(id, NodeLabel.Dossier, number, Props(("number", number), ("url", Kinds.CitationKinds.OfficialUrl(id))));
        return id;
    }

    private static Dictionary<string, object?> DocumentProperties(ExtractedDocument d) => Props(
        ("id", d.Doc.Id), ("kind", ExtractionJson.Name(d.Doc.Kind)), ("title", d.Doc.Title), ("date", DocumentDate(d.Doc)),
        ("submitted", DutchDates.Iso(d.Doc.Submitted)), ("answered", DutchDates.Iso(d.Doc.Answered)), ("zaak", d.Doc.Zaak), ("file", d.File), ("format", d.Format),
        ("dossier", d.Doc.Dossier), ("number", d.Doc.Number), ("vergaderjaar", d.Doc.Vergaderjaar),
        ("sourceUrl", d.Doc.SourceUrl), ("url", Kinds.CitationKinds.OfficialUrl(d.Doc.Id)),
        ("outcome", d.Doc.Fate?.Outcome), ("decision", d.Doc.Fate?.Decision), ("voteKind", d.Doc.Fate?.VoteKind),
        ("votesFor", d.Doc.Fate?.VotesFor), ("votesAgainst", d.Doc.Fate?.VotesAgainst), ("votesOther", d.Doc.Fate?.VotesOther),
        ("cabinetAdvice", d.Doc.Fate?.CabinetAdvice), ("voteDate", DutchDates.Iso(d.Doc.Fate?.Date)));

    /// <summary>The date a document is placed at in time: answered, else its own date, else submitted.</summary>
    public static string? DocumentDate(DocumentInfo doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return DutchDates.Iso(doc.Answered ?? doc.Date ?? doc.Submitted);
    }

    private static string? FirstSponsor(string? phrase)
    {
        if (string.IsNullOrWhiteSpace(phrase))
        {
            return null;
        }

        var s = phrase.Replace("c.s.", string.Empty, StringComparison.OrdinalIgnoreCase);
        var cut = s.IndexOfAny(['/', ',', '(']);
        if (cut > 0)
        {
            s = s[..cut];
        }

        var en = s.IndexOf(" en ", StringComparison.Ordinal);
        if (en > 0)
        {
            s = s[..en];
        }

        s = s.Trim();
        return s.Length == 0 ? null : s;
    }

    /// <summary>A property bag without nulls: absent is simpler than null for Neo4j and JSON consumers.</summary>
    internal static Dictionary<string, object?> Props(params (string Key, object? Value)[] pairs)
    {
        var d = new Dictionary<string, object?>(pairs.Length, StringComparer.Ordinal);
        foreach (var (k, v) in pairs)
        {
            if (v is not null && (v is not string s || s.Length > 0))
            {
                d[k] = v is double x ? Math.Round(x, 3) : v is int i ? (long)i : v;
            }
        }

        return d;
    }

    private sealed class FactsBuilder
    {
        private readonly Dictionary<string, int> _nodeIndex = new(StringComparer.Ordinal);
        private readonly HashSet<(string, string, string, string)> _structural = [];

        public List<GraphNode> Nodes { get; } = [];

        public List<GraphEdge> Edges { get; } = [];

        public void Node(string id, string label, string? name, Dictionary<string, object?> props)
        {
            if (_nodeIndex.TryGetValue(id, out var i))
            {
                // First assertion wins; later ones only fill what was missing (a party learnt from a later mention).
                var existing = Nodes[i];
                var merged = new Dictionary<string, object?>(existing.Properties, StringComparer.Ordinal);
                foreach (var (k, v) in props)
                {
                    merged.TryAdd(k, v);
                }

                Nodes[i] = existing with { Properties = merged };
                return;
            }

            _nodeIndex[id] = Nodes.Count;
            Nodes.Add(new GraphNode(id, label, name, props));
        }

        public void Add(GraphEdge edge) => Edges.Add(edge);

        public void Edge(string source, string target, string type, Dictionary<string, object?> props)
        {
            // Structural edges (MEMBER_OF, IN_DOSSIER, …) are asserted once per file and person mention (two Van Dijks may
            // sign one motion); evidence edges (CITES, MENTIONS) once per span.
            if (!props.ContainsKey("start") && !_structural.Add((source, target, type, Entities.People.PersonMention.From(props).Key)))
            {
                return;
            }

            Edges.Add(new GraphEdge(source, target, type, props));
        }
    }

    internal static string Invariant(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
}
