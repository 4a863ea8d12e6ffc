using System.Text;

namespace KvGraph.Core.Entities;

/// <summary>
/// How people are identified, so readers, recognisers and the graph link the same person the same way.
/// A person's id is <c>person:</c> followed by the surname with its tussenvoegsels, lower case, without
/// diacritics, words joined by hyphens: "Van den Hul" → <c>person:van-den-hul</c>, "Kaag" →
/// <c>person:kaag</c>, "Van den Nieuwenhuijzen-Wittens" → <c>person:van-den-nieuwenhuijzen</c>.
/// Who is the same person is decided in one place, <see cref="People.PersonIdentity"/>.
/// </summary>
public static class PersonIds
{
    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "van", "de", "den", "der", "ter", "ten", "te", "het", "'t", "’t", "in", "op", "la", "le", "du", "da", "dos", "el", "von", "vanden", "vander", "d'",
    };

    /// <summary>
    /// The id of a person by name as written ("Van den Hul", "van den Hul", "Kröger", "S.H. Simons"): the one rule of
    /// <see cref="People.PersonIdentity"/>, so a double surname is the person of its first part.
    /// </summary>
    public static string For(string surname) => People.PersonIdentity.IdOf(surname);

    /// <summary>
    /// The surname as parliament writes it, from a full name: "Tom van den Nieuwenhuijzen-Wittens" →
    /// "Van den Nieuwenhuijzen-Wittens", "Stef Blok" → "Blok", "J.J. Klaver" → "Klaver", "Kuzu" → "Kuzu".
    /// The surname starts at the first tussenvoegsel after a first name, else it is the last word; the
    /// first letter is then capitalised, as Dutch does when no first name precedes.
    /// </summary>
    public static string SurnameOf(string fullName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullName);
        var words = fullName.Split([' ', '\t', '\n', '\u00a0'], StringSplitOptions.RemoveEmptyEntries);
        var start = words.Length - 1;
        for (var i = 1; i < words.Length - 1; i++)
        {
            // "Faber-Van de Klashorst": a tussenvoegsel after a hyphen belongs to the double surname, which starts
            // at the hyphenated word, not at the tussenvoegsel.
            var previous = words[i - 1];
            var dash = previous.LastIndexOf('-');
            if (Particles.Contains(words[i]) && dash > 0 && Particles.Contains(previous[(dash + 1)..]))
            {
                start = i - 1;
                break;
            }

            if (Particles.Contains(words[i]))
            {
                start = i;
                break;
            }
        }

        // A name that starts with its tussenvoegsel ("Van Ojik") has no first name.
        if (words.Length > 1 && Particles.Contains(words[0]))
        {
            start = 0;
        }

        var surname = string.Join(' ', words[start..]);
        return Capitalize(surname);
    }

    /// <summary>"van den Hul" → "Van den Hul": the capital that a surname takes without a first name.</summary>
    public static string Capitalize(string surname)
    {
        if (surname.Length == 0 || char.IsUpper(surname[0]))
        {
            return surname;
        }

        // "'t Hoen" keeps its apostrophe lower-case form.
        if (surname[0] is '\'' or '’')
        {
            return surname;
        }

        var sb = new StringBuilder(surname);
        sb[0] = char.ToUpperInvariant(sb[0]);
        return sb.ToString();
    }

    internal static bool IsParticle(string word) => Particles.Contains(word);
}
