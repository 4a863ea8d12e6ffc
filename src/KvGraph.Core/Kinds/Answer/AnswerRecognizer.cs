using System.Text.RegularExpressions;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Text;
using KvGraph.Core.Kinds.Aanhangsel;
using KvGraph.Core.Kinds.Letter;
using KvGraph.Core.Kinds.Zaak;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Kinds.Answer;

/// <summary>
/// Earlier answers in other documents, identified by what the parenthesis gives: "mijn antwoorden op Kamervragen over
/// het bericht … (kenmerk 2019210940)" → the zaak 2019Z10940 (OCR-repaired, so corrected); "antwoorden op eerdere
/// vragen van het lid X (Aanhangsel Handelingen II 2023/24, nr. 123)" → <c>ah-tk-20232024-123</c>; "(2024Z01234)";
/// "(2024D12345)". The subject ("over …", without "over") is kept. The id inside is also cited by its own recogniser,
/// so the graph gets both what was cited (a zaak, an Aanhangsel) and that it was cited as an answer.
/// Answers without an id ("mijn antwoorden op eerdere vragen") cite nothing findable and are skipped.
/// </summary>
internal sealed partial class AnswerRecognizer : ICitationRecognizer
{
    private const string S = @"[ \u00a0\n]";

    private static readonly string[] Determiners = ["mijn", "Mijn", "de", "De", "het", "Het", "onze", "Onze", "eerdere", "Eerdere"];

    public string Name => "answer";

    public IReadOnlyList<string> Triggers { get; } = ["antwoord"];

    public IEnumerable<Citation> Find(RecognitionContext context)
    {
        var text = context.Text;
        foreach (Match m in EarlierAnswerRx().Matches(text))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            if (m.Index > 0 && char.IsLetter(text[m.Index - 1]))
            {
                continue;
            }

            // "Antwoord op vragen 2,3 en 6" opening a line is an item heading; a kenmerk in parentheses right after a
            // cited letter is that letter's reference ("Kamerbrief … van 27 augustus 2018 (kenmerk 2018715781)").
            if (StartsLine(text, m.Index) && char.IsUpper(text[m.Index]) ||
                m.Groups["z"].Success && LetterRecognizer.IsLetterKenmerk(text, m.Groups["open"].Index + 1))
            {
                continue;
            }

            string? target = null;
            var corrected = false;
            string? original = null;
            var end = m.Index + m.Length;
            if (m.Groups["z"].Success)
            {
                if (!Ids.TryReadZaak(m.Groups["z"].Value, kenmerkContext: true, out var zaak, out corrected))
                {
                    continue;
                }

                target = zaak;
                original = corrected ? m.Groups["z"].Value : null;
            }
            else if (m.Groups["doc"].Success)
            {
                var d = m.Groups["doc"].Value;
                target = string.Concat(d.AsSpan(0, 4), "D", d.AsSpan(5));
            }
            else if (m.Groups["ah"].Success && AanhangselRecognizer.FindIn(text, m.Groups["ah"].Index, Math.Min(140, text.Length - m.Groups["ah"].Index)) is { } ah)
            {
                target = ah.Id;
                end = ah.End;
            }

            if (target is null)
            {
                continue;
            }

            if (end < text.Length && text[end] == ')')
            {
                end++;
            }

            var mid = CitationParts.Squash(m.Groups["mid"].Value);
            var subject = mid.StartsWith("over ", StringComparison.Ordinal) ? mid[5..].Trim() : null;
            var start = CitationParts.ExtendBack(text, m.Index, Determiners);
            yield return new Citation(CitationKind.Answer, target, null, text[start..end], start, end, corrected ? ZaakRecognizer.CorrectedConfidence : 1.0)
            {
                Corrected = corrected,
                OriginalText = original,
                Subject = string.IsNullOrEmpty(subject) ? null : subject,
            };
        }
    }

    private static bool StartsLine(string text, int index)
    {
        for (var i = index - 1; i >= 0 && text[i] != '\n'; i--)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(
        @"(?:[Bb]eantwoording|[Aa]ntwoord(?:en)?)" + S + @"{1,3}(?:op|van)" + S + @"{1,3}(?:de" + S + @"{1,2})?(?:eerdere" + S + @"{1,2})?(?:schriftelijke" + S + @"{1,2})?(?:[Kk]amer)?vragen(?![\p{L}])" +
        @"(?<mid>(?:[^().;?!]|\.(?!" + S + @"{1,3}\p{Lu})|\((?!Aanhangsel|[Kk]enmerk|Kamerstuk|[0-9])[^()\n]{1,25}\)){0,300}?)" +
        @"(?<open>\()" + S + @"{0,2}(?:zie" + S + @"{1,2})?(?:" +
        @"(?:met" + S + @"{1,2})?(?:kenmerk|vraagnummer|zaaknummer)?" + S + @"{0,2}:?" + S + @"{0,2}(?<z>(?:19|20)[0-9]{2}[Zz0-9][0-9]{5})(?![0-9\p{L}])" +
        @"|(?<doc>(?:19|20)[0-9]{2}[Dd][0-9]{5})(?![0-9\p{L}])" +
        @"|(?<ah>Aanhangsel|Kamervragen|ah-tk-|Tweede" + S + @"Kamer,))",
        RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex EarlierAnswerRx();
}
