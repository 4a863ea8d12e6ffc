using KvGraph.Core.Extraction;
using KvGraph.Core.Identity;
using KvGraph.Core.Model;

namespace KvGraph.Core.Kinds;

/// <summary>
/// Everything about one citation kind, in one place: its recognisers, the id schemes its targets have (and so how
/// a target is parsed into a <see cref="DocId"/>), the official address of such an id, what a placeholder for a
/// target not in the corpus is called, and which other citations one of this kind covers. CLI, explorer, export and
/// push ask the kind (through <see cref="CitationKinds"/>); nobody builds a URL or a label of their own.
/// Adding a kind is one folder with a subclass, one line in <see cref="CitationKinds.All"/> and one spec table.
/// </summary>
public abstract class CitationKindModule
{
    /// <summary>The kind, as in the <c>extract</c> contract.</summary>
    public abstract CitationKind Kind { get; }

    /// <summary>The JSON name of the kind (<c>motion</c>, <c>kamerstuk</c>, …).</summary>
    public string Name => ExtractionJson.Name(Kind);

    /// <summary>The recognisers that find citations of this kind, in priority order.</summary>
    public abstract IReadOnlyList<Extraction.ICitationRecognizer> Recognizers { get; }

    /// <summary>The id schemes whose address and placeholder this kind owns (an id scheme has one owner).</summary>
    public abstract IReadOnlyList<IdScheme> OwnedSchemes { get; }

    /// <summary>The id schemes a target of this kind may have (a motion: a Kamerstuk, or an unresolved motion mention).</summary>
    public virtual IReadOnlyList<IdScheme> TargetSchemes => OwnedSchemes;

    /// <summary>How a target of this kind that is not in the corpus is shown ("motion, not in the corpus").</summary>
    public string PlaceholderLabel => $"{Name}, not in the corpus";

    /// <summary>The official public address of an id of an owned scheme, or null when there is none.</summary>
    public abstract string? OfficialUrl(DocId id);

    /// <summary>The display name of a placeholder for <paramref name="id"/>: by default the id itself.</summary>
    public virtual string PlaceholderName(DocId id, string? sponsor) => id.Value;

    /// <summary>
    /// True when <paramref name="mine"/> (a citation of this kind) makes <paramref name="other"/> redundant: it contains
    /// it and says the same or more. By default: <paramref name="other"/> lies inside, has the same target, and is of the
    /// same kind or a bare Kamerstuk (the number inside "mijn antwoord (Aanhangsel …, nr. 135)" adds nothing).
    /// Only a citation that contains the other can cover it: the settle stage asks only the kept citations whose span
    /// holds <paramref name="other"/>'s, which keeps it linear in the number of citations.
    /// </summary>
    public virtual bool Covers(Citation mine, Citation other)
    {
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(other);
        return Contains(mine, other) && string.Equals(mine.Target, other.Target, StringComparison.Ordinal)
            && (mine.Kind == other.Kind || other.Kind == CitationKind.Kamerstuk);
    }

    /// <summary>The parsed target of a citation of this kind, or null for an unnumbered motion.</summary>
    public DocId? Target(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return DocId.TryParse(citation.Target, out var id) ? id : null;
    }

    /// <summary>True when <paramref name="other"/>'s span lies within <paramref name="mine"/>'s.</summary>
    protected static bool Contains(Citation mine, Citation other)
    {
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(other);
        return mine.Start <= other.Start && mine.End >= other.End;
    }

    /// <summary>https://zoek.officielebekendmakingen.nl/&lt;id&gt;.html, where the official publications live.</summary>
    protected static string Publication(DocId id) => $"{OfficialSites.Publications}{Uri.EscapeDataString(id.Value)}.html";

    /// <summary>The Tweede Kamer's page of a zaak (questions and answers, a motion with its votes).</summary>
    protected static string? ZaakPage(DocId id) => id.Zaak is { } zaak ? $"{OfficialSites.TweedeKamer}kamerstukken/detail?id={Uri.EscapeDataString(zaak)}" : null;
}

/// <summary>The public sites official addresses point at.</summary>
internal static class OfficialSites
{
    public const string Publications = "https://zoek.officielebekendmakingen.nl/";
    public const string TweedeKamer = "https://www.tweedekamer.nl/";
    public const string Rechtspraak = "https://uitspraken.rechtspraak.nl/";
}
