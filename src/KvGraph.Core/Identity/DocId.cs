using System.Text.RegularExpressions;

namespace KvGraph.Core.Identity;

/// <summary>Which family of identifiers an id belongs to. Every prefix the graph uses has one.</summary>
public enum IdScheme
{
    /// <summary>A Kamerstuk: <c>kst-21501-20-1591</c>, also Eerste Kamer lettered stukken (<c>kst-36373-H</c>).</summary>
    Kamerstuk,

    /// <summary>A dossier without a number: <c>dossier:21501-20</c>.</summary>
    Dossier,

    /// <summary>Aanhangsel van de Handelingen (answers to written questions): <c>ah-tk-20202021-2302</c>.</summary>
    Aanhangsel,

    /// <summary>Handelingen: <c>h-tk-20232024-45-12</c>.</summary>
    Handelingen,

    /// <summary>Written questions as published: <c>kv-tk-2021Z02286</c>.</summary>
    Question,

    /// <summary>A bare zaak number: <c>2021Z02286</c>.</summary>
    Zaak,

    /// <summary>A document known only by its zaak, such as an open-data motion record: <c>zaak:2022Z00782</c>.</summary>
    ZaakDocument,

    /// <summary>An answer known only by the zaak of its questions: <c>answer:2019Z19189</c>.</summary>
    Answer,

    /// <summary>A Tweede Kamer document number: <c>2024D12345</c>.</summary>
    TkDocument,

    /// <summary>A letter without a Kamerstuk number: <c>letter:2018-08-27:buitenlandse-zaken</c> (date, sender, …).</summary>
    Letter,

    /// <summary>An unnumbered motion mention that no motion in the corpus matched: <c>motion:beckerman@ah-tk-…</c>.</summary>
    Motion,

    /// <summary>A document named after its file because it carries no id: <c>file:notitie</c>.</summary>
    File,

    /// <summary>A court decision: <c>ECLI:NL:HR:2024:123</c>.</summary>
    Ecli,

    /// <summary>A ministry reference or kenmerk that is not a zaak (<c>BZDOC-693942081-24</c>).</summary>
    Reference,

    /// <summary><c>person:…</c>.</summary>
    Person,

    /// <summary><c>party:…</c>.</summary>
    Party,

    /// <summary><c>office:…</c>.</summary>
    Office,

    /// <summary><c>country:NL</c>.</summary>
    Country,

    /// <summary><c>org:…</c>.</summary>
    Organisation,

    /// <summary><c>topic:…</c>.</summary>
    Topic,
}

/// <summary>
/// A parsed id: its <see cref="Scheme"/> is decided once, here, from the prefix or shape, so no other layer looks at
/// prefixes again. <see cref="Value"/> is the canonical text (what is stored and shown); two ids are equal when their
/// text is. <c>default(DocId)</c> is not a valid id.
/// </summary>
public readonly partial record struct DocId
{
    private DocId(IdScheme scheme, string value)
    {
        Scheme = scheme;
        Value = value;
    }

    /// <summary>The family of the id.</summary>
    public IdScheme Scheme { get; }

    /// <summary>The canonical text.</summary>
    public string Value { get; }

    /// <summary>True for ids of documents (held in the corpus or cited), false for people, parties and other entities.</summary>
    public bool IsDocument => Scheme < IdScheme.Person;

    /// <summary>The zaak number inside the id (<c>kv-tk-2021Z02286</c>, <c>answer:…</c>, <c>zaak:…</c> or a bare zaak), or null.</summary>
    public string? Zaak => Scheme switch
    {
        IdScheme.Zaak => Value,
        IdScheme.Question => Value["kv-tk-".Length..],
        IdScheme.Answer => Value["answer:".Length..],
        IdScheme.ZaakDocument => Value["zaak:".Length..],
        _ => null,
    };

    /// <summary>The dossier of a Kamerstuk or dossier id (<c>kst-35570-V-43</c> → <c>35570-V</c>), or null.</summary>
    public string? Dossier => Scheme switch
    {
        IdScheme.Dossier => Value["dossier:".Length..],
        IdScheme.Kamerstuk when Value.LastIndexOf('-') is var last and > 4 => Value[4..last],
        _ => null,
    };

    /// <summary>Parses an id as the graph writes it; throws <see cref="FormatException"/> for empty text.</summary>
    public static DocId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not an id.");

    /// <summary>Parses an id; false only for empty text. Text of no known shape is a <see cref="IdScheme.Reference"/>.</summary>
    public static bool TryParse(string? text, out DocId id)
    {
        id = default;
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return false;
        }

        id = new DocId(SchemeOf(t), t);
        return true;
    }

    /// <summary>The scheme of a trimmed, non-empty id.</summary>
    private static IdScheme SchemeOf(string t)
    {
        foreach (var (prefix, scheme) in Prefixes)
        {
            if (t.StartsWith(prefix, StringComparison.Ordinal))
            {
                return scheme;
            }
        }

        if (t.StartsWith("ECLI:", StringComparison.OrdinalIgnoreCase))
        {
            return IdScheme.Ecli;
        }

        return ZaakRx().IsMatch(t) ? IdScheme.Zaak : TkDocumentRx().IsMatch(t) ? IdScheme.TkDocument : IdScheme.Reference;
    }

    private static readonly (string Prefix, IdScheme Scheme)[] Prefixes =
    [
        ("kst-", IdScheme.Kamerstuk),
        ("dossier:", IdScheme.Dossier),
        ("ah-tk-", IdScheme.Aanhangsel),
        ("h-tk-", IdScheme.Handelingen),
        ("kv-tk-", IdScheme.Question),
        ("zaak:", IdScheme.ZaakDocument),
        ("answer:", IdScheme.Answer),
        ("letter:", IdScheme.Letter),
        ("motion:", IdScheme.Motion),
        ("file:", IdScheme.File),
        ("tkdoc:", IdScheme.TkDocument),
        ("person:", IdScheme.Person),
        ("party:", IdScheme.Party),
        ("office:", IdScheme.Office),
        ("country:", IdScheme.Country),
        ("org:", IdScheme.Organisation),
        ("topic:", IdScheme.Topic),
    ];

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    [GeneratedRegex(@"^(?:19|20)\d{2}Z\d{5}$", RegexOptions.CultureInvariant)]
    private static partial Regex ZaakRx();

    [GeneratedRegex(@"^(?:19|20)\d{2}D\d{5}$", RegexOptions.CultureInvariant)]
    private static partial Regex TkDocumentRx();
}
