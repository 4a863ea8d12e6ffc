using System.Globalization;
using System.Text;

namespace KvGraph.Core.Cleaning;

/// <summary>
/// Names of members and ministers in parliamentary form: surname only, with the tussenvoegsel capitalised at the
/// start ("Kirsten van den Hul" → "Van den Hul", "Tom van den Nieuwenhuijzen-Wittens" → "Van den Nieuwenhuijzen-Wittens").
/// </summary>
public static class PersonNames
{
    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "van", "den", "der", "de", "het", "ten", "ter", "te", "'t", "’t", "in", "op", "la", "le", "du", "von", "vande", "vanden", "vander", "d'", "el",
    };

    /// <summary>The parliamentary surname of a full name ("Sigrid Kaag" → "Kaag"). Names already in that form stay.</summary>
    public static string Surname(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        var parts = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length <= 1)
        {
            return Capitalise(fullName.Trim());
        }

        // The surname starts at the first particle after the first name; "Van Ojik" (already a surname) starts at 0.
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (Particles.Contains(parts[i]))
            {
                return Capitalise(string.Join(' ', parts[i..]));
            }
        }

        return parts[^1];
    }

    /// <summary>Capitalises a leading tussenvoegsel ("van der Graaf" → "Van der Graaf"); other words as they are.</summary>
    public static string Capitalise(string surname)
    {
        ArgumentNullException.ThrowIfNull(surname);
        var s = surname.Trim();
        return s.Length == 0 ? s : char.ToUpper(s[0], CultureInfo.InvariantCulture) + s[1..];
    }

    /// <summary>"MINHAS" → "Minhas", "VAN DER GRAAF" → "Van der Graaf", "DIEDERIK VAN DIJK" → "Diederik van Dijk".</summary>
    public static string FromUpperCase(string upper)
    {
        ArgumentNullException.ThrowIfNull(upper);
        var words = upper.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var sb = new StringBuilder();
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            var keepLower = i > 0 && Particles.Contains(w);
            sb.Append(keepLower ? w : TitleWord(w));
        }

        return Capitalise(sb.ToString());
    }

    /// <summary>A normalised key for a person or party name: lower case, accents removed, words joined by '-'.</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var d = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        foreach (var c in d)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        return string.Join('-', sb.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string TitleWord(string w)
    {
        // Double names keep each part capitalised: "nieuwenhuijzen-wittens" → "Nieuwenhuijzen-Wittens".
        var parts = w.Split('-');
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length > 0 && !(i > 0 && Particles.Contains(parts[i])))
            {
                parts[i] = char.ToUpper(parts[i][0], CultureInfo.InvariantCulture) + parts[i][1..];
            }
        }

        return string.Join('-', parts);
    }
}
