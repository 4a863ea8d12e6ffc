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
    public static bool IsFooter(string line) => MayBeFooter(line) && FooterLineRx().IsMatch(line.Trim());

    /// <summary>Removes furniture glued inside a line ("…Aanhangsel 1" after a sentence); returns what is left.</summary>
    public static string StripInline(string line) => (MayHoldInline(line) ? InlineRx().Replace(line, " ") : line).Trim();

    /// <summary>
    /// False when <see cref="FooterLineRx"/> cannot match the trimmed line: every alternative of the anchored pattern
    /// starts with one of "a" (ah-tk-), "k" (kv-tk-, kst-), "I" (ISSN), "’" or "'" ('s-Gravenhage), "T" (Tweede Kamer),
    /// and the pattern ignores no case. Most lines start otherwise and are not handed to the regex.
    /// </summary>
    internal static bool MayBeFooter(string line)
    {
        var t = line.AsSpan().TrimStart();
        return !t.IsEmpty && t[0] is 'a' or 'k' or 'I' or '’' or '\'' or 'T';
    }

    /// <summary>
    /// False when <see cref="InlineRx"/> cannot match: each of its three alternatives holds a literal ("ISSN",
    /// "s-Gravenhage", "Tweede Kamer, vergaderjaar") that the line then lacks (most lines).
    /// </summary>
    internal static bool MayHoldInline(string line) =>
        line.Contains("ISSN", StringComparison.Ordinal) || line.Contains("s-Gravenhage", StringComparison.Ordinal) ||
        line.Contains("Tweede Kamer, vergaderjaar", StringComparison.Ordinal);

    [GeneratedRegex(@"^(?:(?:ah|kv)-tk-\S+|kst-\S+|ISSN\s*0921.*|’s-Gravenhage\s+[0-9]{4}.*|'s-Gravenhage\s+[0-9]{4}.*|Tweede Kamer, vergaderjaar\s+[0-9]{4}\s*[–-]\s*[0-9]{4},.*|Tweede Kamer der Staten-Generaal\s*[0-9]*)$", RegexOptions.None, Patterns.MatchTimeoutMs)]
    internal static partial Regex FooterLineRx();

    [GeneratedRegex(@"(?:ISSN\s*0921\s*-\s*[0-9]{4})|(?:[’']s-Gravenhage\s+[0-9]{4})|(?:Tweede Kamer, vergaderjaar\s+[0-9]{4}\s*[–-]\s*[0-9]{4},\s*(?:Aanhangsel|Vragen)(?:\s+[0-9]{1,3}\b)?)", RegexOptions.None, Patterns.MatchTimeoutMs)]
    internal static partial Regex InlineRx();
}
