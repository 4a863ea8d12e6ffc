using System.Globalization;
using KvGraph.Core.Graph;
using KvGraph.Core.Identity;
using KvGraph.Core.Model;
using KvGraph.Core.Text;

namespace KvGraph.Core.Resolution;

/// <summary>
/// Motions in the corpus as candidates for unnumbered mentions ("de aangenomen motie-Simons c.s."), and the merging
/// of one motion's records from different sources (its text <c>kst-…</c> and its open-data record <c>zaak:…</c>).
/// <para>
/// A mention is linked to a motion only on enough evidence, scored 0..1:
/// sponsors (every sponsor the mention names is a sponsor of the motion: required; the first one its lead sponsor: full
/// marks) × 0.25, subject (the share of the motion's distinctive subject words, weighted by rarity, that stand around
/// the mention) × 0.55, time (submitted before the citing document, within <see cref="WindowDays"/>; nearer is better)
/// × 0.2. A link needs a subject share of at least <see cref="MinSubject"/>, a score of at least <see cref="Threshold"/>,
/// and a lead of <see cref="Margin"/> over the next candidate. Below that the mention stays unresolved and shows its
/// best candidates. A surname alone never links.
/// </para>
/// </summary>
public sealed class MotionIdentity
{
    /// <summary>How far back a cited motion is looked for: a year and a half covers a debate cycle.</summary>
    public const int WindowDays = 550;

    /// <summary>The lowest score that links.</summary>
    public const double Threshold = 0.6;

    /// <summary>The lowest subject share that links.</summary>
    public const double MinSubject = 0.3;

    /// <summary>How far the best candidate must lead the next.</summary>
    public const double Margin = 0.1;

    private readonly Dictionary<string, List<Candidate>> _bySponsor = new(StringComparer.Ordinal);

    // Per sponsor, how many of its candidates are dated: they come first (Create sorts them), the undated after.
    private readonly Dictionary<string, int> _dated = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _idf = new(StringComparer.Ordinal);

    private MotionIdentity()
    {
    }

    /// <summary>The candidates: every motion document with sponsors.</summary>
    public static MotionIdentity Create(IEnumerable<DocumentAliases> motions)
    {
        ArgumentNullException.ThrowIfNull(motions);
        var identity = new MotionIdentity();
        var all = motions.Where(d => d.Kind == DocumentKind.Motion && d.Sponsors.Count > 0)
            .Select(d => new Candidate(d.Id, ParseDate(d.Date), [.. d.Sponsors.Select(Key).Where(s => s.Length > 0)], ContentWords.Of(ContentWords.SubjectOfMotionTitle(d.Title))))
            .ToList();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in all)
        {
            foreach (var w in c.Words)
            {
                df[w] = df.GetValueOrDefault(w) + 1;
            }

            foreach (var s in c.Sponsors.Distinct(StringComparer.Ordinal))
            {
                if (!identity._bySponsor.TryGetValue(s, out var list))
                {
                    identity._bySponsor[s] = list = [];
                }

                list.Add(c);
            }
        }

        foreach (var (w, n) in df)
        {
            identity._idf[w] = Math.Log((all.Count + 1.0) / n);
        }

        // Dated candidates by date, undated last: a mention weighs only those of its window (Resolve). Where the undated
        // start is fixed once sorted, so it is kept, not looked for at each mention.
        foreach (var (sponsor, list) in identity._bySponsor)
        {
            list.Sort((a, b) => (a.Date, b.Date) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                ({ } x, { } y) => x.CompareTo(y),
            });
            identity._dated[sponsor] = list.Count(c => c.Date is not null);
        }

        return identity;
    }

    /// <summary>
    /// The candidates a mention dated <paramref name="cited"/> can be: every one when the date is unknown; else the dated
    /// ones submitted within <see cref="WindowDays"/> before it (found by binary search in the date order
    /// <see cref="Create"/> sorted them in, the first <paramref name="dated"/> of the list) and the undated ones. A sponsor's
    /// motions grow with the corpus, and weighing all of them for every mention made resolution quadratic: at 1,000,000
    /// documents it was half of the commit's fill.
    /// </summary>
    private static IEnumerable<Candidate> InWindow(List<Candidate> candidates, int dated, DateOnly? cited)
    {
        if (cited is not { } at)
        {
            return candidates;
        }

        var from = First(candidates, dated, at.AddDays(-WindowDays));
        var to = First(candidates, dated, at.AddDays(1));
        return candidates.Skip(from).Take(to - from).Concat(candidates.Skip(dated));

        // The first of the dated candidates [0, dated) submitted on or after day.
        static int First(List<Candidate> candidates, int dated, DateOnly day)
        {
            int lo = 0, hi = dated;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (candidates[mid].Date!.Value < day)
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
    }

    /// <summary>Weighs every motion of the mention's lead sponsor; see the type's remarks.</summary>
    /// <param name="sponsors">Sponsor surnames as the mention names them, lead first.</param>
    /// <param name="citingDate">ISO date of the citing document, or null.</param>
    /// <param name="context">The content words around the mention (<see cref="ContentWords"/>).</param>
    public MotionMatch Resolve(IReadOnlyList<string> sponsors, string? citingDate, IReadOnlySet<string> context)
    {
        ArgumentNullException.ThrowIfNull(sponsors);
        ArgumentNullException.ThrowIfNull(context);
        var slugs = sponsors.Select(Key).Where(s => s.Length > 0).ToList();
        if (slugs.Count == 0 || !_bySponsor.TryGetValue(slugs[0], out var candidates))
        {
            return new MotionMatch(null, 0, "no motion in the corpus has this sponsor", []);
        }

        var cited = ParseDate(citingDate);
        var scored = new List<MotionCandidateScore>();
        foreach (var c in InWindow(candidates, _dated[slugs[0]], cited))
        {
            if (!slugs.All(c.Sponsors.Contains))
            {
                continue;
            }

            double time;
            if (cited is { } at && c.Date is { } d)
            {
                var days = at.DayNumber - d.DayNumber;
                if (days < 0 || days > WindowDays)
                {
                    continue;
                }

                time = 1 - (days / (2.0 * WindowDays));
            }
            else
            {
                time = 0.5;
            }

            var sponsor = c.Sponsors[0] == slugs[0] ? 1.0 : 0.6;
            var total = c.Words.Sum(w => _idf.GetValueOrDefault(w));
            var shared = c.Words.Where(context.Contains).ToList();
            var subject = total <= 0 ? 0 : shared.Sum(w => _idf.GetValueOrDefault(w)) / total;
            var score = Math.Round((0.25 * sponsor) + (0.55 * subject) + (0.2 * time), 3);
            var evidence = string.Create(CultureInfo.InvariantCulture,
                $"sponsors {string.Join("/", sponsors)}{(sponsor == 1.0 ? " (lead)" : string.Empty)}; subject {subject:0.00}{(shared.Count > 0 ? $" ({string.Join(", ", shared.Order(StringComparer.Ordinal).Take(5))})" : string.Empty)}; {(c.Date is { } cd ? $"submitted {cd:yyyy-MM-dd}" : "date unknown")}");
            scored.Add(new MotionCandidateScore(c.Id, score, evidence) { Subject = subject });
        }

        var ranked = scored.OrderByDescending(s => s.Score).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        if (ranked.Count == 0)
        {
            return new MotionMatch(null, 0, "no motion of these sponsors was submitted in the window before the citing document", []);
        }

        var best = ranked[0];
        var lead = ranked.Count == 1 ? best.Score : best.Score - ranked[1].Score;
        var linked = best.Subject >= MinSubject && best.Score >= Threshold && lead >= Margin;
        return new MotionMatch(linked ? best.Id : null, best.Score, best.Evidence, [.. ranked.Take(5)]);
    }

    /// <summary>
    /// Motions known twice: an open-data record (<c>zaak:…</c>) and the motion's text (<c>kst-…</c>) with the same date
    /// (within a day), the same sponsors and the same subject. The text's id is canonical. Each merge says what agreed.
    /// </summary>
    public static IReadOnlyList<DocumentMerge> Merges(IEnumerable<DocumentAliases> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var motions = documents.Where(d => d.Kind == DocumentKind.Motion && DocId.TryParse(d.Id, out _)).ToList();
        var texts = motions.Where(d => DocId.Parse(d.Id).Scheme is IdScheme.Kamerstuk or IdScheme.TkDocument)
            .Select(d => (Doc: d, Date: ParseDate(d.Date), Sponsors: Slugs(d.Sponsors), Words: ContentWords.Of(ContentWords.SubjectOfMotionTitle(d.Title))))
            .Where(t => t.Date is not null)
            .ToList();
        var byDate = texts.ToLookup(t => t.Date!.Value);
        var byId = motions.Where(d => DocId.Parse(d.Id).Scheme == IdScheme.Kamerstuk).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var merges = new List<DocumentMerge>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in motions.Where(d => DocId.Parse(d.Id).Scheme == IdScheme.ZaakDocument).OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            // A record from the API names its Kamerstuk (Kamerstukdossier + Document Volgnummer): that text, no weighing needed.
            if (record.Aliases.Select(a => a.Alias).FirstOrDefault(a => a.StartsWith("kst-", StringComparison.Ordinal) && byId.ContainsKey(a)) is { } named)
            {
                if (taken.Add(named))
                {
                    merges.Add(new DocumentMerge(record.Id, named, LinkMethod.ExplicitId, 1.0, $"the record names its Kamerstuk, {named}"));
                }

                continue;
            }

            if (ParseDate(record.Date) is not { } date)
            {
                continue;
            }

            var sponsors = Slugs(record.Sponsors);
            var words = ContentWords.Of(ContentWords.SubjectOfMotionTitle(record.Title));
            var best = Enumerable.Range(-1, 3).SelectMany(delta => byDate[date.AddDays(delta)])
                .Select(t => (t.Doc, Sponsors: Jaccard(sponsors, t.Sponsors), Subject: Jaccard(words, t.Words), SameDay: t.Date == date))
                .Where(x => x.Sponsors >= 0.5 && x.Subject >= 0.6)
                .OrderByDescending(x => x.Subject + x.Sponsors).ThenBy(x => x.Doc.Id, StringComparer.Ordinal)
                .FirstOrDefault();
            if (best.Doc is null || !taken.Add(best.Doc.Id))
            {
                continue;
            }

            var confidence = Math.Round(Math.Min(1, 0.2 + (0.4 * best.Subject) + (0.4 * best.Sponsors) - (best.SameDay ? 0 : 0.05)), 3);
            merges.Add(new DocumentMerge(record.Id, best.Doc.Id, LinkMethod.DateSponsorsSubject, confidence, string.Create(CultureInfo.InvariantCulture,
                $"{(best.SameDay ? "same date" : "dates a day apart")} ({date:yyyy-MM-dd}); sponsors {best.Sponsors:0.00} alike; subject {best.Subject:0.00} alike")));
        }

        return merges;
    }

    /// <summary>Sponsors compared as people: "Martin Bosma" in a motion's signature and "Bosma" in its record are one sponsor.</summary>
    private static HashSet<string> Slugs(IEnumerable<string> names) => names.Select(Key).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);

    private static string Key(string name) => string.IsNullOrWhiteSpace(name) ? string.Empty : Entities.PersonIds.For(name);

    private static double Jaccard(HashSet<string> a, HashSet<string> b) =>
        a.Count == 0 || b.Count == 0 ? 0 : (double)a.Count(b.Contains) / a.Union(b).Count();

    private static DateOnly? ParseDate(string? iso) =>
        iso is { Length: >= 10 } && DateOnly.TryParseExact(iso[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private sealed record Candidate(string Id, DateOnly? Date, IReadOnlyList<string> Sponsors, HashSet<string> Words);
}
