using System.Globalization;
using System.Text.RegularExpressions;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Text;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Kinds.Motion;

/// <summary>
/// Motions with their sponsors and, when given, dossier and number: "motie Van den Nieuwenhuijzen c.s. (21 501-20,
/// nr. 1591)", "motie Sjoerdsma/Kuzu", "de motie van het lid Bikker", "de motie van de leden Piri en Veldkamp",
/// "motie-Omtzigt", glued "motie Drost c.s.(Kamerstuk 21 501-20, nr. 1963)" and "motieBikker-Van den Hil", the number
/// first ("motie (TK vergaderjaar 2023–2024, 36 410 XVI, nr. 116) van de leden …"), the sponsor first ("door het lid
/// Mutluer ingediende motie"), and lists "de moties Sjoerdsma c.s. (…), Ploumen (…) en Kuzu (…)", each motion with
/// its own sponsor and span. An unnumbered motion has no target but keeps its sponsor; a motion with neither
/// ("deze motie", "motie van wantrouwen") cites nothing.
/// </summary>
internal sealed partial class MotionRecognizer : ICitationRecognizer
{
    private const string S = @"[ \u00a0\n]";

    /// <summary>The number part: "(Kamerstuk 21 501-20, nr. 1591)", "(Kamerstukken II 2019/20, 35 300-XV, nr. 28)", "(Kamerstuk 21501-20-2128)".</summary>
    private const string Ref =
        @"(?<ref>" + S + @"{0,3},?" + S + @"{0,2}\(?" + S + @"{0,2}(?:zie" + S + @"{1,2})?(?:(?:[Kk]amer-?stuk(?:-?ken)?|TK)(?:[ \u00a0]{0,2}" + Patterns.Chamber + @")?" + S + @"{0,2},?" + S + @"{0,2})?" +
        @"(?:vergaderjaar" + S + @"{0,2})?(?:" + Patterns.Vergaderjaar + S + @"{0,2},?" + S + @"{0,2})?(?<d>" + Patterns.Dossier + @")" +
        @"(?:" + S + @"{0,2},?" + S + @"{0,3}" + Patterns.Nr + @"(?<nr>[0-9]{1,5})(?![0-9])|[ \u00a0]?-(?<nr>[0-9]{2,5})(?![0-9\p{L}]))\)?)";

    private const string Members = @"van" + S + @"{0,2}(?:het" + S + @"{1,2}(?:[Kk]amer)?lid|de" + S + @"{1,2}leden|(?:[Kk]amer)?lid)" + S + @"{1,2}";

    public string Name => "motion";

    public IReadOnlyList<string> Triggers { get; } = ["motie"];

    public IEnumerable<Citation> Find(RecognitionContext context)
    {
        var text = context.Text;

        // "door het lid Mutluer ingediende motie": the sponsor comes first.
        var sponsorFirst = new List<(int Start, int End)>();
        foreach (Match m in SponsorFirstRx().Matches(text))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            if (Make(m, m.Index, context) is { } c)
            {
                sponsorFirst.Add((c.Start, m.Index + m.Length));
                yield return c;
            }
        }

        foreach (Match m in MotionRx().Matches(text))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            // The regex starts at the literal so the search is a fast vectorised scan; "promotie", "emotie" are words of their own.
            if (IsOtherWord(text, m.Index) || CitationParts.OverlapsAny(sponsorFirst, m.Index, m.Index + 1))
            {
                continue;
            }

            var first = Make(m, m.Index, context);
            if (first is null)
            {
                continue;
            }

            yield return first;
            if (!m.Groups["pl"].Success || !m.Groups["ref"].Success)
            {
                continue;
            }

            // "de moties A (…), B (…) en C (…)": each further item is anchored where the previous one ended.
            var at = m.Index + m.Length;
            for (var guard = 0; guard < 12 && at < text.Length; guard++)
            {
                var next = NextItemRx().Match(text, at);
                if (!next.Success || Make(next, next.Groups["item"].Index, context) is not { } item)
                {
                    break;
                }

                yield return item;
                at = next.Index + next.Length;
            }
        }
    }

    /// <summary>
    /// "promotie", "emotie", "commotie" are words of their own; PDF text also glues words to "motie"
    /// ("aangenomenmotie-Van Nispen", "Conformmotie Piri"), and those are motions.
    /// </summary>
    private static bool IsOtherWord(string text, int index)
    {
        var start = index;
        while (start > 0 && index - start < 20 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        var prefix = text[start..index].ToLowerInvariant();
        return prefix is "pro" or "e" or "de" or "com" or "loco" or "auto";
    }

    private static Citation? Make(Match m, int start, RecognitionContext context)
    {
        var text = context.Text;
        var sp = m.Groups["sp"];
        string? target = null;
        if (m.Groups["ref"].Success && m.Groups["d"].Success && m.Groups["nr"].Success)
        {
            target = Ids.Kamerstuk(CitationParts.Squash(m.Groups["d"].Value), int.Parse(m.Groups["nr"].Value, NumberStyles.None, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
        }

        if (target is null && !sp.Success)
        {
            return null;
        }

        var end = m.Index + m.Length;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (m.Groups["ref"].Success && text[end - 1] == ',')
        {
            end--;
        }

        var sponsor = sp.Success ? CitationParts.SponsorPhrase(sp.Value) : null;
        return new Citation(CitationKind.Motion, target, sponsor, text[start..end], start, end, target is null ? 0.9 : 1.0)
        {
            Sponsors = sponsor is null ? [] : CitationParts.SplitSponsors(sponsor),
        };
    }

    [GeneratedRegex(
        @"door" + S + @"{1,2}(?:het" + S + @"{1,2}lid|de" + S + @"{1,2}leden)" + S + @"{1,2}(?<sp>" + Patterns.SponsorList + @")" + S + @"{1,2}(?:ingediende|aangenomen|voorgestelde)" + S + @"{1,2}motie(?![\p{L}])(?:" + Ref + ")?",
        RegexOptions.CultureInvariant, Recognition.Patterns.MatchTimeoutMs)]
    private static partial Regex SponsorFirstRx();

    [GeneratedRegex(
        // "motie(s)" then sponsor, or number then sponsor
        @"(?<kw>[Mm]otie(?<pl>s)?)(?:-|" + S + @"{1,3}|(?=\p{Lu}))" +
        @"(?:(?:" + Members + @")?(?<sp>" + Patterns.SponsorList + @")(?:(?:" + S + @"{1,3}over" + S + @"[^.;:()?!]{1,200}?)?" + Ref + @")?" +
        @"|(?:" + S + @"{0,2}(?:aannam|aanneemt|aangenomen|indiende|ingediend|heeft" + S + @"aangenomen))?" + Ref + @"(?:" + S + @"{0,2},?" + S + @"{0,2}" + Members + @"(?<sp>" + Patterns.SponsorList + @"))?)",
        RegexOptions.CultureInvariant, Recognition.Patterns.MatchTimeoutMs)]
    private static partial Regex MotionRx();

    [GeneratedRegex(@"\G" + S + @"{0,2}(?:,|en)" + S + @"{1,2}(?<item>(?<sp>" + Patterns.SponsorList + @")" + Ref + ")", RegexOptions.CultureInvariant, Recognition.Patterns.MatchTimeoutMs)]
    private static partial Regex NextItemRx();
}
