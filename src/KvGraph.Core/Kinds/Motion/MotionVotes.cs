using System.Globalization;
using System.Text.RegularExpressions;
using KvGraph.Core.Model;
using KvGraph.Core.Text;

namespace KvGraph.Core.Kinds.Motion;

/// <summary>
/// The votes the Handelingen record. The chair announces each vote and states its result:
/// <list type="bullet">
/// <item>"In stemming komt de motie-Wassenberg (21501-08, nr. 721)." — the motion is the one the motion recogniser found
/// in that sentence (so its id follows every rule that recogniser has);</item>
/// <item>"Ik constateer dat de leden van de fracties van de SP, de PvdA, … voor deze motie hebben gestemd en de leden van de
/// overige fracties ertegen, zodat zij is aangenomen." — the outcome and the parties named for (or against), the rest the
/// other way;</item>
/// <item>"Ik constateer dat deze motie met algemene stemmen is aangenomen." — unanimous;</item>
/// <item>"… met 75 stemmen voor en 70 stemmen tegen is aangenomen" — a roll call's counts;</item>
/// <item>"Ik deel mee dat de volgende aangehouden moties zijn vervallen: 34775-42; 34734-25." — each of them lapsed.</item>
/// </list>
/// The result is looked for between the announcement and the next one, at most <see cref="ResultWindow"/> characters on.
/// Linear: each announcement scans only its own window.
/// </summary>
public static partial class MotionVotes
{
    /// <summary>How far after "In stemming komt …" the chair's result is looked for.</summary>
    public const int ResultWindow = 3000;

    /// <summary>The votes a document records, each tied to a motion citation the document makes.</summary>
    /// <param name="text">The cleaned text.</param>
    /// <param name="citations">The document's settled citations (the motion recogniser's targets), ordered by start as settled.</param>
    /// <param name="date">The day of the sitting, when known.</param>
    public static IReadOnlyList<RecordedVote> Find(string text, IReadOnlyList<Citation> citations, DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(citations);
        var votes = new List<RecordedVote>();
        if (text.Contains("In stemming ", StringComparison.Ordinal))
        {
            var announcements = AnnounceRx().Matches(text).Cast<Match>().ToList();
            for (var i = 0; i < announcements.Count; i++)
            {
                var a = announcements[i];
                var motion = MotionAt(citations, a.Index, a.Index + a.Length + 10);
                if (motion?.Target is not { } target)
                {
                    continue;
                }

                var from = motion.End;
                var to = Math.Min(text.Length, Math.Min(from + ResultWindow, i + 1 < announcements.Count ? announcements[i + 1].Index : int.MaxValue));
                if (from >= to || Result(text, from, to, date) is not { } result)
                {
                    continue;
                }

                votes.Add(new RecordedVote(target, result.Fate, result.Quote, result.Start, result.End));
            }
        }

        if (text.Contains("zijn vervallen", StringComparison.Ordinal) || text.Contains("is vervallen", StringComparison.Ordinal))
        {
            foreach (Match m in LapsedRx().Matches(text))
            {
                foreach (Match n in LapsedNumberRx().Matches(m.Groups["list"].Value))
                {
                    if (Ids.Kamerstuk(n.Groups["dossier"].Value, n.Groups["nr"].Value) is { } kst)
                    {
                        votes.Add(new RecordedVote(kst, new MotionFate { Outcome = "vervallen", Decision = "Vervallen (aangehouden motie)", Date = date }, m.Value, m.Index, m.Index + m.Length));
                    }
                }
            }
        }

        return votes;
    }

    /// <summary>
    /// The first numbered motion citation starting in [<paramref name="from"/>, <paramref name="to"/>]. The settled
    /// citations are ordered by start, so a binary search finds the first one there and only those in the range are looked at.
    /// </summary>
    private static Citation? MotionAt(IReadOnlyList<Citation> citations, int from, int to)
    {
        int lo = 0, hi = citations.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (citations[mid].Start < from)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < citations.Count && citations[i].Start <= to; i++)
        {
            if (citations[i] is { Kind: CitationKind.Motion, Target: { } t } c && t.StartsWith("kst-", StringComparison.Ordinal))
            {
                return c;
            }
        }

        return null;
    }

    private static (MotionFate Fate, string Quote, int Start, int End)? Result(string text, int from, int to, DateOnly? date)
    {
        var window = text[from..to];
        if (PartiesRx().Match(window) is { Success: true } p)
        {
            var side = p.Groups["side"].Value;
            var rest = p.Groups["rest"].Value is "ertegen" or "tegen" ? "tegen" : "voor";
            var votes = PartyList(p.Groups["list"].Value).Select(x => new PartyVote(x, side)).ToList();
            return (Fate(p.Groups["outcome"].Value, date) with { PartyVotes = votes, OthersVoted = rest, VoteKind = "Met handopsteken" }, p.Value, from + p.Index, from + p.Index + p.Length);
        }

        if (UnanimousRx().Match(window) is { Success: true } u)
        {
            return (Fate(u.Groups["outcome"].Value, date) with { Unanimous = true, VoteKind = "Met handopsteken" }, u.Value, from + u.Index, from + u.Index + u.Length);
        }

        if (CountsRx().Match(window) is { Success: true } c)
        {
            return (Fate(c.Groups["outcome"].Value, date) with
            {
                VoteKind = "Hoofdelijk",
                VotesFor = int.Parse(c.Groups["for"].Value, CultureInfo.InvariantCulture),
                VotesAgainst = int.Parse(c.Groups["against"].Value, CultureInfo.InvariantCulture),
            }, c.Value, from + c.Index, from + c.Index + c.Length);
        }

        if (OutcomeRx().Match(window) is { Success: true } o)
        {
            return (Fate(o.Groups["outcome"].Value, date), o.Value, from + o.Index, from + o.Index + o.Length);
        }

        return null;
    }

    private static MotionFate Fate(string outcome, DateOnly? date) => new()
    {
        Outcome = outcome,
        Decision = $"Stemmen - {outcome}",
        Date = date,
    };

    /// <summary>"de SP, de PvdA, GroenLinks, het CDA en de ChristenUnie" → SP, PvdA, GroenLinks, CDA, ChristenUnie.</summary>
    internal static IReadOnlyList<string> PartyList(string list) =>
        [.. ListSplitRx().Split(list)
            .Select(x => ArticleRx().Replace(x.Trim(), string.Empty).Trim())
            .Where(x => x.Length > 0 && !x.StartsWith("lid ", StringComparison.Ordinal) && !x.StartsWith("leden ", StringComparison.Ordinal))];

    [GeneratedRegex(@"In stemming komt (?:de |het )?(?:nader )?(?:gewijzigde )?motie", RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex AnnounceRx();

    // "Ik constateer dat de leden van de fracties van <list> voor deze motie hebben gestemd en de leden van de overige fracties ertegen, zodat zij is aangenomen."
    [GeneratedRegex(@"Ik constateer dat (?:de leden van )?de fracties? van (?<list>[^.:;]{1,600}?) (?<side>voor|tegen) (?:deze|de) (?:nader )?(?:gewijzigde )?motie (?:hebben|heeft) gestemd en (?:de leden van )?de overige fracties (?<rest>ertegen|ervoor|tegen|voor),? zodat (?:zij|deze) is (?<outcome>aangenomen|verworpen)", RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex PartiesRx();

    [GeneratedRegex(@"(?:Ik constateer dat (?:deze|de) (?:nader )?(?:gewijzigde )?motie )?met algemene stemmen is (?<outcome>aangenomen|verworpen)", RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex UnanimousRx();

    [GeneratedRegex(@"met (?<for>[0-9]{1,3}) stemmen voor en (?<against>[0-9]{1,3}) stemmen tegen is (?<outcome>aangenomen|verworpen)", RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex CountsRx();

    [GeneratedRegex(@"zodat (?:zij|deze) is (?<outcome>aangenomen|verworpen)", RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex OutcomeRx();

    [GeneratedRegex(@"(?:volgende )?aangehouden moties? (?:zijn|is) vervallen:\s*(?<list>[0-9\s;,\-A-Z]{1,2000})", RegexOptions.CultureInvariant, Recognition.Patterns.MatchTimeoutMs)]
    private static partial Regex LapsedRx();

    [GeneratedRegex(@"(?<dossier>[0-9]{4,6}(?:-[A-Z0-9]{1,5})?)-(?<nr>[0-9]{1,4})(?![0-9-])", RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex LapsedNumberRx();

    [GeneratedRegex(@"\s*,\s*|\s+en\s+", RegexOptions.CultureInvariant, Recognition.Patterns.MatchTimeoutMs)]
    private static partial Regex ListSplitRx();

    [GeneratedRegex(@"^(?:de|het)\s+", RegexOptions.CultureInvariant, Recognition.Patterns.MatchTimeoutMs)]
    private static partial Regex ArticleRx();
}
