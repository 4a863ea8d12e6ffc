using System.Globalization;
using System.Text.RegularExpressions;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;

namespace KvGraph.Core.Recognition;

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

    public IReadOnlyList<string> Triggers { get; } = ["vraag", "vragen"];

    public IEnumerable<Citation> Find(RecognitionContext context)
    {
        var text = context.Text;
        foreach (Match m in IntraRx().Matches(text))
        {
            if (IsHeading(text, m) || OtherDocumentAfter(text, m.Index + m.Length))
            {
                continue;
            }

            var start = m.Index;
            var end = m.Index + m.Length;
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
        if (m.Groups["lead"].Success || !(m.Value.StartsWith("Antwoord", StringComparison.Ordinal) || m.Value.StartsWith("Beantwoording", StringComparison.Ordinal)))
        {
            return false;
        }

        for (var i = m.Index - 1; i >= 0 && text[i] != '\n'; i--)
        {
            if (!char.IsWhiteSpace(text[i]) && text[i] is not ('•' or '-' or '*'))
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

    [GeneratedRegex(
        @"(?<![\p{L}])(?:" +
        @"(?<lead>(?:[Zz]ie|[Zz]oals)" + S + @"{1,3}(?:ook" + S + @"{1,3}|verder" + S + @"{1,3}|tevens" + S + @"{1,3}|eerder" + S + @"{1,3})?)?" +
        @"(?:(?<lead>[Hh]et|[Mm]ijn|[Dd]e|[Ii]n|[Uu]it|[Bb]ij|[Oo]p)" + S + @"{1,3}(?:het" + S + @"{1,3}|mijn" + S + @"{1,3}|de" + S + @"{1,3})?)?" +
        @"(?:[Aa]ntwoord(?:en)?|[Bb]eantwoording)" + S + @"{0,3}(?:op|van|bij)?" + S + @"{0,3}(?:de" + S + @"{1,2})?vra(?:ag|gen)" + S + @"{0,2}" +
        @"|(?<lead>[Zz]ie" + S + @"{1,3}(?:ook" + S + @"{1,3})?|(?:aangegeven|toegelicht|beschreven|vermeld)" + S + @"{1,3}(?:bij|in)" + S + @"{1,3}|[Zz]oals" + S + @"{1,3}(?:aangegeven" + S + @"{1,3})?(?:bij|in)" + S + @"{1,3}" +
        @"|[Bb]ij" + S + @"{1,3}(?=vraag" + S + @"{0,2}\d{1,3}" + S + @"{1,3}(?:heb(?:" + S + @"ik)?" + S + @"{1,2}|is" + S + @"{1,2})?(?:aangegeven|toegelicht|beschreven|uiteengezet|ingegaan)))vra(?:ag|gen)" + S + @"{0,2}" +
        @")(?<list>\d{1,3}(?!\d)(?:" + S + @"{0,2}(?:,|en|t/m|tot" + S + @"en" + S + @"met|-|\u2013)" + S + @"{0,2}\d{1,3}(?!\d)){0,10})",
        RegexOptions.CultureInvariant)]
    private static partial Regex IntraRx();

    [GeneratedRegex(
        @"\G[ \u00a0\n]{0,2}(?:" +
        @"\(?[ \u00a0]{0,2}(?:Aanhangsel|Kamerstuk|kenmerk|ah-tk|(?:19|20)\d{2}[Zz]\d{5})" +
        @"|(?:van|uit|in)[ \u00a0\n]{1,2}(?:het[ \u00a0\n]{1,2}lid|de[ \u00a0\n]{1,2}leden|uw[ \u00a0\n]{1,2}Kamer|(?:de|het|mijn|eerdere)?[ \u00a0\n]{0,2}(?:\p{L}{0,20}brief|beantwoording|antwoorden|[Kk]amervragen|schriftelijke|eerdere|vorige|vragen[ \u00a0\n]{1,2}van)))",
        RegexOptions.CultureInvariant)]
    private static partial Regex OtherDocumentRx();
}
