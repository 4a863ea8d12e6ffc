using System.Text.RegularExpressions;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Reading;

/// <summary>
/// The running headers and footers of Tweede Kamer publications ("ah-tk-20242025-594", "ISSN 0921 - 7398",
/// "’s-Gravenhage 2024", "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1") that PDF extraction drops between
/// the lines of a sentence. They mark page ends, which is where the page's footnotes stand.
/// </summary>
internal static partial class PageFurniture
{
    /// <summary>True when the whole line is page furniture.</summary>
    public static bool IsFooter(string line) => FooterLineRx().IsMatch(line.Trim());

    /// <summary>Removes furniture glued inside a line ("…Aanhangsel 1" after a sentence); returns what is left.</summary>
    public static string StripInline(string line) => InlineRx().Replace(line, " ").Trim();

    [GeneratedRegex(@"^(?:(?:ah|kv)-tk-\S+|kst-\S+|ISSN\s*0921.*|’s-Gravenhage\s+[0-9]{4}.*|'s-Gravenhage\s+[0-9]{4}.*|Tweede Kamer, vergaderjaar\s+[0-9]{4}\s*[–-]\s*[0-9]{4},.*|Tweede Kamer der Staten-Generaal\s*[0-9]*)$", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex FooterLineRx();

    [GeneratedRegex(@"(?:ISSN\s*0921\s*-\s*[0-9]{4})|(?:[’']s-Gravenhage\s+[0-9]{4})|(?:Tweede Kamer, vergaderjaar\s+[0-9]{4}\s*[–-]\s*[0-9]{4},\s*(?:Aanhangsel|Vragen)(?:\s+[0-9]{1,3}\b)?)", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex InlineRx();
}
