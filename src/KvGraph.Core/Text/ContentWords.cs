using KvGraph.Core.Entities;

namespace KvGraph.Core.Text;

/// <summary>
/// The words of a text that say what it is about: lower case, without diacritics, at least four letters, without
/// Dutch function words and the vocabulary every parliamentary text shares ("motie", "regering", "kamer"). Used to
/// compare a mention's surroundings with a candidate's subject.
/// </summary>
public static class ContentWords
{
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "aan", "aangenomen", "achter", "alle", "alleen", "alsnog", "andere", "antwoord", "antwoorden", "beantwoording",
        "bent", "beraadslaging", "betreft", "bij", "bijvoorbeeld", "binnen", "brief", "daar", "daarbij", "daarin", "daarmee",
        "daarom", "dan", "dat", "deze", "die", "dient", "dit", "door", "een", "eerder", "eerste", "elke", "enkele", "geen",
        "gehoord", "genoemde", "gevraagd", "geweest", "gaat", "heeft", "hebben", "heb", "hier", "hierbij", "hoe", "hun",
        "ingediende", "inzake", "kabinet", "kamer", "kamerbrief", "kamerlid", "kamerleden", "kan", "kunnen", "lid", "leden",
        "maar", "meer", "mijn", "minister", "moet", "motie", "moties", "naar", "naast", "niet", "nog", "omdat", "onder",
        "ook", "orde", "over", "regering", "staatssecretaris", "tegen", "tot", "tussen", "uitvoering", "uitvoeren", "uw",
        "van", "vanuit", "verzoekt", "voor", "vraag", "vragen", "waar", "wat", "welke", "werd", "worden", "wordt", "zal",
        "zijn", "zich", "zoals", "zou", "verder", "tweede", "waarin", "waarop", "waarmee", "onze", "jaar", "jaren",
        "conform", "namelijk", "gaan", "willen", "wil", "ingevolge", "gevolg", "overwegende", "constaterende", "dag",
    };

    /// <summary>The distinct content words of <paramref name="text"/>.</summary>
    public static HashSet<string> Of(string? text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        foreach (var raw in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var w = TextFold.Slug(raw).Replace("-", string.Empty, StringComparison.Ordinal);
            if (w.Length >= 4 && !Stop.Contains(w) && !w.All(char.IsAsciiDigit))
            {
                words.Add(w);
            }
        }

        return words;
    }

    /// <summary>The subject part of a motion's onderwerp: what follows "over" ("Motie van het lid Simons c.s. over X" → "X").</summary>
    public static string SubjectOfMotionTitle(string? title)
    {
        if (string.IsNullOrEmpty(title))
        {
            return string.Empty;
        }

        var over = title.IndexOf(" over ", StringComparison.OrdinalIgnoreCase);
        return over >= 0 ? title[(over + 6)..] : title;
    }

    private static readonly char[] Separators = [' ', '\n', '\r', '\t', ',', '.', ';', ':', '(', ')', '"', '\'', '«', '»', '“', '”', '‘', '’', '/', '?', '!', '[', ']', '\u00a0'];
}
