using KvGraph.Core.Identity;
using KvGraph.Core.Model;

namespace KvGraph.Core.Kinds;

/// <summary>
/// The registry of citation kinds, in priority order (an earlier kind's recognisers run first and win ties: the
/// motion before the Kamerstuk it contains, the answer before the zaak or Aanhangsel it names). Every question about a
/// kind or an id's kind — its address, its placeholder, what it covers — is answered here, for CLI, explorer, export
/// and push alike.
/// </summary>
public static class CitationKinds
{
    /// <summary>Every kind, in priority order. A convention test checks each <see cref="CitationKind"/> is here once.</summary>
    public static IReadOnlyList<CitationKindModule> All { get; } =
    [
        new Motion.MotionKind(),
        new Kamerstuk.KamerstukKind(),
        new Dossier.DossierKind(),
        new Aanhangsel.AanhangselKind(),
        new Handelingen.HandelingenKind(),
        new Answer.AnswerKind(),
        new Letter.LetterKind(),
        new Zaak.ZaakKind(),
        new TkDocument.TkDocumentKind(),
        new Reference.ReferenceKind(),
        new Ecli.EcliKind(),
    ];

    private static readonly Dictionary<CitationKind, CitationKindModule> ByKind = All.ToDictionary(m => m.Kind);

    private static readonly Dictionary<IdScheme, CitationKindModule> ByScheme = All
        .SelectMany(m => m.OwnedSchemes.Select(s => (Scheme: s, Module: m)))
        .ToDictionary(x => x.Scheme, x => x.Module);

    /// <summary>The module of a kind.</summary>
    public static CitationKindModule For(CitationKind kind) => ByKind[kind];

    /// <summary>The module that owns an id's scheme (its address and placeholder), or null for entity ids.</summary>
    public static CitationKindModule? Owner(DocId id) => ByScheme.GetValueOrDefault(id.Scheme);

    /// <summary>The official public address of any id, or null when it has none. The one URL builder.</summary>
    public static string? OfficialUrl(string id) => DocId.TryParse(id, out var d) ? Owner(d)?.OfficialUrl(d) : null;

    /// <summary>
    /// The kind name a placeholder for <paramref name="target"/> carries: the citation's kind when known, else the
    /// kind that owns the id's scheme (<c>kv-tk-…</c> is a question).
    /// </summary>
    public static string PlaceholderKind(string target, string? citationKind)
    {
        if (citationKind is { Length: > 0 } k)
        {
            return k;
        }

        if (!DocId.TryParse(target, out var id))
        {
            return "reference";
        }

        return id.Scheme switch
        {
            IdScheme.Question => "question",
            IdScheme.ZaakDocument => "zaak",
            _ => Owner(id)?.Name ?? "reference",
        };
    }

    /// <summary>The display name of a placeholder node for <paramref name="target"/>.</summary>
    public static string PlaceholderName(string target, string? sponsor) =>
        DocId.TryParse(target, out var id) && Owner(id) is { } m ? m.PlaceholderName(id, sponsor) : target;

    /// <summary>True when <paramref name="kept"/> makes <paramref name="other"/> redundant (see <see cref="CitationKindModule.Covers"/>).</summary>
    public static bool Covers(Citation kept, Citation other)
    {
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(other);
        return For(kept.Kind).Covers(kept, other);
    }
}
