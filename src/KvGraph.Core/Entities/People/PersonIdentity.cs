using System.Text.RegularExpressions;

namespace KvGraph.Core.Entities.People;

/// <summary>A person's name as one source wrote it, split into what identifies the person and what does not.</summary>
/// <param name="Given">First name or initials as written ("Tom", "S.H.", "Pieter"), or null when the source gave none.</param>
/// <param name="Surname">The surname in parliamentary form, tussenvoegsel capitalised ("Van den Nieuwenhuijzen-Wittens").</param>
/// <param name="Base">A double surname's first part ("Van den Nieuwenhuijzen"), which the corpus may use for the same person; else the surname.</param>
/// <param name="Key">The identity key: <paramref name="Surname"/> lower case, without diacritics, words joined by '-' ("van-den-nieuwenhuijzen-wittens").</param>
public sealed record PersonName(string? Given, string Surname, string Base, string Key)
{
    public string Surname { get; } = string.IsNullOrWhiteSpace(Surname) ? throw new ArgumentException("A person needs a surname.", nameof(Surname)) : Surname;

    public string Base { get; } = string.IsNullOrWhiteSpace(Base) ? throw new ArgumentException("A person needs a base surname.", nameof(Base)) : Base;

    public string Key { get; } = string.IsNullOrWhiteSpace(Key) ? throw new ArgumentException("A person needs an identity key.", nameof(Key)) : Key;

    /// <summary>The initials as written ("J.J.", "D.J.H."), or null when the source gave none.</summary>
    public string? Initials { get; init; }

    /// <summary>The first name (a roepnaam in brackets, else a written first name: "Jasper", "Inge"), or null.</summary>
    public string? FirstName { get; init; }

    /// <summary>The node id: <c>person:&lt;key&gt;</c>.</summary>
    public string Id => PersonIdentity.Prefix + Key;
}

/// <summary>
/// Who a person is, from any way the sources write a name: the one place that decides whether two phrasings are one
/// person. Readers, recognisers, graph facts, the assembled graph and the explorer all call it.
/// <para>
/// The rule, per phrasing. A person is identified by the surname, compared without case and diacritics, with its
/// tussenvoegsels ("Van Dijk" is not "Dijk", "Van den Nieuwenhuijzen" is not "Van Nieuwenhuizen Wijbenga"). First names,
/// initials and a roepnaam in brackets are dropped ("S.H. Simons", "Sylvana Simons", "P.E. (Pieter) Heerma"), because
/// parliament writes members by surname: a motion, the Handelingen and the answer citing the motion have no first name
/// to compare. A double surname is kept whole ("Dekker-Abdulaziz" is not R.J. Dekker of FvD: the 2022–23 records have both).
/// </para>
/// <para>
/// The rule, over the corpus (<see cref="PersonDirectory"/>, applied when the graph is assembled). A short form "X" is the
/// double-named "X-Y" ("Van den Nieuwenhuijzen" in a motion citation is "Van den Nieuwenhuijzen-Wittens", the asker)
/// when the corpus has exactly one double name starting with X and shows no separate X: an X with a party X-Y never had
/// is another person.
/// </para>
/// <para>
/// Namesakes. The initials and first name a phrasing gives are kept apart (<see cref="PersonName.Initials"/>,
/// <see cref="PersonName.FirstName"/>) and travel with the mention (<see cref="PersonMention"/>): a file's facts never
/// depend on other files, so the id here is the surname's, and <see cref="PersonDirectory"/> splits a surname the corpus
/// writes with different initials (the six Van Dijks of the 2022–23 open-data records) into one node per person.
/// </para>
/// </summary>
public static partial class PersonIdentity
{
    /// <summary>The prefix of person node ids.</summary>
    public const string Prefix = "person:";

    /// <summary>Parses a name as written; null when nothing name-like is left after initials and brackets.</summary>
    /// <remarks>The same phrasing is parsed once (<see cref="Parsed"/>): a name recurs in every document that cites its person.</remarks>
    public static PersonName? TryParse(string? phrasing) => string.IsNullOrWhiteSpace(phrasing) ? null : Parsed.Get(phrasing);

    private static readonly Text.StringMemo<PersonName?> Parsed = new(Parse);

    private static PersonName? Parse(string phrasing)
    {
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
        var written = text.Length > surname.Length && text.EndsWith(surname, StringComparison.OrdinalIgnoreCase)
            ? text[..^surname.Length].Trim()
            : null;
        var given = new[] { initials, roepnaam, written }.Where(g => !string.IsNullOrEmpty(g)).Aggregate((string?)null, (a, g) => a is null ? g : $"{a} {g}");
        var firstName = roepnaam is { Length: > 0 } ? roepnaam : written?.Split(' ')[0];
        var slug = KeyOf(surname);
        return slug.Length == 0 ? null : new PersonName(given, surname, BaseOf(surname), slug)
        {
            Initials = initials,
            FirstName = firstName is { Length: > 1 } f && char.IsLetter(f[0]) && !f.EndsWith('.') ? f : null,
        };
    }

    /// <summary>The node id of the person a phrasing names ("S.H. Simons" → <c>person:simons</c>); ids pass through.</summary>
    public static string IdOf(string phrasing)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phrasing);
        return TryParse(phrasing)?.Id ?? throw new ArgumentException($"'{phrasing}' is not a person's name.", nameof(phrasing));
    }

    /// <summary>
    /// True when two phrasings can name the same person: the same key, or one is the short form of the other's double
    /// surname ("Van den Nieuwenhuijzen" and "Tom van den Nieuwenhuijzen-Wittens"). Which short forms really are the
    /// double-named person is for <see cref="PersonDirectory"/> to decide over the corpus.
    /// </summary>
    public static bool Same(string? a, string? b) =>
        TryParse(a) is { } x && TryParse(b) is { } y &&
        (x.Key == y.Key || (x.Key != KeyOf(x.Base) && KeyOf(x.Base) == y.Key) || (y.Key != KeyOf(y.Base) && KeyOf(y.Base) == x.Key));

    /// <summary>The id of the short form a double surname may be written as (<c>person:van-den-nieuwenhuijzen</c>), or null for a single surname.</summary>
    public static string? ShortFormId(string phrasing) =>
        TryParse(phrasing) is { } p && KeyOf(p.Base) is { Length: > 0 } k && k != p.Key ? Prefix + k : null;

    /// <summary>
    /// The name a person node shows: the surname in parliamentary form without first names or initials ("Simons" for
    /// "S.H. Simons"), so every file that names the person the same way asserts the same name.
    /// </summary>
    public static string DisplayName(string phrasing)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phrasing);
        return TryParse(phrasing)?.Surname ?? phrasing.Trim();
    }

    private static string KeyOf(string surname) =>
        TextFold.Slug(surname.Replace("'", string.Empty, StringComparison.Ordinal).Replace("’", string.Empty, StringComparison.Ordinal));

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

    /// <summary>The words of <paramref name="s"/> (split at ' ', tab, newline and no-break space) joined by one space.</summary>
    private static string Collapse(string s)
    {
        var buffer = s.Length <= 256 ? stackalloc char[s.Length] : new char[s.Length];
        var n = 0;
        var gap = false;
        foreach (var c in s)
        {
            if (c is ' ' or '\t' or '\n' or '\u00a0')
            {
                gap = n > 0;
                continue;
            }

            if (gap)
            {
                buffer[n++] = ' ';
                gap = false;
            }

            buffer[n++] = c;
        }

        return buffer[..n].SequenceEqual(s) ? s : new string(buffer[..n]);
    }

    [GeneratedRegex(@"\(([^()]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex RoepnaamRx();

    // Initials at the start: "S.H.", "L.A.J.M.", "Th.C.", "IJ."; one letter without a dot is not an initial.
    [GeneratedRegex(@"^(?:\s*(?:Th|Chr|Ph|IJ|\p{Lu})\.)+\s*", RegexOptions.CultureInvariant)]
    private static partial Regex InitialsRx();
}
