using System.Globalization;
using System.Text.RegularExpressions;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Text;
using KvGraph.Core.Kinds.Reference;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Kinds.Letter;

/// <summary>
/// Earlier letters identified by their date: "Kamerbrief over Xinjiang van 27 augustus 2018 (kenmerk 2018715781)"
/// → <c>letter:2018-08-27</c> with reference 2018715781 and subject Xinjiang; "mijn brief van 10 september 2024",
/// "bij brief van 15 november jl.", "per brief d.d. 6 maart 2024", "de brief van uw ambtsvoorganger van12 april 2024".
/// A relative date ("12 maart jl.", or no year at all) is resolved against the document's reference date (or its
/// inferred year) with a lower confidence; without either it is skipped. A letter that is also given as a
/// Kamerstuk becomes that Kamerstuk in the settle stage (<c>CitationIdentity</c>), not here.
/// "de brief die ik stuurde" and "de brief van Vereniging Eigen Huis" have no date and are not letter citations.
/// </summary>
internal sealed partial class LetterRecognizer : ICitationRecognizer
{
    private const string Head =
        @"(?<kw>brief)(?![\p{L}])(?<mid>(?:[ \u00a0\n]{1,3}(?!van[ \u00a0\n]{0,2}[0-9])(?:[^.;:()?!0-9]|\((?:[Kk]amerstuk|kst)[^()]{1,50}\)){1,140}?)?)[ \u00a0\n]{1,3}(?:van|vanuit|d\.[ \u00a0]?d\.|gedateerd|dd\.?|op)[ \u00a0\n]{0,2}";

    private const string Kenmerk =
        @"(?:[ \u00a0\n]{0,2}[,(][ \u00a0\n]{0,2}(?:met[ \u00a0\n]{1,2})?(?:ons[ \u00a0\n]{1,2})?(?:[Kk]enmerk|[Rr]eferentie)[ \u00a0\n]{0,2}:?[ \u00a0\n]{0,2}(?<ref>[A-Za-z0-9][A-Za-z0-9/\-_.]{2,40}[A-Za-z0-9])\)?)?";

    public string Name => "letter";

    public IReadOnlyList<string> Triggers { get; } = ["brief"];

    public IEnumerable<Citation> Find(RecognitionContext context)
    {
        var text = context.Text;
        foreach (Match m in DateFirstRx().Matches(text))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            // "Op 29 oktober is de Kamer aanvullend geïnformeerd over de BNI-koppeling middels een Kamerbrief (BZ2407724)"
            if (Resolve(m, context) is { } resolved)
            {
                var end = m.Index + m.Length;
                yield return new Citation(CitationKind.Letter, Ids.Letter(resolved.Date), null, text[m.Index..end], m.Index, end, resolved.Confidence)
                {
                    Reference = m.Groups["v"].Success ? m.Groups["v"].Value : null,
                    Date = resolved.Date,
                };
            }
        }

        foreach (Match m in LetterRx().Matches(text))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            if (Resolve(m, context) is not { } resolved)
            {
                continue;
            }

            var end = m.Index + m.Length;
            string? reference = m.Groups["ref"].Success ? m.Groups["ref"].Value : null;

            // The word may be a compound ("Kamerbrief", "voortgangsbrief"); PDF text glues the article to it
            // ("deKamerbrief"): the citation starts at the word, or at the capital inside it.
            var start = m.Index;
            while (start > 0 && m.Index - start < 20 && char.IsLetter(text[start - 1]))
            {
                start--;
            }

            for (var i = start + 1; i < Math.Min(start + 5, m.Index); i++)
            {
                if (char.IsUpper(text[i]) && char.IsLower(text[start]))
                {
                    start = i;
                    break;
                }
            }

            yield return new Citation(CitationKind.Letter, Ids.Letter(resolved.Date), null, text[start..end], start, end, resolved.Confidence)
            {
                Reference = reference,
                Date = resolved.Date,
                Subject = Subject(m.Groups["mid"].Value),
            };
        }
    }

    /// <summary>
    /// The letter's subject from the words between "brief" and "van &lt;date&gt;": what follows "over" ("Kamerbrief over
    /// Xinjiang van …" → Xinjiang; "Kamerbrief van mijn voorganger over de voortgang waterstof van …"), or a title in
    /// guillemets ("Kamerbrief «Voortgang aanpak netcongestie» d.d. …").
    /// </summary>
    internal static string? Subject(string mid)
    {
        var text = CitationParts.Squash(mid);
        var over = text.StartsWith("over ", StringComparison.Ordinal) ? 0 : text.IndexOf(" over ", StringComparison.Ordinal) + 1;
        if (over > 0 || text.StartsWith("over ", StringComparison.Ordinal))
        {
            var subject = text[(over + 5)..].Trim();
            return subject.Length > 0 ? subject : null;
        }

        var open = text.IndexOf('\u00ab', StringComparison.Ordinal);
        var close = text.LastIndexOf('\u00bb');
        return open >= 0 && close > open + 1 ? text[(open + 1)..close].Trim() : null;
    }

    /// <summary>
    /// True when the kenmerk at <paramref name="index"/> belongs to a letter cited just before it
    /// ("Kamerbrief over Xinjiang van 27 augustus 2018 (kenmerk 2018715781)"): then it is the letter's reference,
    /// not a zaak or reference citation of its own. Looks back a bounded window, so it stays cheap.
    /// </summary>
    internal static bool IsLetterKenmerk(string text, int index)
    {
        var from = Math.Max(0, index - 220);
        return LetterTailRx().IsMatch(text.AsSpan(from, index - from));
    }

    private static (DateOnly Date, double Confidence)? Resolve(Match m, RecognitionContext context)
    {
        if (DutchDates.Month(m.Groups["month"].Value) is not { } month)
        {
            return null;
        }

        var day = int.Parse(m.Groups["day"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        if (m.Groups["year"].Success)
        {
            var date = DutchDates.Create(int.Parse(m.Groups["year"].Value, NumberStyles.None, CultureInfo.InvariantCulture), month, day);
            return date is { } d ? (d, 1.0) : null;
        }

        return ResolveRelative(day, month, m.Groups["jl"].Success, context);
    }

    /// <summary>
    /// "12 maart jl." means the last 12 March before the document: this year, or last year when that date would
    /// lie after the reference date. Without a reference date the inferred year (from the zaak number) is used.
    /// </summary>
    internal static (DateOnly Date, double Confidence)? ResolveRelative(int day, int month, bool jl, RecognitionContext context)
    {
        if (context.ReferenceDate is { } reference)
        {
            var date = DutchDates.Create(reference.Year, month, day);
            if (date is { } d && d > reference)
            {
                date = DutchDates.Create(reference.Year - 1, month, day);
            }

            return date is { } r ? (r, jl ? 0.9 : 0.8) : null;
        }

        if (context.InferredYear is { } year && DutchDates.Create(year, month, day) is { } guess)
        {
            return (guess, jl ? 0.7 : 0.6);
        }

        return null;
    }

    [GeneratedRegex(Head + Patterns.Date + Kenmerk, RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex LetterRx();

    // The date first: "Op <date> is de Kamer [… ]geïnformeerd [over …] middels een Kamerbrief [(kenmerk)]". Only the Kamer
    // being informed by a letter: "Op 8 juli jl. stuurden 22 landen … een brief" is someone else's letter.
    [GeneratedRegex(@"\b[Oo]p[ \u00a0\n]{1,2}" + Patterns.Date + @"[ \u00a0\n,]{1,3}(?:is|zijn|heb|heeft|hebben)[ \u00a0\n]{1,3}(?:de|uw)[ \u00a0\n]{1,3}Kamer[ \u00a0\n]{1,3}(?:[^.;:?!\n]{0,60}?[ \u00a0\n])?(?:geïnformeerd|ingelicht)[ \u00a0\n](?:[^.;:?!\n]{0,120}?[ \u00a0\n])?(?:middels|per|bij|via|met|in)[ \u00a0\n]{1,3}(?:een|de|mijn|onze)[ \u00a0\n]{1,3}\p{L}{0,20}brief(?![\p{L}])(?:[ \u00a0\n]{0,2}" + ReferenceRecognizer.LetterCode + ")?", RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex DateFirstRx();

    [GeneratedRegex(@"brief(?![\p{L}])[^.;()?!]{0,140}(?:van|d\.[ \u00a0]?d\.)[ \u00a0\n]{0,2}[0-9]{1,2}[ \u00a0\n]{1,3}" + Patterns.MonthNames + @"(?:[ \u00a0\n]{1,3}[0-9]{4})?[0-9]{0,2}[ \u00a0\n]{0,3}(?:jl\.?)?[ \u00a0\n]{0,3}[,(][ \u00a0\n]{0,2}(?:met[ \u00a0\n]{1,2})?(?:ons[ \u00a0\n]{1,2})?\z", RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex LetterTailRx();
}
