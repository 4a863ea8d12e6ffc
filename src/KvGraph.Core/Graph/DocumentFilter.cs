using System.Globalization;
using KvGraph.Core.Entities;
using KvGraph.Core.Entities.People;

namespace KvGraph.Core.Graph;

/// <summary>A filter value the user gave that cannot be used; <see cref="ArgumentException.ParamName"/> names the filter ("from", "kind", …).</summary>
public sealed class DocumentFilterException : ArgumentException
{
    public DocumentFilterException()
    {
    }

    public DocumentFilterException(string message) : base(message)
    {
    }

    public DocumentFilterException(string message, Exception inner) : base(message, inner)
    {
    }

    public DocumentFilterException(string message, string field) : base(message, field)
    {
    }

    /// <summary>The filter that was wrong: from, to, kind, answerer, asker, party, dossier, topic.</summary>
    public string? Field => ParamName;

    /// <summary>The message without .NET's "(Parameter 'x')" tail, for users.</summary>
    public string UserMessage => Field is null ? Message : Message.Replace($" (Parameter '{Field}')", string.Empty, StringComparison.Ordinal);
}

/// <summary>
/// Which documents a researcher asks for: a date range, kinds, who answered, who asked, the asker's or sponsor's party on
/// the document's date, a dossier, a topic. Every given condition must hold. The one implementation the CLI
/// (<c>search</c>, <c>related</c>, <c>unresolved</c>, <c>show</c>'s cited-by), the explorer's API and
/// <see cref="Motions.List"/> (its dates, dossier and sponsor party) share. Parse the user's strings once with
/// <see cref="Parse"/>: a bad date or kind is a <see cref="DocumentFilterException"/> whose message says what is accepted.
/// <para>
/// Matching is over the graph. A question and its answer are one unit (as in <see cref="CitedByQuery"/>): an answer matches
/// <c>--asker</c> by its question's askers, a question matches <c>--answerer</c> by its answer's answerers. People are
/// matched by <see cref="PersonIdentity"/> ("Kaag", "Sigrid Kaag", <c>person:kaag</c>); an answerer also by office
/// ("minister van Buitenlandse Zaken", "BZ"), compared by <see cref="Offices"/>' canonical id and the role (minister or
/// staatssecretaris) when the text names one. The party is <see cref="PartyMembership.PartyAt"/> of each asker or sponsor
/// at the document's date.
/// </para>
/// </summary>
public sealed class DocumentFilter
{
    /// <summary>The kinds a document can have, as <c>--kind</c> takes them.</summary>
    public static readonly IReadOnlyList<string> KnownKinds = ["question", "answer", "motion", "letter", "kamerstuk", "handelingen", "deferral", "placeholder"];

    private DocumentFilter()
    {
    }

    /// <summary>No condition: every document.</summary>
    public static DocumentFilter None { get; } = new();

    /// <summary>First day (ISO, inclusive), or null.</summary>
    public string? From { get; private init; }

    /// <summary>Last day (ISO, inclusive), or null.</summary>
    public string? To { get; private init; }

    /// <summary>The kinds asked for (empty: any).</summary>
    public IReadOnlySet<string> Kinds { get; private init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The answerer as typed: a person or an office.</summary>
    public string? Answerer { get; private init; }

    /// <summary>The asker as typed.</summary>
    public string? Asker { get; private init; }

    /// <summary>The party id (<c>party:gl</c>) of an asker or sponsor on the document's date.</summary>
    public string? Party { get; private init; }

    /// <summary>The dossier id (<c>dossier:21501-20</c>).</summary>
    public string? Dossier { get; private init; }

    /// <summary>The topic as typed.</summary>
    public string? Topic { get; private init; }

    /// <summary>True when no condition is set.</summary>
    public bool IsEmpty => From is null && To is null && Kinds.Count == 0 && Answerer is null && Asker is null && Party is null && Dossier is null && Topic is null;

    private string? AnswererOffice { get; init; }

    private string? AnswererRole { get; init; }

    private string? TopicSlug { get; init; }

    /// <summary>
    /// Validates the user's strings (blank means "not given"). Dates are <c>yyyy-MM-dd</c>, <c>yyyy-MM</c> or <c>yyyy</c>
    /// (a month or year is its first day in <paramref name="from"/>, its last in <paramref name="to"/>); kinds one of
    /// <see cref="KnownKinds"/>, repeated or comma-separated; each text at most <see cref="QueryLimits.MaxFilterLength"/> characters.
    /// </summary>
    public static DocumentFilter Parse(
        string? from = null, string? to = null, IEnumerable<string>? kinds = null, string? answerer = null, string? asker = null,
        string? party = null, string? dossier = null, string? topic = null)
    {
        var f = Given(from, "from");
        var t = Given(to, "to");
        var fromDay = Bound(f, start: true);
        var toDay = Bound(t, start: false);
        if (fromDay is not null && toDay is not null && string.CompareOrdinal(fromDay, toDay) > 0)
        {
            throw new DocumentFilterException($"--from {f} is after --to {t}.", "from");
        }

        var kindSet = new HashSet<string>(StringComparer.Ordinal);
        foreach (var k in (kinds ?? []).SelectMany(k => (k ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var kind = k.ToLowerInvariant();
            if (!KnownKinds.Contains(kind))
            {
                throw new DocumentFilterException($"'{k}' is not a kind; use one of {string.Join(", ", KnownKinds)}.", "kind");
            }

            kindSet.Add(kind);
        }

        var answererText = Given(answerer, "answerer");
        var askerText = Given(asker, "asker");
        if (askerText is not null && PersonIdentity.TryParse(askerText) is null)
        {
            throw new DocumentFilterException($"'{askerText}' is not a name.", "asker");
        }

        var office = Offices.IdOf(answererText);
        if (answererText is not null && office is null && PersonIdentity.TryParse(answererText) is null)
        {
            throw new DocumentFilterException($"'{answererText}' is not a name or an office.", "answerer");
        }

        var partyText = Given(party, "party");
        var dossierText = Given(dossier, "dossier");
        string? dossierId = null;
        if (dossierText is not null)
        {
            dossierId = dossierText.StartsWith("dossier:", StringComparison.Ordinal) ? dossierText
                : Text.Ids.NormalizeDossier(dossierText) is { } d ? $"dossier:{d}"
                : throw new DocumentFilterException($"'{dossierText}' is not a Kamerstuk dossier number (21501-20, 36200-VII).", "dossier");
        }

        var topicText = Given(topic, "topic");
        return new DocumentFilter
        {
            From = fromDay,
            To = toDay,
            Kinds = kindSet,
            Answerer = answererText,
            AnswererOffice = office,
            AnswererRole = office is null ? null : Role(answererText),
            Asker = askerText,
            Party = partyText is null ? null : NodeIds.Party(partyText),
            Dossier = dossierId,
            Topic = topicText,
            TopicSlug = topicText is null ? null : NodeIds.Slug(topicText),
        };
    }

    /// <summary>The documents of the graph that pass, newest first, then by id (placeholders only when <c>--kind placeholder</c> asks).</summary>
    public IReadOnlyList<GraphNode> Documents(ICitationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return [.. graph.Nodes
            .Where(n => GraphFacts.IsDocumentLabel(n.Label) && (n.Label != NodeLabel.Placeholder || Kinds.Contains("placeholder")) && Matches(graph, n))
            .OrderByDescending(CitedByQuery.DateOf, StringComparer.Ordinal)
            .ThenBy(n => n.Id, StringComparer.Ordinal)];
    }

    /// <summary>True when <paramref name="node"/> passes every condition given.</summary>
    public bool Matches(ICitationGraph graph, GraphNode node)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(node);
        if (IsEmpty)
        {
            return true;
        }

        if (!GraphFacts.IsDocumentLabel(node.Label))
        {
            return false;
        }

        return MatchesDate(CitedByQuery.DateOf(node))
            && (Kinds.Count == 0 || Kinds.Contains(KindOf(node)))
            && MatchesDossier(graph, node)
            && MatchesParty(graph, node)
            && (Asker is null || Unit(graph, node).Any(u => graph.Outgoing(u, EdgeType.AskedBy).Any(e => IsPerson(graph, e.Target, Asker))))
            && (Answerer is null || Unit(graph, node).Any(u => graph.Outgoing(u, EdgeType.AnsweredBy).Any(e => IsAnswerer(graph, e.Target))))
            && (TopicSlug is null || graph.Outgoing(node.Id, EdgeType.About).Any(e => IsTopic(graph, e.Target)));
    }

    /// <summary>The date condition alone: a document without a date fails any range.</summary>
    public bool MatchesDate(string? date) =>
        (From is null || (date is { Length: > 0 } && string.CompareOrdinal(date, From) >= 0))
        && (To is null || (date is { Length: > 0 } && string.CompareOrdinal(date[..Math.Min(date.Length, 10)], To) <= 0));

    /// <summary>The dossier condition alone (<see cref="DossierOf"/>).</summary>
    public bool MatchesDossier(ICitationGraph graph, GraphNode node) => Dossier is null || DossierOf(graph, node) == Dossier;

    /// <summary>The party condition alone: an asker (of the question, for an answer) or a sponsor belonged to it on the document's date.</summary>
    public bool MatchesParty(ICitationGraph graph, GraphNode node)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(node);
        if (Party is null)
        {
            return true;
        }

        var date = CitedByQuery.DateOf(node);
        return Unit(graph, node)
            .SelectMany(u => graph.TargetsOf(u, EdgeType.AskedBy).Concat(graph.TargetsOf(u, EdgeType.SubmittedBy)))
            .Distinct(StringComparer.Ordinal)
            .Any(person => PartyMembership.PartyAt(graph.Outgoing(person, EdgeType.MemberOf), date.Length > 0 ? date : null) == Party);
    }

    /// <summary>The dossier a document belongs to: its IN_DOSSIER edge, its own dossier property, or its Kamerstuk number's dossier.</summary>
    public static string? DossierOf(ICitationGraph graph, GraphNode node)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(node);
        return graph.TargetsOf(node.Id, EdgeType.InDossier).FirstOrDefault()
            ?? (node.Properties.GetValueOrDefault("dossier") is string { Length: > 0 } d ? $"dossier:{d}" : null)
            ?? (Text.Ids.DossierOfKamerstuk(node.Id) is { } k ? $"dossier:{k}" : null);
    }

    /// <summary>A document's kind as <c>--kind</c> names it: its kind property, else its label.</summary>
    public static string KindOf(GraphNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Label == NodeLabel.Placeholder ? "placeholder"
            : node.Properties.GetValueOrDefault("kind") is string { Length: > 0 } k ? k
            : node.Label.ToLowerInvariant();
    }

    /// <summary>A date bound: "2021", "2021-03" or "2021-03-04" as the first (start) or last day; a user's message otherwise.</summary>
    internal static string? Bound(string? value, bool start)
    {
        if (value is not { Length: > 0 } v)
        {
            return null;
        }

        var field = start ? "from" : "to";
        if (v.Length == 4 && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return start ? $"{v}-01-01" : $"{v}-12-31";
        }

        if (v.Length == 7 && DateOnly.TryParseExact(v + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return start ? month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : month.AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? v
            : throw new DocumentFilterException($"'{value}' is not a date (yyyy-MM-dd), a month (yyyy-MM) or a year (yyyy).", field);
    }

    private static string? Given(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var v = value.Trim();
        if (v.Length > QueryLimits.MaxFilterLength)
        {
            throw new DocumentFilterException($"--{field} has at most {QueryLimits.MaxFilterLength} characters.", field);
        }

        if (v.Any(char.IsControl))
        {
            throw new DocumentFilterException($"--{field} may not contain control characters.", field);
        }

        return v;
    }

    // A question and its answer are one unit: the node, the question it answers, the answer that answers it.
    private static IEnumerable<string> Unit(ICitationGraph graph, GraphNode node) =>
        new[] { node.Id }
            .Concat(graph.Outgoing(node.Id, EdgeType.Answers).Select(e => e.Target))
            .Concat(graph.Incoming(node.Id, EdgeType.Answers).Select(e => e.Source))
            .Distinct(StringComparer.Ordinal);

    private static bool IsPerson(ICitationGraph graph, string id, string typed)
    {
        if (!id.StartsWith(PersonIdentity.Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        if (typed.StartsWith(PersonIdentity.Prefix, StringComparison.Ordinal))
        {
            return id == typed || id.StartsWith(typed + "~", StringComparison.Ordinal);
        }

        var name = graph.Find(id)?.Name ?? id;
        return PersonIdentity.Same(typed, name);
    }

    private bool IsAnswerer(ICitationGraph graph, string id)
    {
        if (IsPerson(graph, id, Answerer!))
        {
            return true;
        }

        if (AnswererOffice is null || graph.Find(id) is not { Label: NodeLabel.Office } office)
        {
            return false;
        }

        var name = office.Name ?? id;
        return Offices.IdOf(name) == AnswererOffice && (AnswererRole is null || Role(name) == AnswererRole);
    }

    private bool IsTopic(ICitationGraph graph, string id)
    {
        var slug = id.StartsWith("topic:", StringComparison.Ordinal) ? id["topic:".Length..] : NodeIds.Slug(graph.Find(id)?.Name ?? id);
        return slug == TopicSlug || $"-{slug}-".Contains($"-{TopicSlug}-", StringComparison.Ordinal);
    }

    // "minister", "staatssecretaris" or null: a typed office with a role matches only that role's answers.
    private static string? Role(string? text) =>
        text is null ? null
        : text.TrimStart().StartsWith("staatssecretaris", StringComparison.OrdinalIgnoreCase) ? "staatssecretaris"
        : text.TrimStart().StartsWith("minister", StringComparison.OrdinalIgnoreCase) ? "minister"
        : null;
}
