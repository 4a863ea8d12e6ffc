using System.Globalization;
using System.Text.RegularExpressions;
using KvGraph.Core.Cleaning;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;
using KvGraph.Core.Text;

namespace KvGraph.Core.Reading;

/// <summary>
/// The official PDF layout of written questions and answers, as text (pdftotext, PdfPig, or another PDF-to-text
/// tool): "Aanhangsel van de Handelingen" with its number, or "Vragen gesteld door de leden der Kamer" with the zaak;
/// the header "Vragen van het lid X (Partij) aan de Minister van … over … (ingezonden …)" and "Antwoord van Minister Y
/// (…) (ontvangen …)" or "Mededeling van …" (a deferral); then "Vraag N" / "Antwoord N" blocks and numbered footnotes
/// at the foot of each page. Running headers and footers are removed, hyphenated line ends joined, safe glue split,
/// footnote markers written "[n]" and each footnote placed as a paragraph "[n] …" at the end of the item that cites it.
/// </summary>
internal sealed partial class AanhangselReader : IDocumentReader
{
    public string Format => "aanhangsel";

    public double Detect(SourceDocument source)
    {
        var head = source.Text.AsSpan(0, Math.Min(source.Text.Length, 3000));
        if (head.Contains("Aanhangsel van de Handelingen", StringComparison.Ordinal) || AhLineRx().IsMatch(source.Text))
        {
            return 0.9;
        }

        return head.Contains("Vragen gesteld door de leden der Kamer", StringComparison.Ordinal) || KvLineRx().IsMatch(source.Text) ? 0.85 : 0;
    }

    public ReadDocument Read(SourceDocument source)
    {
        var lines = TextNormalizer.Lines(SpacingAccents(TextNormalizer.Normalize(source.Text)));
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var warnings = new List<string>();

        string? vergaderjaar = null, ahId = null, kvId = null, number = null, zaak = null;
        // Each pattern is tried only on a line that holds its literal ("Vergaderjaar", "ah-tk-", "kv-tk-", "rage" of
        // "[Vv]ragen?" and "(ingezonden"): most lines hold none, and every regex call starts a timeout clock.
        foreach (var l in lines)
        {
            if (vergaderjaar is null && l.Contains("Vergaderjaar", StringComparison.Ordinal) && VergaderjaarRx().Match(l) is { Success: true } vj)
            {
                vergaderjaar = Ids.Vergaderjaar(vj.Groups["vj"].Value);
            }

            if (ahId is null && l.Contains("ah-tk-", StringComparison.Ordinal) && AhLineRx().Match(l) is { Success: true } ah && ah.Length == l.Length)
            {
                ahId = l;
            }

            if (kvId is null && l.Contains("kv-tk-", StringComparison.Ordinal) && KvLineRx().Match(l) is { Success: true } kv && kv.Length == l.Length)
            {
                kvId = l;
            }
        }

        // Header: from the first "Vragen van" line to the line before the first heading.
        var headerStart = lines.FindIndex(l => (l.Contains("rage", StringComparison.Ordinal) && l.Contains("(ingezonden", StringComparison.Ordinal) && AskedRx().IsMatch(l)) || l.StartsWith("Vragen van", StringComparison.Ordinal) || l.StartsWith("Vraag van", StringComparison.Ordinal) || l.StartsWith("Mondelinge vragen van", StringComparison.Ordinal));
        if (headerStart < 0)
        {
            throw new DocumentFormatException(source.File, "Aanhangsel layout without a 'Vragen van …' header");
        }

        // The preamble before it holds the Aanhangsel number or the zaak on a line of their own.
        for (var i = 0; i < headerStart; i++)
        {
            if (IsNumberLine(lines[i]) && lines[i].Length >= 2 && int.Parse(lines[i], CultureInfo.InvariantCulture) > 2)
            {
                number = lines[i];
            }
            else if (Ids.IsZaak(lines[i]) && lines[i].Length == 10)
            {
                zaak = lines[i].ToUpperInvariant();
            }
        }

        var firstHeading = lines.FindIndex(headerStart, l => QuestionBlocks.Parse(l) is { } h && h.Numbers.Count > 0);
        var headerEnd = firstHeading < 0 ? lines.Count : firstHeading;
        var headerLines = lines.Skip(headerStart).Take(headerEnd - headerStart).Where(l => !PageFurniture.IsFooter(l)).ToList();
        var header = GlueSplitter.Split(LineJoiner.Join(headerLines));

        // Footnotes and body lines, page by page.
        var body = lines.Skip(headerEnd).ToList();
        var (bodyLines, footnotes) = SplitFootnotes(body);

        // Header facts.
        var askers = new List<Asker>();
        DateOnly? submitted = null, answered = null;
        string? title = null, addressee = null;
        var asked = AskedRx().Match(header);
        if (asked.Success)
        {
            askers.AddRange(ReaderSupport.ParseMembers(asked.Groups["askers"].Value));
            addressee = asked.Groups["to"].Value.Trim();
            title = asked.Groups["subject"].Value.Trim().TrimEnd('.').Trim();
            submitted = ReaderSupport.DateOf(asked.Groups["date"].Value);
            metadata["aan"] = addressee;
        }
        else
        {
            warnings.Add("the 'Vragen van …' header could not be read");
        }

        var answerers = new List<Answerer>();
        var kind = DocumentKind.Question;
        var reply = ReplyRx().Match(header);
        if (reply.Success)
        {
            kind = reply.Groups["kind"].Value == "Mededeling" ? DocumentKind.Deferral : DocumentKind.Answer;
            answered = ReaderSupport.DateOf(reply.Groups["date"].Value);
            answerers.Add(Answerer(reply.Groups["role"].Value, reply.Groups["name"].Value, reply.Groups["ministry"].Value, addressee));
            if (reply.Groups["name2"].Success)
            {
                answerers.Add(Answerer(reply.Groups["role2"].Value, reply.Groups["name2"].Value, reply.Groups["ministry2"].Value, addressee));
            }
            if (reply.Groups["namens"].Success)
            {
                metadata["mede-namens"] = reply.Groups["namens"].Value.Trim();
            }
        }

        if (header.Contains("Zie ook Aanhangsel", StringComparison.Ordinal))
        {
            metadata["zie-ook"] = header[header.IndexOf("Zie ook Aanhangsel", StringComparison.Ordinal)..].Trim();
        }

        number ??= ahId is null ? null : ahId[(ahId.LastIndexOf('-') + 1)..];
        if (ahId is null && number is not null && vergaderjaar is not null && kind != DocumentKind.Question)
        {
            ahId = Ids.Aanhangsel(vergaderjaar, number);
        }

        zaak ??= kvId?["kv-tk-".Length..];

        // The cleaned text: header paragraph, then items.
        var text = new TextBuilder();
        text.Paragraph(header);
        var items = BuildItems(text, bodyLines, footnotes, warnings, metadata);

        // Some answers lack the "Antwoord van …" line in extraction; their answer items still show what they are.
        if (kind == DocumentKind.Question && items.Any(x => x.Kind == ItemKind.Answer))
        {
            kind = DocumentKind.Answer;
            warnings.Add("no 'Antwoord van …' line: the answerer is unknown");
            if (ahId is null && number is not null && vergaderjaar is not null)
            {
                ahId = Ids.Aanhangsel(vergaderjaar, number);
            }
        }

        var cleaned = text.ToString();

        // A deferral notice names the questions it defers by their zaak ("De vragen van … (2024Z16988) kunnen … niet
        // binnen de gebruikelijke termijn worden beantwoord"): that is this document's own zaak, not a citation.
        if (kind == DocumentKind.Deferral && zaak is null && DeferredZaakRx().Match(cleaned) is { Success: true } deferred)
        {
            zaak = deferred.Groups["zaak"].Value;
        }

        var id = kind == DocumentKind.Question
            ? kvId ?? (zaak is null ? ReaderSupport.FileId(source.File) : Ids.Question(zaak))
            : ahId ?? (zaak is null ? ReaderSupport.FileId(source.File) : $"answer:{zaak}");
        var ownIds = new List<string>();
        if (zaak is not null)
        {
            ownIds.Add(zaak);
        }

        if (kvId is not null && kvId != id)
        {
            ownIds.Add(kvId);
        }

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
            PairedId = kind == DocumentKind.Question ? null : zaak is null ? null : Ids.Question(zaak),
            OwnIds = ownIds,
            Vergaderjaar = vergaderjaar,
            Number = kind == DocumentKind.Question ? null : number,
            SourceUrl = Kinds.CitationKinds.OfficialUrl(id),
        };

        return ReaderSupport.QuestionAnswerResult(Format, cleaned, doc, items, metadata, warnings);
    }

    /// <summary>"Minister", "Agema", "Volksgezondheid, Welzijn en Sport" → Agema, "Minister van Volksgezondheid, Welzijn en Sport".</summary>
    internal static Answerer Answerer(string role, string name, string ministry, string? addressee)
    {
        var r = PersonNames.Capitalise(role.Trim());
        var m = ministry.Trim();
        // "Minister voor Klimaat en Groene Groei" and "Minister van Buitenlandse Zaken" differ; the question's addressee says which.
        var preposition = addressee is not null && addressee.Contains($"voor {m}", StringComparison.OrdinalIgnoreCase) ? "voor" : "van";
        return new Answerer(PersonNames.Capitalise(name.Trim()), m.Length == 0 ? r : $"{r} {preposition} {m}", null);
    }

    /// <summary>
    /// Splits the body into text lines and footnotes. A footnote starts with the next expected note number, glued to
    /// its text ("1NOS, …") or on a line of its own followed by text; the note runs to the page footer. A number on
    /// a line of its own followed by a heading is a marker left behind by the PDF, not a note.
    /// </summary>
    internal static (List<string> Lines, SortedDictionary<int, string> Footnotes) SplitFootnotes(List<string> body)
    {
        var lines = new List<string>();
        var notes = new SortedDictionary<int, string>();
        var expected = 1;
        var afterFooter = false;
        for (var i = 0; i < body.Count; i++)
        {
            var line = body[i];
            if (line.Length == 0)
            {
                lines.Add(line);
                continue;
            }

            if (PageFurniture.IsFooter(line))
            {
                afterFooter = true;
                continue;
            }

            if (!afterFooter && ColumnZoneAt(body, i, expected) is { } column)
            {
                foreach (var (n, note) in column.Notes)
                {
                    notes[n] = note;
                }

                expected += column.Notes.Count;
                i = column.End - 1;
                continue;
            }

            if (FootnoteZoneAt(body, i, expected) is { } zoneEnd)
            {
                var current = -1;
                for (var j = i; j < zoneEnd; j++)
                {
                    var l = body[j];
                    if (l.Length == 0 || PageFurniture.IsFooter(l))
                    {
                        continue;
                    }

                    if (NoteStart(body, j, expected) is { } start)
                    {
                        current = expected++;
                        notes[current] = start.Text;
                        if (start.Standalone)
                        {
                            j = NextNonEmpty(body, j);
                            notes[current] = body[j];
                        }
                    }
                    else if (current > 0)
                    {
                        notes[current] = LineJoiner.Join([notes[current], l]);
                    }
                }

                i = zoneEnd - 1;
                continue;
            }

            // Marker lines such as "2 3" that the PDF put between paragraphs belong to the line before;
            // a number right after a footer is the page number.
            if (StartsWithDigit(line) && MarkerLineRx().IsMatch(line))
            {
                var last = lines.FindLastIndex(x => x.Length > 0);
                if (!afterFooter && last >= 0)
                {
                    lines[last] += string.Concat(line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => $"[{n}]"));
                }

                continue;
            }

            afterFooter = false;
            lines.Add(PageFurniture.StripInline(line));
        }

        MarkersAtLineStart(lines, notes);
        return (lines, notes);
    }

    /// <summary>
    /// A footnote zone laid out as a column of numbers apart from the notes (pdftotext): "1\n2\n", the page furniture
    /// ("ah-tk-…", "ISSN …", "’s-Gravenhage 2024"), then the notes in order, one line each, up to the page footer. The
    /// numbers may be printed out of order or between the notes ("2\nnote\nnote\n4\nnote\n3"): the zone holds exactly
    /// the numbers expected..expected+k-1 and k note lines, and the notes take the numbers in ascending order. A single
    /// number takes all the lines that follow it. A heading in the zone, a number outside the range or more lines than
    /// notes means it is no such zone.
    /// </summary>
    internal static (int End, List<(int Number, string Text)> Notes)? ColumnZoneAt(List<string> body, int i, int expected)
    {
        if (!IsNoteNumber(body[i], expected, out _))
        {
            return null;
        }

        var numbers = new List<int>();
        var texts = new List<string>();
        var end = body.Count;
        for (var j = i; j < body.Count; j++)
        {
            var l = body[j];
            if (l.Length == 0)
            {
                continue;
            }

            if (PageFurniture.IsFooter(l))
            {
                if (texts.Count == 0)
                {
                    continue; // the first page's colophon stands between the numbers and the notes
                }

                end = j;
                break;
            }

            if (QuestionBlocks.Parse(l) is { Numbers.Count: > 0 } || numbers.Count + texts.Count > 24)
            {
                return null;
            }

            if (IsNoteNumber(l, expected, out var n))
            {
                if (numbers.Contains(n))
                {
                    return null;
                }

                numbers.Add(n);
            }
            else if (IsNumberLine(l))
            {
                return null;
            }
            else
            {
                texts.Add(l);
            }
        }

        numbers.Sort();
        var k = numbers.Count;
        if (texts.Count == 0 || numbers[^1] != expected + k - 1 || (k > 1 && texts.Count != k))
        {
            return null;
        }

        var result = k == 1
            ? [(expected, LineJoiner.Join(texts))]
            : numbers.Select((n, x) => (n, texts[x])).ToList();
        return (end, result);
    }

    // A line that is only a note number no lower than the next expected one (the column holds at most a page of notes).
    private static bool IsNoteNumber(string line, int expected, out int n)
    {
        n = 0;
        return IsNumberLine(line) && line.Length <= 2 && int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out n) && n >= expected && n < expected + 20;
    }

    /// <summary>
    /// A marker the PDF put at the start of the next line ("… de Kamerbrief van 4 november 2022" / "5 is uitgebreid …"):
    /// a known note's number, a space and a word that does not count something ("5 miljoen", "3 en 4"), after a line that
    /// does not ask for a number ("nr.", "artikel", "van"). It is moved to the end of the line before as "[n]".
    /// </summary>
    internal static void MarkersAtLineStart(List<string> lines, IReadOnlyDictionary<int, string> notes)
    {
        for (var x = 1; x < lines.Count; x++)
        {
            var prev = lines[x - 1];
            if (!StartsWithDigit(lines[x]) || LineStartMarkerRx().Match(lines[x]) is not { Success: true } m || prev.Length == 0 ||
                !int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || !notes.ContainsKey(n) ||
                Counts(m, lines[x]) || AsksNumberRx().IsMatch(prev) || QuestionBlocks.Parse(prev) is not null)
            {
                continue;
            }

            lines[x - 1] = $"{prev}[{n}]";
            lines[x] = lines[x][(m.Groups["n"].Length + 1)..];
        }
    }

    // Whether the word after the number makes it a count, a date or part of a list: "5 miljoen", "3 november", and "3 en 4"
    // but not "2 en over de invulling" (kl-074: the marker of "de motie El Yassini en Peters" before a clause).
    private static bool Counts(Match m, string line)
    {
        var w = m.Groups["w"].Value;
        if (!CountedRx().IsMatch(w))
        {
            return false;
        }

        if (!ListWordRx().IsMatch(w))
        {
            return true;
        }

        var rest = line.AsSpan(m.Index + m.Length).TrimStart();
        return rest.Length == 0 || char.IsAsciiDigit(rest[0]);
    }

    // Where the footnote zone that starts at line i ends (exclusive), or null when line i does not start one.
    private static int? FootnoteZoneAt(List<string> body, int i, int expected)
    {
        if (NoteStart(body, i, expected) is null)
        {
            return null;
        }

        var j = i;
        var count = 0;
        for (; j < body.Count; j++)
        {
            var l = body[j];
            if (l.Length > 0 && PageFurniture.IsFooter(l))
            {
                return j;
            }

            if (j > i && QuestionBlocks.Parse(l) is { Numbers.Count: > 0 })
            {
                return null; // a heading follows: this was a marker in the text, not the start of the notes
            }

            if (l.Length > 0 && ++count > 14)
            {
                return null;
            }
        }

        return j; // the last page may end without a footer
    }

    private static (string Text, bool Standalone)? NoteStart(List<string> body, int i, int expected)
    {
        var line = body[i];
        var n = expected.ToString(CultureInfo.InvariantCulture);
        if (!line.StartsWith(n, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = line[n.Length..];
        if (rest.Length == 0)
        {
            var next = NextNonEmpty(body, i);
            return next < body.Count && !PageFurniture.IsFooter(body[next]) && QuestionBlocks.Parse(body[next]) is null && !IsNumberLine(body[next])
                ? (string.Empty, true)
                : null;
        }

        return NoteTextStartRx().IsMatch(rest) ? (rest.Trim(), false) : null;
    }

    private static int NextNonEmpty(List<string> body, int i)
    {
        var j = i + 1;
        while (j < body.Count && body[j].Length == 0)
        {
            j++;
        }

        return j;
    }

    /// <summary>Builds the items from the body lines; footnotes go to the end of the item whose text cites them.</summary>
    private static List<Item> BuildItems(TextBuilder text, List<string> bodyLines, SortedDictionary<int, string> footnotes, List<string> warnings, Dictionary<string, string> metadata)
    {
        // Group lines into blocks under headings.
        var blocks = new List<(QuestionBlocks.Heading? Heading, string HeadingText, List<string> Lines)>();
        foreach (var line in bodyLines)
        {
            var h = QuestionBlocks.Parse(line);
            if (line is "Mededeling" or "Toelichting")
            {
                // The notice of a deferral follows the questions; it belongs to no item.
                blocks.Add((null, line, []));
            }
            else if (h is not null && (h.Numbers.Count > 0 || h.Kind == ItemKind.Answer))
            {
                blocks.Add((h, line, []));
            }
            else if (blocks.Count == 0)
            {
                blocks.Add((null, string.Empty, [line]));
            }
            else
            {
                blocks[^1].Lines.Add(line);
            }
        }

        var items = new List<Item>();
        var pending = new List<int>();
        var placed = new HashSet<int>();
        // One delegate for every paragraph, not one made per call.
        Func<int, bool> isNote = footnotes.ContainsKey;
        foreach (var (heading, headingText, blockLines) in blocks)
        {
            var paragraphs = ParagraphsOf(blockLines);
            if (heading is null)
            {
                if (headingText.Length > 0)
                {
                    text.Paragraph(headingText);
                }

                foreach (var p in paragraphs)
                {
                    text.Paragraph(Clean(p, isNote).Text);
                }

                continue;
            }

            var start = text.Paragraph(headingText).Start;
            var end = start + headingText.Length;
            var first = true;
            var cited = new List<int>();
            foreach (var p in paragraphs)
            {
                var (clean, markers) = Clean(p, isNote);
                cited.AddRange(markers);
                end = (first ? text.Line(clean) : text.Paragraph(clean)).End;
                first = false;
            }

            foreach (var n in cited.Distinct().Where(n => footnotes.ContainsKey(n) && placed.Add(n)))
            {
                end = text.Paragraph($"[{n}] {footnotes[n]}").End;
            }

            var numbers = QuestionBlocks.NumbersFor(heading, pending, warnings, start);

            items.Add(new Item(QuestionBlocks.Id(heading.Kind, numbers), heading.Kind, numbers, start, end));
        }

        // Notes no item cites (their marker was lost in extraction) still belong to the document.
        var rest = footnotes.Keys.Where(n => !placed.Contains(n)).ToList();
        if (rest.Count > 0)
        {
            text.Paragraph("Noten");
            foreach (var n in rest)
            {
                text.Line($"[{n}] {footnotes[n]}");
            }
        }

        if (footnotes.Count > 0)
        {
            metadata["footnotes"] = footnotes.Count.ToString(CultureInfo.InvariantCulture);
        }

        return items;
    }

    private static (string Text, List<int> Markers) Clean(string paragraph, Func<int, bool> isNote)
    {
        var split = GlueSplitter.Split(paragraph);
        var (t, _) = FootnoteMarkers.Separate(split, isNote);
        // Most paragraphs cite no note: without a '[' the marker pattern has nothing to find.
        var markers = !t.Contains('[', StringComparison.Ordinal) ? [] : BracketMarkerRx().Matches(t).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        return (t, markers);
    }

    // Paragraphs: blank lines separate them; so does a list item ("1. Bekostiging", "- punt").
    private static List<string> ParagraphsOf(List<string> lines)
    {
        var result = new List<string>();
        var current = new List<string>();
        foreach (var l in lines)
        {
            // A blank line after a line that ends mid-sentence is a page break, not a paragraph end.
            if (l.Length == 0 && current.Count > 0 && !EndsSentence(current[^1]))
            {
                continue;
            }

            if (l.Length == 0 || (MayStartListItem(l) && ListItemRx().IsMatch(l)))
            {
                if (current.Count > 0)
                {
                    result.Add(LineJoiner.Join(current));
                    current.Clear();
                }

                if (l.Length == 0)
                {
                    continue;
                }
            }

            current.Add(l);
        }

        if (current.Count > 0)
        {
            result.Add(LineJoiner.Join(current));
        }

        return result;
    }

    // PDF text sometimes writes an accent as a separate spacing character after its letter ("Kostic´", "Yes¸ilgöz"):
    // a letter, perhaps one space, the accent, and then a letter, white space or the end. Each such accent is found by a
    // search for the accent characters and looked at where it stands, instead of a pattern tried at every letter; the
    // replacements are the leftmost, non-overlapping matches a regex replace of that pattern makes (SpacingAccentsSpec
    // holds the two to the same output).
    private static readonly System.Buffers.SearchValues<char> SpacingAccentChars = System.Buffers.SearchValues.Create("´¸¨ˇ`");

    internal static string SpacingAccents(string text)
    {
        var p = text.AsSpan().IndexOfAny(SpacingAccentChars);
        if (p < 0)
        {
            return text;
        }

        System.Text.StringBuilder? result = null;
        var copied = 0; // the end of the last replacement: a match starts no earlier
        while (p >= 0)
        {
            var start = p >= 1 && p - 1 >= copied && char.IsLetter(text[p - 1]) ? p - 1
                : p >= 2 && p - 2 >= copied && text[p - 1] == ' ' && char.IsLetter(text[p - 2]) ? p - 2
                : -1;
            if (start >= 0 && (p + 1 == text.Length || char.IsLetter(text[p + 1]) || char.IsWhiteSpace(text[p + 1])))
            {
                result ??= new System.Text.StringBuilder(text.Length);
                result.Append(text, copied, start - copied);
                result.Append((text[start] + text[p] switch
                {
                    '´' => "\u0301",
                    '¸' => "\u0327",
                    '¨' => "\u0308",
                    'ˇ' => "\u030C",
                    _ => "\u0300",
                }).Normalize(System.Text.NormalizationForm.FormC));
                copied = p + 1;
            }

            var next = p + 1 < text.Length ? text.AsSpan(p + 1).IndexOfAny(SpacingAccentChars) : -1;
            p = next < 0 ? -1 : p + 1 + next;
        }

        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    // The line patterns below are anchored at the line's start; a line that cannot start a match is not handed to the
    // regex (most lines start with a letter), since every regex call starts a timeout clock.
    private static bool StartsWithDigit(string line) => line.Length > 0 && char.IsAsciiDigit(line[0]);

    private static bool IsNumberLine(string line) => StartsWithDigit(line) && NumberLineRx().IsMatch(line);

    private static bool MayStartListItem(string line) => StartsWithDigit(line) || line.StartsWith('-') || line.StartsWith('•') || line.StartsWith('▪') || line.StartsWith('–');

    private static bool EndsSentence(string line) => line.Length > 0 && ".?!:;»”)]".Contains(line[^1], StringComparison.Ordinal);

    [GeneratedRegex(@"(?m)^Mededeling\n+[^\n]{0,400}?\((?<zaak>[0-9]{4}Z[0-9]{5})\)", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex DeferredZaakRx();

    [GeneratedRegex(@"\bah-tk-[0-9]{8}-[0-9]+\b", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex AhLineRx();

    [GeneratedRegex(@"\bkv-tk-[0-9]{4}Z[0-9]{5}\b", RegexOptions.None, Patterns.NoTimeout)]
    private static partial Regex KvLineRx();

    [GeneratedRegex(@"Vergaderjaar\s+(?<vj>[0-9]{4}\s*[–-]\s*[0-9]{4})", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex VergaderjaarRx();

    [GeneratedRegex(@"^[0-9]{1,5}$", RegexOptions.None, Patterns.NoTimeout)]
    private static partial Regex NumberLineRx();

    [GeneratedRegex(@"\[([0-9]{1,2})\]", RegexOptions.None, Patterns.NoTimeout)]
    private static partial Regex BracketMarkerRx();

    [GeneratedRegex(@"^(?<n>[1-9][0-9]?) (?<w>\p{L}+)(?=[\s,.;:?!]|$)", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex LineStartMarkerRx();

    // Words that make the number before them a count, a date or part of a list, not a footnote marker.
    [GeneratedRegex(@"^(?:en|of|tot|t/m|à|a|x|maal|keer|miljoen|miljard|mln|mld|duizend|honderd|procent|euro|jaar|jaren|maand|maanden|week|weken|dag|dagen|uur|uren|minuten|seconden|eeuw|kilometer|km|meter|m|kg|ton|liter|personen|mensen|leden|vragen|gevallen|stuks|plaatsen|nummers|van|op|per|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jl|jongstleden)$", RegexOptions.IgnoreCase, Patterns.NoTimeout)]
    private static partial Regex CountedRx();

    // Words that join numbers in a list ("3 en 4", "2 of 3", "1 tot 5"): a count only when a number follows.
    [GeneratedRegex(@"^(?:en|of|tot)$", RegexOptions.IgnoreCase, Patterns.NoTimeout)]
    private static partial Regex ListWordRx();

    // A line ending in a word that asks for the number on the next line ("nr.", "artikel", "van", "€", a dash).
    [GeneratedRegex(@"(?:\b(?:nr|nrs|nummer|artikel|art|lid|onderdeel|bijlage|vraag|vragen|van|tot|en|of|met|op|in|om|per|circa|ca|ruim|bijna|ongeveer|slechts|zo'n|zo’n|dan|de|het|pagina|p|blz|stap|fase|niveau|week|punt|groep|klasse|schaal|Kamerstuk|Kamerstukken)\.?|[€$%+\-–/(:])\s*$", RegexOptions.IgnoreCase, Patterns.MatchTimeoutMs)]
    private static partial Regex AsksNumberRx();

    [GeneratedRegex(@"^[0-9]{1,2}(?: [0-9]{1,2})*$", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex MarkerLineRx();

    [GeneratedRegex(@"^\s*(?:[A-Z«“""'‘(\[]|https?:|www\.)", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex NoteTextStartRx();

    [GeneratedRegex(@"^(?:[0-9]{1,2}[.)]\s|[-•▪–]\s)", RegexOptions.None, Patterns.NoTimeout)]
    private static partial Regex ListItemRx();

    [GeneratedRegex(@"(?:Mondelinge\s+)?[Vv]ragen?\s+van\s+(?:het\s+lid\s+|de\s+leden\s+|lid\s+)?(?<askers>.+?)\s+aan\s+de\s+(?<to>.+?)(?:\s+|(?<=\p{Ll}))over(?:\s+|(?=(?:het|de|een|dat|hun|uw|zijn)(?:\s|\p{Ll})))(?<subject>.+?)\s*\(ingezonden\s+(?<date>[0-9]{1,2}\s+\p{L}+\.?\s+[0-9]{4})\s*\)\.?", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex AskedRx();

    [GeneratedRegex(@"(?<kind>Antwoord|Mededeling)\s+van\s+(?:de\s+)?(?<role>[Mm]inister(?:-[Pp]resident)?|[Ss]taatssecretaris)\s+(?<name>[^(),]+?)\s*\((?<ministry>[^()]+)\)?(?:,\s*mede\s+namens\s+(?<namens>[^(]+?))?(?:\s+(?:en\s+)?(?:antwoord\s+)?van\s+(?:de\s+)?(?<role2>[Mm]inister|[Ss]taatssecretaris)\s+(?<name2>[^(),]+?)\s*\((?<ministry2>[^()]+)\))?\s*(?:\(ontvangen\s+)+(?<date>[0-9]{1,2}\s+\p{L}+\.?\s+[0-9]{4})\s*\)", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex ReplyRx();
}
