using System.Globalization;
using System.Text.RegularExpressions;
using KvGraph.Core.Entities;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Extraction;

/// <summary>
/// The identity rules of the settle stage: what one citation is when recognisers found pieces of it. Each rule is
/// decided here and nowhere else:
/// <list type="bullet">
/// <item>A motion document naming itself (its title, its heading, or only its own sponsors) is not a citation.</item>
/// <item>A mention carrying a footnote marker takes its target from the footnote: an unnumbered motion becomes that
/// Kamerstuk's motion, a dated letter becomes that Kamerstuk (with the letter's date); the note's own Kamerstuk
/// citation is covered and goes.</item>
/// <item>A letter cited with its Kamerstuk number ("mijn brief van 10 september 2024 (Kamerstuk 23 432, nr. 537)") is
/// that Kamerstuk: one <c>kamerstuk</c> citation spanning the letter phrase through the number, keeping the letter's
/// date, subject and kenmerk.</item>
/// </list>
/// </summary>
internal static partial class CitationIdentity
{
    /// <summary>How far after a letter its footnote marker may stand (same sentence, at most this many characters).</summary>
    private const int MarkerWindow = 160;

    /// <summary>A motion's marker stands right after its sponsors ("Van Zanten c.s.²", "Van Zanten c.s. ²"), at most this far.</summary>
    private const int MotionMarkerWindow = 8;

    /// <summary>How many characters may separate a letter phrase from its Kamerstuk number ("… 2024 (Kamerstuk").</summary>
    private const int LetterGap = 12;

    /// <summary>
    /// A motion names itself: an unnumbered motion citation in a motion document whose quote lies in its title or its
    /// heading (before "De Kamer,"), or whose named sponsors are all the document's own sponsors. What the document
    /// gives (its squashed title, where its body starts, its sponsors' ids) is worked out once, so asking about every
    /// citation of a long document stays linear.
    /// </summary>
    public static Func<Citation, bool> NamesItself(DocumentInfo doc, string text)
    {
        if (doc.Kind != DocumentKind.Motion)
        {
            return static _ => false;
        }

        var title = doc.Title is { Length: > 0 } t ? CitationParts.Squash(t) : null;
        var body = DeKamerRx().Match(text) is { Success: true } m ? m.Index : -1;
        var own = doc.Sponsors.Select(PersonIds.For).ToHashSet(StringComparer.Ordinal);
        return c =>
        {
            if (c.Kind != CitationKind.Motion || c.Target is not null)
            {
                return false;
            }

            if (title is not null && title.Contains(CitationParts.Squash(c.Quote), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (body >= 0 && c.Start < body)
            {
                return true;
            }

            if (own.Count == 0)
            {
                return false;
            }

            var named = c.Sponsors.Count > 0 ? c.Sponsors : c.Sponsor is { } phrase ? CitationParts.SplitSponsors(phrase) : [];
            return named.Count > 0 && named.All(n => own.Contains(PersonIds.For(n)));
        };
    }

    /// <summary>Applies the footnote and letter-with-number rules to citations ordered by start.</summary>
    public static List<Citation> Settle(List<Citation> found, string text)
    {
        var covered = new HashSet<Citation>(ReferenceEqualityComparer.Instance);
        var result = FollowFootnotes(found, text, covered);
        result = LettersWithTheirNumber(result, text, covered);
        return result.Where(c => !covered.Contains(c)).OrderBy(c => c.Start).ThenByDescending(c => c.End - c.Start).ToList();
    }

    private static List<Citation> FollowFootnotes(List<Citation> found, string text, HashSet<Citation> covered)
    {
        var notes = Notes(text);
        if (notes.Count == 0)
        {
            return found;
        }

        // Looked up per mention, so built once: where citations start, where motions start, the anaphors in order,
        // and each note's Kamerstuk citations (at most one list per note number).
        var starts = found.Select(c => c.Start).ToHashSet();
        var motionStarts = found.Where(c => c.Kind == CitationKind.Motion).Select(c => c.Start).ToList();
        List<Match>? anaphors = null; // only a motion without a marker of its own asks for them
        var inNotes = new Dictionary<int, List<Citation>>();
        var result = new List<Citation>(found.Count);
        foreach (var c in found)
        {
            var linkable = (c.Kind == CitationKind.Motion && c.Target is null) || c.Kind == CitationKind.Letter;
            if (!linkable || InAnyNote(notes, c.Start) ||
                (MarkerAfter(c, starts, text) ?? AnaphorMarker(c, motionStarts, text, ref anaphors)) is not { } n ||
                !notes.TryGetValue(n, out var zone))
            {
                result.Add(c);
                continue;
            }

            if (!inNotes.TryGetValue(n, out var inNote))
            {
                inNote = found.Where(k => k.Kind == CitationKind.Kamerstuk && k.Start >= zone.Start && k.End <= zone.End).ToList();
                inNotes[n] = inNote;
            }

            var targets = inNote.Select(k => k.Target!).Distinct(StringComparer.Ordinal).ToList();
            if (targets.Count != 1)
            {
                result.Add(c);
                continue;
            }

            covered.UnionWith(inNote);
            result.Add(c.Kind == CitationKind.Motion
                ? c with { Target = targets[0], Footnote = n }
                : AsKamerstuk(c, targets[0], c.Start, c.End, inNote[0].Confidence) with { Footnote = n });
        }

        return result;
    }

    private static List<Citation> LettersWithTheirNumber(List<Citation> found, string text, HashSet<Citation> covered)
    {
        var result = new List<Citation>(found.Count);
        foreach (var c in found)
        {
            if (c.Kind != CitationKind.Letter || covered.Contains(c))
            {
                result.Add(c);
                continue;
            }

            // The number inside the letter phrase ("brief (Kamerstuk 29 826, nr. 214) van …") or right after it. The
            // citations are ordered by start, so only those starting from the letter's start up to the gap after it are looked at.
            Citation? number = null;
            for (var i = FirstAtOrAfter(found.Count, j => found[j].Start, c.Start); i < found.Count && found[i].Start <= c.End + LetterGap; i++)
            {
                var k = found[i];
                if (k.Kind == CitationKind.Kamerstuk && !covered.Contains(k) &&
                    (k.End <= c.End || (k.Start >= c.End && k.Start - c.End <= LetterGap && GapRx().IsMatch(text.AsSpan(c.End, k.Start - c.End)))))
                {
                    number = k;
                    break;
                }
            }

            if (number is null)
            {
                result.Add(c);
                continue;
            }

            covered.Add(number);
            var end = Math.Max(c.End, number.End);
            if (end < text.Length && text[end] == ')' && text.AsSpan(c.Start, end - c.Start).Contains('('))
            {
                end++;
            }

            result.Add(AsKamerstuk(c, number.Target!, c.Start, end, number.Confidence));
        }

        return result;
    }

    private static Citation AsKamerstuk(Citation letter, string target, int start, int end, double confidence) =>
        new(CitationKind.Kamerstuk, target, null, letter.Quote, start, end, Math.Min(letter.Confidence, confidence))
        {
            Item = letter.Item,
            Date = letter.Date,
            Subject = letter.Subject,
            Reference = letter.Reference,
        };

    /// <summary>
    /// The footnote marker a mention carries: the first "[n]" after it in the same sentence, with no other citation
    /// in between (a marker after a later citation belongs to that one).
    /// </summary>
    private static int? MarkerAfter(Citation c, HashSet<int> starts, string text)
    {
        var limit = Math.Min(text.Length, c.End + (c.Kind == CitationKind.Motion ? MotionMarkerWindow + 1 : MarkerWindow));
        for (var i = c.End; i < limit; i++)
        {
            var ch = text[i];
            if (ch == '\n')
            {
                return null;
            }

            if (ch == '[' && GroupRx().Match(text, i) is { Success: true } m && m.Index == i)
            {
                if ((i >= 2 && text.AsSpan(i - 2, 2).EndsWith("]", StringComparison.Ordinal)) || (i >= 1 && text[i - 1] == ']'))
                {
                    return null;
                }

                // Markers in a group ("motie Bikker-Van den Hil.[2][3]") keep the order of what they annotate, so the
                // mention right before the group has the last one; a mention further back cannot be told its own.
                var markers = m.Groups["n"].Captures;
                if (markers.Count > 1 && (i - c.End > MotionMarkerWindow || !GroupGapRx().IsMatch(text.AsSpan(c.End, i - c.End))))
                {
                    return null;
                }

                return int.Parse(markers[^1].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            }

            if (ch is '.' or '?' or '!' or ';' && SentenceEnds(text, i))
            {
                return null;
            }

            // Another citation starts here (not this one: it started before its end).
            if (starts.Contains(i))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The marker of an unnumbered motion taken up again later in its paragraph by a phrase that can only mean it ("de
    /// aangenomen motie-Simons c.s., waarin … binnen het kader van de betreffende motie?[1]"): the first such phrase
    /// after the mention on its line, when no other motion is mentioned in between.
    /// </summary>
    private static int? AnaphorMarker(Citation c, List<int> motionStarts, string text, ref List<Match>? found)
    {
        if (c.Kind != CitationKind.Motion)
        {
            return null;
        }

        var anaphors = found ??= AnaphorRx().Matches(text).ToList();
        var lineEnd = text.IndexOf('\n', c.End);
        lineEnd = lineEnd < 0 ? text.Length : lineEnd;

        // The first anaphor at or after the mention's end (anaphors and motion starts are in text order).
        var at = FirstAtOrAfter(anaphors.Count, i => anaphors[i].Index, c.End);
        if (at == anaphors.Count)
        {
            return null;
        }

        var a = anaphors[at];
        var motion = FirstAtOrAfter(motionStarts.Count, i => motionStarts[i], c.End);
        if (a.Index >= lineEnd || (motion < motionStarts.Count && motionStarts[motion] < a.Index))
        {
            return null;
        }

        return int.Parse(a.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>The first index in 0..count whose key (non-decreasing in the index) is at least <paramref name="value"/>.</summary>
    private static int FirstAtOrAfter(int count, Func<int, int> key, int value)
    {
        int lo = 0, hi = count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (key(mid) < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// Whether the punctuation at <paramref name="i"/> ends the sentence: ';' always; '.', '?', '!' when followed by the end
    /// of the line or a space and a capital ("c.s. over", "nr. 82" and "middelen.[4]" go on).
    /// </summary>
    private static bool SentenceEnds(string text, int i)
    {
        if (text[i] == ';' || i + 1 >= text.Length || text[i + 1] == '\n')
        {
            return true;
        }

        return char.IsWhiteSpace(text[i + 1]) && i + 2 < text.Length && char.IsUpper(text[i + 2]);
    }

    /// <summary>The footnotes of the cleaned text: lines that start with "[n] ", each running to the end of its line.</summary>
    private static Dictionary<int, (int Start, int End)> Notes(string text)
    {
        var notes = new Dictionary<int, (int, int)>();
        foreach (Match m in NoteLineRx().Matches(text))
        {
            notes.TryAdd(int.Parse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture), (m.Index, m.Index + m.Length));
        }

        return notes;
    }

    private static bool InAnyNote(Dictionary<int, (int Start, int End)> notes, int offset) =>
        notes.Values.Any(z => offset >= z.Start && offset < z.End);

    [GeneratedRegex(@"^\[(?<n>[0-9]{1,2})\] [^\n]*", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex NoteLineRx();

    [GeneratedRegex(@"\G\[(?<n>[0-9]{1,2})\](?: ?\[(?<n>[0-9]{1,2})\])*", RegexOptions.CultureInvariant)]
    private static partial Regex GroupRx();

    // What may stand between a mention and the group of markers that ends on its note: punctuation, a space.
    [GeneratedRegex(@"^[\s.,;:?!»”’"")]*$", RegexOptions.CultureInvariant)]
    private static partial Regex GroupGapRx();

    // A phrase that takes up the motion just named ("de betreffende motie?[1]"), with the marker after it.
    [GeneratedRegex(@"\b(?:de\s+(?:betreffende|desbetreffende|genoemde|voornoemde|bovengenoemde)|deze|die|dezelfde)\s+motie[?!.,;:»”]{0,2}\[(?<n>[0-9]{1,2})\]", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AnaphorRx();

    [GeneratedRegex(@"^[\s,(]*(?:zie[\s]{1,2})?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex GapRx();

    [GeneratedRegex(@"(?m)^De Kamer,", RegexOptions.CultureInvariant)]
    private static partial Regex DeKamerRx();
}
