using System.Globalization;
using System.Text.RegularExpressions;
using KvGraph.Core.Cleaning;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;
using KvGraph.Core.Text;

namespace KvGraph.Core.Reading;

/// <summary>
/// Kamervragen documents as the ministries and the Kamer deliver them in Word, converted to text:
/// answers ("AH 604" / "2024Z18294" / "Antwoord van minister Van Weel (Justitie en Veiligheid) (ontvangen 20 november 2024)"
/// then "Vraag 1" … "Antwoord op vraag 1", or "1. question?" … "Antwoord:"), deferrals ("Mededeling van …") and
/// questions ("2024Z18891" / "(ingezonden 20 november 2024)" / "Vragen van het lid X (Partij) aan de minister van … over …"
/// then one question per paragraph and notes "1) …").
/// </summary>
/// <remarks>
/// The AH number comes without its vergaderjaar; it is taken from the date received (a vergaderjaar runs from
/// September), so "AH 604" received 20 november 2024 is <c>ah-tk-20242025-604</c>.
/// </remarks>
internal sealed partial class DocxKamervraagReader : IDocumentReader
{
    public string Format => "docx-kamervraag";

    public double Detect(SourceDocument source)
    {
        var first = FirstLines(source.Text, 6);
        if (first.Count == 0)
        {
            return 0;
        }

        if (AhRx().IsMatch(first[0]) && first.Any(l => ReplyRx().IsMatch(l)))
        {
            return 0.9;
        }

        return ZaakLineRx().IsMatch(first[0]) && first.Any(l => l.StartsWith("(ingezonden", StringComparison.Ordinal)) ? 0.9 : 0;
    }

    public ReadDocument Read(SourceDocument source)
    {
        var lines = TextNormalizer.Lines(TextNormalizer.Normalize(source.Text));
        var nonEmpty = lines.Where(l => l.Length > 0).ToList();
        if (nonEmpty.Count < 2)
        {
            throw new DocumentFormatException(source.File, "Word-converted Kamervragen document without a header");
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var warnings = new List<string>();
        string? ahNumber = null, zaak = null, title = null;
        DateOnly? submitted = null, answered = null;
        var askers = new List<Asker>();
        var answerers = new List<Answerer>();
        var kind = DocumentKind.Question;
        var text = new TextBuilder();

        var i = 0;
        var headerDone = false;
        for (; i < lines.Count && !headerDone; i++)
        {
            var l = lines[i];
            if (l.Length == 0)
            {
                continue;
            }

            if (AhRx().Match(l) is { Success: true } ah)
            {
                ahNumber = ah.Groups["n"].Value;
            }
            else if (ZaakLineRx().IsMatch(l))
            {
                zaak = l.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
            }
            else if (l.StartsWith("(ingezonden", StringComparison.Ordinal))
            {
                submitted = ReaderSupport.DateOf(l["(ingezonden".Length..].Trim(' ', ')'));
            }
            else if (ReplyRx().Match(l) is { Success: true } reply)
            {
                kind = reply.Groups["kind"].Value == "Mededeling" ? DocumentKind.Deferral : DocumentKind.Answer;
                answered = ReaderSupport.DateOf(reply.Groups["date"].Value);
                answerers.Add(AanhangselReader.Answerer(reply.Groups["role"].Value, reply.Groups["name"].Value, reply.Groups["ministry"].Value, null));
                if (reply.Groups["namens"].Success)
                {
                    metadata["mede-namens"] = reply.Groups["namens"].Value.Trim();
                }

                headerDone = true;
            }
            else if (AskedRx().Match(l) is { Success: true } asked)
            {
                askers.AddRange(ReaderSupport.ParseMembers(asked.Groups["askers"].Value));
                title = asked.Groups["subject"].Value.Trim().TrimEnd('.');
                metadata["aan"] = asked.Groups["to"].Value.Trim();
                headerDone = true;
            }
            else
            {
                i--;
                break;
            }

            text.Line(l);
        }

        // Deferrals name the askers in their text: "de leden Gabriëls en Bromet (beiden GroenLinks-PvdA)".
        if (askers.Count == 0 && kind == DocumentKind.Deferral)
        {
            var all = string.Join(' ', lines.Skip(i));
            if (MembersInTextRx().Match(all) is { Success: true } m && m.Groups["askers"].Length < 80)
            {
                askers.AddRange(ReaderSupport.ParseMembers(m.Groups["askers"].Value));
            }
        }

        var items = kind == DocumentKind.Question ? QuestionItems(text, lines, i) : AnswerItems(text, lines, i, warnings);
        var cleaned = text.ToString();

        string? vergaderjaar = null;
        string? ahId = null;
        if (ahNumber is not null && (answered ?? submitted) is { } d)
        {
            var startYear = d.Month >= 9 ? d.Year : d.Year - 1;
            vergaderjaar = $"{startYear}{startYear + 1}";
            ahId = Ids.Aanhangsel(vergaderjaar, ahNumber);
            metadata["vergaderjaar-afgeleid"] = $"from the date {DutchDates.Iso(d)}";
        }

        var id = kind == DocumentKind.Question
            ? zaak is null ? ReaderSupport.FileId(source.File) : Ids.Question(zaak)
            : ahId ?? (zaak is null ? ReaderSupport.FileId(source.File) : $"answer:{zaak}");
        var doc = new DocumentInfo
        {
            Kind = kind,
            Id = id,
            Title = title,
            Zaak = zaak,
            Submitted = submitted,
            Answered = answered,
            Askers = askers,
            Answerers = answerers,
            PairedId = kind == DocumentKind.Question || zaak is null ? null : Ids.Question(zaak),
            OwnIds = zaak is null ? [] : [zaak],
            Vergaderjaar = vergaderjaar,
            Number = ahNumber,
            SourceUrl = ahId is null ? null : Kinds.CitationKinds.OfficialUrl(ahId),
        };

        return ReaderSupport.QuestionAnswerResult(Format, cleaned, doc, items, metadata, warnings);
    }

    // Questions without numbers: each paragraph up to the notes ("1) …") is the next question.
    private static List<Item> QuestionItems(TextBuilder text, List<string> lines, int from)
    {
        var items = new List<Item>();
        var n = 0;
        var inNotes = false;
        for (var i = from; i < lines.Count; i++)
        {
            var l = lines[i];
            if (l.Length == 0)
            {
                continue;
            }

            inNotes |= NoteRx().IsMatch(l);
            var span = text.Paragraph(l);
            if (!inNotes && l.Length > 15)
            {
                n++;
                items.Add(new Item($"q{n}", ItemKind.Question, [n], span.Start, span.End));
            }
        }

        return items;
    }

    private static List<Item> AnswerItems(TextBuilder text, List<string> lines, int from, List<string> warnings)
    {
        var items = new List<Item>();
        var pending = new List<int>();
        (ItemKind Kind, List<int> Numbers, int Start, int End)? open = null;

        void Close()
        {
            if (open is { } o)
            {
                items.Add(new Item(QuestionBlocks.Id(o.Kind, o.Numbers), o.Kind, o.Numbers, o.Start, o.End));
            }

            open = null;
        }

        for (var i = from; i < lines.Count; i++)
        {
            var l = lines[i];
            if (l.Length == 0)
            {
                continue;
            }

            var heading = QuestionBlocks.Parse(l);
            var numbered = heading is null ? NumberedQuestionRx().Match(l) : Match.Empty;
            if (heading is not null && (heading.Numbers.Count > 0 || heading.Kind == ItemKind.Answer))
            {
                Close();
                var span = text.Paragraph(l);
                var numbers = QuestionBlocks.NumbersFor(heading, pending, warnings, span.Start);

                open = (heading.Kind, numbers, span.Start, span.End);
            }
            else if (numbered.Success && (open is null || open.Value.Kind == ItemKind.Answer || pending.Count > 0))
            {
                // "1. Kunt u bevestigen …?" followed by "Antwoord:".
                Close();
                var n = int.Parse(numbered.Groups["n"].Value, CultureInfo.InvariantCulture);
                pending.Add(n);
                var span = text.Paragraph(l);
                open = (ItemKind.Question, [n], span.Start, span.End);
            }
            else
            {
                var span = open is { } o && text.Length == o.End && IsHeadingOnly(o, l) ? text.Line(l) : text.Paragraph(l);
                if (open is { } cur)
                {
                    open = cur with { End = span.End };
                }
            }
        }

        Close();
        return items;
    }

    private static bool IsHeadingOnly((ItemKind Kind, List<int> Numbers, int Start, int End) item, string next) =>
        item.End - item.Start < 40 && next.Length > 0;

    private static List<string> FirstLines(string text, int count)
    {
        var result = new List<string>(count);
        using var reader = new StringReader(text);
        while (result.Count < count && reader.ReadLine() is { } line)
        {
            var t = line.Trim().TrimStart('\uFEFF');
            if (t.Length > 0)
            {
                result.Add(t);
            }
        }

        return result;
    }

    [GeneratedRegex(@"^AH\s*(?<n>[0-9]{1,5})$", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex AhRx();

    [GeneratedRegex(@"^(?:19|20)[0-9]{2}\s?[Zz]\s?[0-9]{5}$", RegexOptions.None, Patterns.NoTimeout)]
    private static partial Regex ZaakLineRx();

    [GeneratedRegex(@"^(?<kind>Antwoord|Mededeling)\s+van\s+(?:de\s+)?(?<role>[Mm]inister(?:-[Pp]resident)?|[Ss]taatssecretaris)\s+(?<name>[^(),]+?)\s*\((?<ministry>[^()]+)\)?(?:,\s*mede\s+namens\s+(?<namens>[^(]+?))?\s*\(ontvangen\s+(?<date>[0-9]{1,2}\s+\p{L}+\.?\s+[0-9]{4})\s*\)", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex ReplyRx();

    [GeneratedRegex(@"^(?:Mondelinge\s+)?[Vv]ragen\s+van\s+(?:het\s+lid\s+|de\s+leden\s+|het\s+leden\s+|lid\s+)?(?<askers>.+?)\s+aan\s+de\s+(?<to>.+?)\s+over\s+(?<subject>.+)$", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex AskedRx();

    [GeneratedRegex(@"(?:het lid|de leden)\s+(?<askers>[^()]+?\([^)]+\)(?:\s*(?:,|en)\s*[^()]+?\([^)]+\))*)", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex MembersInTextRx();

    [GeneratedRegex(@"^[0-9]{1,2}\)\s", RegexOptions.None, Patterns.NoTimeout)]
    private static partial Regex NoteRx();

    [GeneratedRegex(@"^(?<n>[0-9]{1,2})[.)]\s+\S.*\?\s*(?:[0-9]{1,2}\))?$", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex NumberedQuestionRx();
}
