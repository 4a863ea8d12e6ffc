using System.Security.Cryptography;
using System.Text;
using KvGraph.Core.Model;
using KvGraph.Core.Text;

namespace KvGraph.Core.Extraction;

/// <summary>
/// The extraction pipeline, in stages: read (detect the format, clean, lift metadata, find items) →
/// find (citation and entity recognisers, each behind a literal pre-filter) → settle (drop the document's
/// own ids, de-overlap, assign items) → done. Stateless and thread-safe.
/// </summary>
public sealed class Extractor : IExtractor
{
    private readonly ExtractorOptions _options;
    private readonly TriggerScan _triggers;

    public Extractor(ExtractorOptions? options = null)
    {
        _options = options ?? ExtractorOptions.Default;
        _triggers = new TriggerScan([.. _options.CitationRecognizers.Select(r => r.Triggers), .. _options.EntityRecognizers.Select(r => r.Triggers)]);
    }

    /// <summary>The extractor with all built-in readers and recognisers.</summary>
    public static Extractor Default { get; } = new();

    /// <inheritdoc />
    public ExtractedDocument Extract(SourceDocument source) => Extract(source, CancellationToken.None);

    /// <inheritdoc />
    public ExtractedDocument Extract(SourceDocument source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var readerWarnings = new List<string>();
        var read = Read(source, readerWarnings, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var context = new RecognitionContext(read.Text, read.Doc, read.Items)
        {
            ReferenceDate = ReferenceDate(read.Doc),
            InferredYear = Ids.YearOfZaak(read.Doc.Zaak),
            Cancellation = cancellationToken,
        };

        var warnings = new List<string>(readerWarnings.Concat(read.Warnings));
        // One pass over the text for all recognisers' triggers: citation recognisers first, then entity recognisers.
        var triggered = _triggers.Scan(read.Text);
        var index = 0;
        var citations = new List<Citation>(read.Citations);
        foreach (var recognizer in _options.CitationRecognizers)
        {
            if (triggered[index++])
            {
                Collect(recognizer.Name, recognizer.Find(context), citations, int.MaxValue, warnings, cancellationToken);
            }
        }

        var entities = new List<Entity>(read.Entities);
        foreach (var recognizer in _options.EntityRecognizers)
        {
            if (triggered[index++])
            {
                Collect(recognizer.Name, recognizer.Find(context), entities, _options.MaxEntitiesPerRecognizer, warnings, cancellationToken);
            }
        }

        var settled = Settle(citations, read, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<RecordedVote> votes = [];
        if (read.Doc.Kind == DocumentKind.Handelingen)
        {
            try
            {
                votes = Kinds.Motion.MotionVotes.Find(read.Text, settled, read.Doc.Date);
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException ex)
            {
                warnings.Add(TimedOut("votes", ex));
            }
        }

        return new ExtractedDocument
        {
            File = source.File,
            Format = read.Format,
            Doc = read.Doc,
            Text = read.Text,
            Items = read.Items,
            Citations = settled,
            Votes = votes,
            Entities = SettleEntities(entities, read.Items, cancellationToken),
            Metadata = read.Metadata,
            Warnings = warnings,
            ContentHash = Hash(source.Text),
        };
    }

    /// <summary>
    /// Reads with the best-scoring reader. Detection is a cheap guess (a letter that cites an Aanhangsel early
    /// looks like one), so when that reader rejects the file the next one by score gets it; the first, most
    /// specific reason is reported when none can read it. A reader whose pattern runs past its match timeout is a
    /// warning (in <paramref name="warnings"/>) and the next reader gets the file, down to the plain-text reader.
    /// </summary>
    private ReadDocument Read(SourceDocument source, List<string> warnings, CancellationToken cancellationToken)
    {
        var candidates = _options.Readers
            .Select(r => (Reader: r, Score: r.Detect(source)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .Select(x => x.Reader)
            .ToList();
        if (candidates.Count == 0)
        {
            throw new DocumentFormatException(source.File, "no reader recognises this file (empty or not a supported document)");
        }

        DocumentFormatException? first = null;
        foreach (var reader in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return reader.Read(source);
            }
            catch (DocumentFormatException ex)
            {
                first ??= ex;
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException ex)
            {
                warnings.Add(TimedOut($"reader {reader.Format}", ex) + "; the next reader read the document");
                first ??= new DocumentFormatException(source.File, TimedOut($"reader {reader.Format}", ex), ex);
            }
        }

        throw first!;
    }

    /// <summary>
    /// Takes what one recogniser finds, at most <paramref name="limit"/> (a longer list is cut, with a warning, so
    /// thousands of repeated dates cannot blow up a document's output), and turns a regex that ran past its match
    /// timeout into a warning: what the recogniser found before that point is kept, the document is not lost.
    /// </summary>
    private static void Collect<T>(string name, IEnumerable<T> found, List<T> into, int limit, List<string> warnings, CancellationToken cancellationToken)
    {
        var taken = 0;
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            foreach (var x in found)
            {
                if ((taken & CheckEvery) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (taken == limit)
                {
                    warnings.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"{name}: more than {limit} found; only the first {limit} are kept"));
                    return;
                }

                into.Add(x);
                taken++;
            }
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException ex)
        {
            warnings.Add(TimedOut(name, ex));
        }
    }

    /// <summary>Cancellation is checked once per this many (plus one) citations or entities: cheap, and still prompt.</summary>
    private const int CheckEvery = 255;

    private static string TimedOut(string name, System.Text.RegularExpressions.RegexMatchTimeoutException ex) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{name}: a pattern ran past its {ex.MatchTimeout.TotalSeconds:0.###} s match timeout; what it found before that is kept, the rest of the text was not searched by it");

    /// <summary>Whether a recogniser with these triggers runs on the text (one recogniser's <see cref="TriggerScan"/>).</summary>
    internal static bool Triggered(string text, IReadOnlyList<string> triggers) => new TriggerScan([triggers]).Scan(text)[0];

    private static DateOnly? ReferenceDate(DocumentInfo doc) => doc.Answered ?? doc.Date ?? doc.Submitted;

    /// <summary>
    /// A document's own ids are facts about it, not citations, and neither is a motion naming itself; the identity rules
    /// (<see cref="CitationIdentity"/>: footnotes followed, a letter with its Kamerstuk number is that Kamerstuk) make
    /// one citation of pieces; a citation contained in a longer one with the same target says nothing new (the
    /// kamerstuk inside "motie X (21 501-20, nr. 1591)"); duplicates go.
    /// </summary>
    internal static IReadOnlyList<Citation> Settle(IEnumerable<Citation> found, ReadDocument read, CancellationToken cancellationToken = default)
    {
        var own = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { read.Doc.Id };
        foreach (var id in read.Doc.OwnIds)
        {
            own.Add(id);
        }

        if (read.Doc.Zaak is { } zaak)
        {
            own.Add(zaak);
            own.Add(Ids.Question(zaak));
        }

        if (read.Doc.PairedId is { } paired)
        {
            own.Add(paired);
        }

        var text = read.Text;
        var namesItself = CitationIdentity.NamesItself(read.Doc, text);
        var list = CitationIdentity.Settle(
            found
                .Where(c => c.Start >= 0 && c.End <= text.Length && c.End > c.Start)
                .Where(c => c.Target is null || !own.Contains(c.Target))
                .Where(c => !namesItself(c))
                .OrderBy(c => c.Start)
                .ThenByDescending(c => c.End - c.Start)
                .ToList(),
            text);

        // Only a kept citation that contains c can cover it (CitationKindModule.Covers). The list is ordered by start, so
        // those are among the kept ones still open at c's start: the window drops each kept citation once it has ended,
        // and what stays open at any point is the few citations that overlap there, not everything kept so far.
        var kept = new List<Citation>(list.Count);
        var open = new List<Citation>();
        var items = new ItemSweep(read.Items);
        var seen = 0;
        foreach (var c in list)
        {
            if ((seen++ & CheckEvery) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            open.RemoveAll(k => k.End <= c.Start);

            // What a kept citation covers says nothing new; each kind decides what it covers (CitationKinds).
            if (open.Exists(k => k.End >= c.End && Kinds.CitationKinds.Covers(k, c)))
            {
                continue;
            }

            var item = items.At(c.Start);
            var quote = text[c.Start..c.End];
            var settled = (c with { Item = c.Item ?? item, Quote = quote }).Validate();
            kept.Add(settled);
            open.Add(settled);
        }

        return kept;
    }

    private static IReadOnlyList<Entity> SettleEntities(IEnumerable<Entity> found, IReadOnlyList<Item> items, CancellationToken cancellationToken)
    {
        var seen = new HashSet<(EntityKind, string, int, int)>();
        var kept = new List<Entity>();
        var sweep = new ItemSweep(items);
        var count = 0;
        foreach (var e in found.OrderBy(e => e.Start).ThenBy(e => e.Kind))
        {
            if ((count++ & CheckEvery) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (seen.Add((e.Kind, e.Id, e.Start, e.End)))
            {
                kept.Add(e.Start >= 0 && e.Item is null ? e with { Item = sweep.At(e.Start) } : e);
            }
        }

        return kept;
    }

    /// <summary>The innermost item that contains <paramref name="offset"/>.</summary>
    public static string? ItemAt(IReadOnlyList<Item> items, int offset)
    {
        Item? best = null;
        foreach (var i in items)
        {
            if (offset >= i.Start && offset < i.End && (best is null || i.End - i.Start < best.End - best.Start))
            {
                best = i;
            }
        }

        return best?.Id;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>
/// <see cref="Extractor.ItemAt"/> for offsets asked in increasing order (the settle stage walks citations and entities by
/// start): items are taken in as the offset reaches them and dropped once it has passed their end, so each question
/// looks only at the few items around the offset, not at every item of the document. An offset before the previous one
/// starts the walk again, so any order gives the same answer as <see cref="Extractor.ItemAt"/>.
/// </summary>
internal sealed class ItemSweep
{
    private readonly (Item Item, int Order)[] _byStart;
    private readonly List<(Item Item, int Order)> _open = [];
    private int _next;
    private int _last = int.MinValue;

    public ItemSweep(IReadOnlyList<Item> items)
    {
        // By start, items with the same start in their listed order (what a stable OrderBy gives), sorted in place
        // without LINQ's ordered iterator (made twice per document: for the citations and for the entities).
        var byStart = new (Item Item, int Order)[items.Count];
        for (var order = 0; order < byStart.Length; order++)
        {
            byStart[order] = (items[order], order);
        }

        Array.Sort(byStart, static (a, b) => a.Item.Start != b.Item.Start ? a.Item.Start.CompareTo(b.Item.Start) : a.Order.CompareTo(b.Order));
        _byStart = byStart;
    }

    /// <summary>The innermost item that contains <paramref name="offset"/> (the first listed among equally long ones).</summary>
    public string? At(int offset)
    {
        if (offset < _last)
        {
            _next = 0;
            _open.Clear();
        }

        _last = offset;
        while (_next < _byStart.Length && _byStart[_next].Item.Start <= offset)
        {
            _open.Add(_byStart[_next++]);
        }

        _open.RemoveAll(x => x.Item.End <= offset);
        (Item Item, int Order)? best = null;
        foreach (var x in _open)
        {
            var length = x.Item.End - x.Item.Start;
            if (best is not { } b || length < b.Item.End - b.Item.Start || (length == b.Item.End - b.Item.Start && x.Order < b.Order))
            {
                best = x;
            }
        }

        return best?.Item.Id;
    }
}
