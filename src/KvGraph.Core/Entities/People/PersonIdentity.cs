using System.Text.RegularExpressions;

namespace KvGraph.Core.Entities.People;

/// <summary>A person's name as one source wrote it, split into what identifies the person and what does not.</summary>
/// <param name="Given">First name or initials as written ("Tom", "S.H.", "Pieter"), or null when the source gave none.</param>
/// <param name="Surname">The surname in parliamentary form, tussenvoegsel capitalised ("Van den Nieuwenhuijzen-Wittens").</param>
/// <param name="Base">The part of <paramref name="Surname"/> that identifies the person: a double surname without its second part ("Van den Nieuwenhuijzen").</param>
/// <param name="Key">The identity key: <paramref name="Base"/> lower case, without diacritics, words joined by '-' ("van-den-nieuwenhuijzen").</param>
public sealed record PersonName(string? Given, string Surname, string Base, string Key)
{
    public string Surname { get; } = string.IsNullOrWhiteSpace(Surname) ? throw new ArgumentException("A person needs a surname.", nameof(Surname)) : Surname;

    public string Base { get; } = string.IsNullOrWhiteSpace(Base) ? throw new ArgumentException("A person needs a base surname.", nameof(Base)) : Base;

    public string Key { get; } = string.IsNullOrWhiteSpace(Key) ? throw new ArgumentException("A person needs an identity key.", nameof(Key)) : Key;

    /// <summary>The node id: <c>person:&lt;key&gt;</c>.</summary>
    public string Id => PersonIdentity.Prefix + Key;
}

/// <summary>
/// Who a person is, from any way the sources write a name: the one place that decides whether two phrasings are one
/// person. Readers, recognisers, graph facts and the explorer all call it.
/// <para>
/// The rule. A person is identified by the surname alone, compared without case and diacritics, with its tussenvoegsels
/// ("Van Dijk" is not "Dijk", "Van den Nieuwenhuijzen" is not "Van Nieuwenhuizen Wijbenga"). First names, initials and a
/// roepnaam in brackets are dropped ("S.H. Simons", "Sylvana Simons", "P.E. (Pieter) Heerma", "Tom van den
/// Nieuwenhuijzen-Wittens" name Simons, Heerma, Van den Nieuwenhuijzen-Wittens), because parliament itself writes
/// members by surname: the motion, the Handelingen and the answer that cites the motion have no first name to compare.
/// A hyphenated double surname "X-Y" is the person "X" (parliament shortens "Van den Nieuwenhuijzen-Wittens" to
/// "Van den Nieuwenhuijzen", "Yeşilgöz-Zegerius" to "Yeşilgöz"); a double surname written with a space ("Van
/// Nieuwenhuizen Wijbenga") is one surname and keeps both words.
/// </para>
/// <para>
/// The limit. Every id is computed from one phrasing alone, so a file's facts never depend on other files (the store's
/// incremental build and the Neo4j push rely on that). Two members who share a surname (the six Van Dijks of the
/// 2022–23 open-data records, told apart there only by initials) are therefore one node; telling them apart needs a
/// corpus-wide directory, which this rule does not have.
/// </para>
/// </summary>
public static partial class PersonIdentity
{
    /// <summary>The prefix of person node ids.</summary>
    public const string Prefix = "person:";

    /// <summary>Parses a name as written; null when nothing name-like is left after initials and brackets.</summary>
    public static PersonName? TryParse(string? phrasing)
    {
        if (string.IsNullOrWhiteSpace(phrasing))
        {
            return null;
        }

        var text = phrasing.Trim();
        if (text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            var key = text[Prefix.Length..];
            return key.Length == 0 ? null : new PersonName(null, key, key, key);
        }

        // "P.E. (Pieter) Heerma": the roepnaam in brackets is a first name.
        var roepnaam = RoepnaamRx().Match(text) is { Success: true } r ? r.Groups[1].Value.Trim() : null;
        text = RoepnaamRx().Replace(text, " ");
        var initials = InitialsRx().Match(text) is { Success: true, Length: > 0 } m ? m.Value.Trim() : null;
        text = Collapse(InitialsRx().Replace(text, string.Empty));
        if (text.Length == 0 || !text.Any(char.IsLetter))
        {
            return null;
        }

        if (IsAllUpper(text))
        {
            text = Cleaning.PersonNames.FromUpperCase(text);
        }

        var surname = PersonIds.SurnameOf(text);
        var given = text.Length > surname.Length && text.EndsWith(surname, StringComparison.OrdinalIgnoreCase)
            ? text[..^surname.Length].Trim()
            : null;
        given = new[] { initials, roepnaam, given }.Where(g => !string.IsNullOrEmpty(g)).Aggregate((string?)null, (a, g) => a is null ? g : $"{a} {g}");
        var baseName = BaseOf(surname);
        var slug = TextFold.Slug(baseName.Replace("'", string.Empty, StringComparison.Ordinal).Replace("’", string.Empty, StringComparison.Ordinal));
        return slug.Length == 0 ? null : new PersonName(given, surname, baseName, slug);
    }

    /// <summary>The node id of the person a phrasing names ("S.H. Simons" → <c>person:simons</c>); ids pass through.</summary>
    public static string IdOf(string phrasing)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phrasing);
        return TryParse(phrasing)?.Id ?? throw new ArgumentException($"'{phrasing}' is not a person's name.", nameof(phrasing));
    }

    /// <summary>True when two phrasings name the same person under <see cref="PersonIdentity">the rule</see>.</summary>
    public static bool Same(string? a, string? b) =>
        TryParse(a) is { } x && TryParse(b) is { } y && string.Equals(x.Key, y.Key, StringComparison.Ordinal);

    /// <summary>
    /// The name a person node shows: the identifying surname in parliamentary form ("Van den Nieuwenhuijzen" for
    /// every phrasing of that person), so every file asserts the same name.
    /// </summary>
    public static string DisplayName(string phrasing)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phrasing);
        return TryParse(phrasing)?.Base ?? phrasing.Trim();
    }

    private static string BaseOf(string surname)
    {
        // "Faber-Van de Klashorst" and "Van den Nieuwenhuijzen-Wittens" → the part before the first hyphen between two names.
        var dash = surname.IndexOf('-', StringComparison.Ordinal);
        while (dash > 0)
        {
            if (dash + 1 < surname.Length && char.IsLetter(surname[dash - 1]) && char.IsLetter(surname[dash + 1]))
            {
                return surname[..dash];
            }

            dash = surname.IndexOf('-', dash + 1);
        }

        return surname;
    }

    private static bool IsAllUpper(string text) => text.Count(char.IsLetter) > 2 && !text.Any(char.IsLower);

    private static string Collapse(string s) => string.Join(' ', s.Split([' ', '\t', '\n', '\u00a0'], StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"\(([^()]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex RoepnaamRx();

    // Initials at the start: "S.H.", "L.A.J.M.", "Th.C.", "IJ."; one letter without a dot is not an initial.
    [GeneratedRegex(@"^(?:\s*(?:Th|Chr|Ph|IJ|\p{Lu})\.)+\s*", RegexOptions.CultureInvariant)]
    private static partial Regex InitialsRx();
}
