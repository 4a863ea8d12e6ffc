using System.Text.RegularExpressions;
using KvGraph.Core.Cleaning;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;
using KvGraph.Core.Text;

namespace KvGraph.Core.Reading;

/// <summary>
/// Scanned and OCR'd ministry answer letters (seed 004): a cover letter ("Betreft Beantwoording vragen van …",
/// "met kenmerk 2019219189", signature), then "Antwoorden van de Minister van … op vragen van X (Partij) over …" and
/// "Vraag N" / "Antwoord" blocks. The letter's sidebar ("Directie Azië en Oceanië", "Onze Referentie",
/// "BZDOC-…") is printed on every page and lands in the middle of sentences; it is lifted out into metadata.
/// OCR damage (é for ë, © for O, 2 for Z in the kenmerk) is repaired and reported.
/// </summary>
/// <remarks>
/// Such a letter carries no Aanhangsel number, so its id is <c>answer:&lt;zaak&gt;</c> and its pair
/// <c>kv-tk-&lt;zaak&gt;</c>; the graph joins it to the questions and to an official publication by the zaak.
/// </remarks>
internal sealed partial class OcrLetterReader : IDocumentReader
{
    public string Format => "ocr-letter";

    public double Detect(SourceDocument source)
    {
        var t = source.Text;
        // Without an answers title it is no such letter, whatever its sidebar: the sidebar's case-insensitive search
        // of the whole text is made only when the title is there.
        var answers = AnswersTitleRx().IsMatch(t) || t.Contains("Betreft Beantwoording", StringComparison.Ordinal);
        if (!answers)
        {
            return 0;
        }

        var sidebar = t.Contains("Onze Referentie", StringComparison.OrdinalIgnoreCase) || t.Contains("nze Referentie", StringComparison.Ordinal) || BzDocRx().IsMatch(t);
        return sidebar ? 0.9 : t.Contains("\nVraag ", StringComparison.Ordinal) ? 0.5 : 0;
    }

    public ReadDocument Read(SourceDocument source)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var warnings = new List<string>();
        var ownIds = new List<string>();

        var (repaired, repairs) = OcrRepair.Repair(TextNormalizer.Normalize(source.Text));
        if (repairs > 0)
        {
            metadata["ocr-repairs"] = repairs.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // Lift the sidebar out of the body, wherever it interrupts a line.
        var body = BzDocRx().Replace(repaired, m =>
        {
            if (!ownIds.Contains(m.Value))
            {
                ownIds.Add(m.Value);
            }

            metadata["onze-referentie"] = m.Value;
            return string.Empty;
        });
        body = DirectieRx().Replace(body, m =>
        {
            metadata["directie"] = m.Groups["d"].Value.Trim();
            return string.Empty;
        });
        body = SidebarLabelRx().Replace(body, string.Empty);
        body = StrayParenRx().Replace(body, "${line}");
        body = StrayQuoteRx().Replace(body, string.Empty);

        var paragraphs = Paragraphs(body);

        // Header facts.
        var all = string.Join("\n", paragraphs);
        string? zaak = null;
        var kenmerk = KenmerkRx().Match(all);
        if (kenmerk.Success && Ids.TryReadZaak(kenmerk.Groups["k"].Value, kenmerkContext: true, out var z, out var corrected))
        {
            zaak = z;
            if (corrected)
            {
                metadata["zaak-repaired"] = $"{kenmerk.Groups["k"].Value} → {z}";
                warnings.Add($"the letter's kenmerk '{kenmerk.Groups["k"].Value}' is OCR-damaged; read as zaak {z}");
            }
        }

        var askers = new List<Asker>();
        string? title = null;
        string? office = null;
        var titleMatch = AnswersTitleRx().Match(all);
        if (titleMatch.Success)
        {
            office = titleMatch.Groups["office"].Value.Trim();
            askers.AddRange(ReaderSupport.ParseMembers(titleMatch.Groups["askers"].Value));
            title = TextNormalizer.CollapseSpaces(titleMatch.Groups["subject"].Value.Replace('\n', ' ')).Trim();
        }

        var betreft = paragraphs.FirstOrDefault(p => p.StartsWith("Betreft", StringComparison.Ordinal));
        if (betreft is not null)
        {
            metadata["betreft"] = betreft["Betreft".Length..].Trim();
        }

        var answerers = new List<Answerer>();
        var sig = SignatureRx().Match(all);
        if (sig.Success)
        {
            office ??= sig.Groups["office"].Value.Trim();
            answerers.Add(new Answerer(PersonNames.Surname(sig.Groups["name"].Value.Trim()), sig.Groups["office"].Value.Trim(), null));
        }
        else if (office is not null)
        {
            warnings.Add("no signature found: the answering minister is known only by office");
        }

        // Body: build the cleaned text and the items.
        var text = new TextBuilder();
        var items = new List<Item>();
        var pendingQuestions = new List<int>();
        (ItemKind Kind, List<int> Numbers, int Start, int End)? open = null;
        var openHasBody = false;

        void Close()
        {
            if (open is { } o && o.End > o.Start)
            {
                items.Add(new Item(QuestionBlocks.Id(o.Kind, o.Numbers), o.Kind, o.Numbers, o.Start, o.End));
            }

            open = null;
        }

        foreach (var p in paragraphs)
        {
            var heading = QuestionBlocks.Parse(p.Split('\n')[0]);
            if (heading is not null)
            {
                Close();
                var span = text.Paragraph(p.Split('\n')[0].Trim());
                if (heading.Kind == ItemKind.Question)
                {
                    pendingQuestions.AddRange(heading.Numbers);
                    open = (ItemKind.Question, heading.Numbers.ToList(), span.Start, span.End);
                }
                else
                {
                    var numbers = heading.Numbers.Count > 0 ? heading.Numbers.ToList() : pendingQuestions.ToList();
                    if (numbers.Count == 0)
                    {
                        warnings.Add($"an answer at offset {span.Start} follows no question");
                    }

                    pendingQuestions.Clear();
                    open = (ItemKind.Answer, numbers, span.Start, span.End);
                }

                var restLines = p.Split('\n').Skip(1).ToList();
                openHasBody = restLines.Count > 0;
                if (restLines.Count > 0)
                {
                    var s = text.Line(LineJoiner.Join(restLines));
                    open = open.Value with { End = s.End };
                }

                continue;
            }

            var joined = LineJoiner.Join(p.Split('\n'));
            if (open is { } cur)
            {
                // The first paragraph goes right under its heading; later ones get a blank line.
                var s = openHasBody ? text.Paragraph(joined) : text.Line(joined);
                openHasBody = true;
                open = cur with { End = s.End };
            }
            else
            {
                text.Paragraph(joined);
            }
        }

        Close();

        var cleaned = text.ToString();
        if (zaak is null)
        {
            warnings.Add("no kenmerk found: the letter cannot be tied to its questions");
        }

        var doc = new DocumentInfo
        {
            Kind = DocumentKind.Answer,
            Id = zaak is null ? ReaderSupport.FileId(source.File) : $"answer:{zaak}",
            Title = title,
            Zaak = zaak,
            Askers = askers,
            Answerers = answerers,
            PairedId = zaak is null ? null : Ids.Question(zaak),
            OwnIds = zaak is null ? ownIds : [zaak, .. ownIds],
        };

        return ReaderSupport.QuestionAnswerResult(Format, cleaned, doc, items, metadata, warnings);
    }

    /// <summary>
    /// Paragraphs of the letter after the sidebar is gone. A page break or removed sidebar leaves a blank line in the
    /// middle of a sentence ("Oeigoeren in" / "Chinese concentratiekampen"); such paragraphs are joined again.
    /// </summary>
    internal static List<string> Paragraphs(string body)
    {
        var raw = BlankLinesRx().Split(body).Select(p => string.Join('\n', p.Split('\n').Select(l => TextNormalizer.CollapseSpaces(l).Trim()).Where(l => l.Length > 0))).Where(p => p.Length > 0).ToList();
        var result = new List<string>();
        foreach (var p in raw)
        {
            if (result.Count > 0 && ContinuesSentence(result[^1], p))
            {
                result[^1] = result[^1] + "\n" + p;
            }
            else
            {
                result.Add(p);
            }
        }

        return result;
    }

    private static bool ContinuesSentence(string previous, string next)
    {
        if (QuestionBlocks.Parse(previous.Split('\n')[^1]) is not null || QuestionBlocks.Parse(next.Split('\n')[0]) is not null)
        {
            return false;
        }

        var end = previous.TrimEnd();
        if (end.Length == 0 || ".?!:;".Contains(end[^1], StringComparison.Ordinal))
        {
            return false;
        }

        if (char.IsLower(next[0]))
        {
            return true;
        }

        var lastWord = end[(end.LastIndexOf(' ') + 1)..];
        return FunctionWords.Contains(lastWord) || end.EndsWith(',');
    }

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "in", "van", "de", "het", "een", "op", "over", "met", "aan", "voor", "dat", "en", "of", "tot", "is", "bij", "naar", "door", "uit", "om", "te", "die", "dit", "deze",
    };

    [GeneratedRegex(@"\n[ \t]*\n+", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex BlankLinesRx();

    [GeneratedRegex(@"BZDOC-[0-9]+-[0-9]+", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex BzDocRx();

    [GeneratedRegex(@"[ \t,]*\bDirectie(?<d>(?:\s+(?:[A-Z]\p{L}+|en|van|voor|de))+?)(?=[ \t]*(?:\n|$))", RegexOptions.Multiline, Patterns.MatchTimeoutMs)]
    private static partial Regex DirectieRx();

    [GeneratedRegex(@"[ \t]*\b(?:Onze|Uw)\s+[Rr]eferentie\b[ \t]*", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex SidebarLabelRx();

    // A lone ")" at a line end with no "(" before it on the line is a sidebar fragment.
    [GeneratedRegex(@"^(?<line>[^()\n]*?)[ \t]+\)[ \t]*$", RegexOptions.Multiline, Patterns.MatchTimeoutMs)]
    private static partial Regex StrayParenRx();

    // OCR leaves lone opening quotes where redacted names or dates were ("vragen van ‘ ‘ Kuzu", "op‘ met").
    [GeneratedRegex(@"‘(?=\s)|(?<=\p{L})‘(?=\s)", RegexOptions.None, Patterns.NoTimeout)]
    private static partial Regex StrayQuoteRx();

    [GeneratedRegex(@"kenmerk\s+(?<k>(?:19|20)[0-9]{2}[Zz271][0-9]{5})\b", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex KenmerkRx();

    [GeneratedRegex(@"Antwoord(?:en)?\s+van\s+de\s+(?<office>(?:Minister|Staatssecretaris|minister|staatssecretaris)\s+[^\n]*?)\s+op\s+(?:de\s+)?vragen\s+van\s+(?:het\s+lid\s+|de\s+leden\s+)?(?<askers>[^\n]+?\([^)]+\)(?:\s*(?:,|en)\s*[^\n]+?\([^)]+\))*)\s+over\s+(?<subject>[\s\S]+?)(?=\n(?:Vraag|Antwoord)\b|\n\n|$)", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex AnswersTitleRx();

    [GeneratedRegex(@"De\s+(?<office>(?:Minister|Staatssecretaris)\s+(?:van|voor)\s+[^\n,]+),\s*\n+\s*(?<name>\p{Lu}[\p{L}.'’ -]+?)\s*(?:\n|$)", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex SignatureRx();
}
