using System.Globalization;
using System.Text.RegularExpressions;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Kinds.Answer;

/// <summary>
/// References to another answer in the same document: "Zie antwoord vraag 2", "zie het antwoord op vraag 7", "Zoals in
/// het antwoord op vraag 7 aangegeven", "zie antwoorden op de vragen 2 en 3", "Zoals ik bij vraag 2 heb aangegeven",
/// "(zie antwoord vraag 10)" → target <c>&lt;doc id&gt;#a&lt;N&gt;</c>, one citation per number. Not an item heading
/// ("Antwoord op vraag 3 en 4", "Antwoord vraag 1:" at the start of a line), and not a question of another document
/// ("het antwoord op vraag 3 van het lid X (Aanhangsel …)").
/// </summary>
internal sealed partial class IntraAnswerRecognizer : ICitationRecognizer
{
    private const string S = @"[ \u00a0\n]";

    public string Name => "answer-intra";

    public IReadOnlyList<string> Triggers { get; } = ["vraag", "vragen", "antwoord"];

    public IEnumerable<Citation> Find(RecognitionContext context)
    {
        var text = context.Text;

        // Written questions hold no answers: "het antwoord op vraag 17" there is another document's answer.
        if (context.Doc.Kind == DocumentKind.Question)
        {
            yield break;
        }

        foreach (Match m in AnswerNumberRx().Matches(text))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            // "In antwoord 3 ben ik ingegaan", "zie antwoord 5": the answer's own number, no "vraag".
            var end = m.Index + m.Length;
            if (OtherDocumentAfter(text, end) || !int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 200)
            {
                continue;
            }

            var start = m.Groups["pre"].Index;
            yield return new Citation(CitationKind.Answer, $"{context.Doc.Id}#a{n.ToString(CultureInfo.InvariantCulture)}", null, text[start..end], start, end, 1.0);
        }

        foreach (Match m in IntraRx().Matches(text))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var pre = m.Groups["pre"];
            var end = m.Index + m.Length;
            if (IsHeading(text, m) || OtherDocumentAfter(text, end) ||
                m.Groups["bij"].Success && !VerbAfterRx().IsMatch(text.AsSpan(end, Math.Min(40, text.Length - end))))
            {
                continue;
            }

            var start = pre.Index;
            foreach (var n in CitationParts.Numbers(m.Groups["list"].Value))
            {
                if (n is < 1 or > 200)
                {
                    continue;
                }

                yield return new Citation(CitationKind.Answer, $"{context.Doc.Id}#a{n.ToString(CultureInfo.InvariantCulture)}", null, text[start..end], start, end, 1.0);
            }
        }
    }

    /// <summary>"Antwoord op vraag 3 en 4" or "Antwoord vraag 1:" opening a line is the item's heading, not a reference.</summary>
    private static bool IsHeading(string text, Match m)
    {
        var pre = m.Groups["pre"];
        if (m.Groups["lead"].Success || !m.Groups["ans"].Success || !char.IsUpper(text[pre.Index]))
        {
            return false;
        }

        for (var i = pre.Index - 1; i >= 0 && text[i] != '\n'; i--)
        {
            if (!char.IsWhiteSpace(text[i]) && text[i] is not ('\u2022' or '-' or '*'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"vraag 3 van het lid X", "vraag 2 (Aanhangsel …)", "vraag 4 uit de beantwoording van …": another document's question.</summary>
    private static bool OtherDocumentAfter(string text, int end)
    {
        var length = Math.Min(120, text.Length - end);
        var m = OtherDocumentRx().Match(text, end, length);
        return m.Success;
    }

    // The match starts at the rare literal "vraag"/"vragen" (a fast scan); what leads up to it is a lookbehind whose
    // captures give the start of the quote: "Zie (ook) (het|mijn) antwoord(en) (op) (de)", "zie", "zoals (aangegeven) bij|in",
    // "aangegeven bij|in", or "bij" when a verb follows the number ("Zoals ik bij vraag 2 heb aangegeven").
    [GeneratedRegex(
        @"(?<=(?<![\p{L}])(?<pre>" +
        @"(?:(?<lead>(?:[Zz]ie|[Zz]oals)" + S + @"{1,3}(?:(?:ook|verder|tevens|eerder)" + S + @"{1,3})?(?:(?:het|mijn|de|in|uit|bij|op)" + S + @"{1,3}(?:(?:het|mijn|de)" + S + @"{1,3})?)?|(?<lead>(?:[Hh]et|[Mm]ijn|[Dd]e|[Ii]n|[Uu]it|[Bb]ij|[Oo]p)" + S + @"{1,3}(?:(?:het|mijn|de)" + S + @"{1,3})?)))?" +
        @"(?<ans>[Aa]ntwoord(?:en)?|[Bb]eantwoording)" + S + @"{0,3}(?:(?:op|van|bij|onder)" + S + @"{0,3})?(?:de" + S + @"{1,2})?" +
        @"|(?<lead>[Zz]ie" + S + @"{1,3}(?:ook" + S + @"{1,3})?|(?:aangegeven|toegelicht|beschreven|vermeld|geantwoord)" + S + @"{1,3}(?:bij|in|onder)" + S + @"{1,3}|[Zz]oals" + S + @"{1,3}(?:aangegeven" + S + @"{1,3})?(?:bij|in|onder)" + S + @"{1,3}|(?<bij>[Bb]ij)" + S + @"{1,3})" +
        @"))vra(?:ag|gen)" + S + @"{0,2}(?<list>[0-9]{1,3}(?![0-9])(?:" + S + @"{0,2}(?:,|en|t/m|tot" + S + @"en" + S + @"met|-|\u2013)" + S + @"{0,2}[0-9]{1,3}(?![0-9])){0,10})",
        RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex IntraRx();

    [GeneratedRegex(
        @"(?<=(?<![\p{L}])(?<pre>(?:[Ii]n|[Zz]ie(?:" + S + @"{1,3}(?:ook|verder|tevens))?|[Mm]ijn|[Uu]it)" + S + @"{1,3}(?:(?:het|mijn)" + S + @"{1,3})?))" +
        @"antwoord" + S + @"{1,2}(?<n>[0-9]{1,3})(?![0-9\p{L}])(?![.,][0-9])(?!" + S + @"{0,2}(?:procent|%|miljoen|euro|jaar))",
        RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex AnswerNumberRx();

    [GeneratedRegex(@"^[ \u00a0\n,]{1,3}(?:heb(?:[ \u00a0\n]ik)?[ \u00a0\n]{1,2}|is[ \u00a0\n]{1,2})?(?:aangegeven|toegelicht|beschreven|uiteengezet|ingegaan)", RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex VerbAfterRx();

    [GeneratedRegex(
        @"\G[ \u00a0\n]{0,2}(?:" +
        @"\(?[ \u00a0]{0,2}(?:Aanhangsel|Kamerstuk|kenmerk|ah-tk|(?:19|20)[0-9]{2}[Zz][0-9]{5})" +
        @"|(?:van|uit|in)[ \u00a0\n]{1,2}(?:het[ \u00a0\n]{1,2}lid|de[ \u00a0\n]{1,2}leden|uw[ \u00a0\n]{1,2}Kamer|(?:de|het|mijn|eerdere)?[ \u00a0\n]{0,2}(?:\p{L}{0,20}brief|beantwoording|antwoorden|[Kk]amervragen|schriftelijke|eerdere|vorige|vragen[ \u00a0\n]{1,2}van)))",
        RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex OtherDocumentRx();
}
