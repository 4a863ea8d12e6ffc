using System.Globalization;
using KvGraph.Core.Graph;
using KvGraph.Core.Text;

namespace KvGraph.Core.Resolution;

/// <summary>
/// Which letter a letter mention (without Kamerstuk number) is. A letter is never identified by its date alone:
/// <list type="bullet">
/// <item>the key is the date AND the sender (<c>letter:2024-06-27:justitie-en-veiligheid</c>); a mention whose sender
/// cannot be told (a question citing "de brief van 27 juni") stays on its own, per citing document
/// (<c>letter:2024-06-27@kv-tk-…</c>);</item>
/// <item>mentions with the same key are one letter when their kenmerken agree and, failing a kenmerk, their subjects
/// share words; a key with several such letters gives each its own id (<c>…:&lt;kenmerk&gt;</c> or
/// <c>…:&lt;subject words&gt;</c>); a bare mention ("mijn brief van 27 juni") joins the key's letter only when there is
/// just one, otherwise it stays on its own.</item>
/// </list>
/// Deterministic: mentions are considered in a fixed order, never in file order.
/// </summary>
public sealed class LetterIdentity
{
    private readonly Dictionary<(string Key, string? Kenmerk, string? Subject, string Citing), LetterMatch> _matches = [];

    private LetterIdentity()
    {
    }

    /// <summary>No mentions known: every mention is matched on its own key alone.</summary>
    public static LetterIdentity Empty { get; } = new();

    /// <summary>The raw key a mention's CITES edge is written with, before resolution.</summary>
    public static string Key(string date, string? sender) => sender is { Length: > 0 } s ? $"letter:{date}:{s}" : $"letter:{date}";

    /// <summary>True when the key carries a sender.</summary>
    public static bool HasSender(string key) => key.Count(c => c == ':') >= 2;

    /// <summary>Clusters every letter mention of the corpus.</summary>
    public static LetterIdentity Create(IEnumerable<LetterMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        var identity = new LetterIdentity();
        foreach (var group in mentions.Select(m => m with { Kenmerk = Norm(m.Kenmerk), Subject = Norm(m.Subject) }).Where(m => HasSender(m.Key)).GroupBy(m => m.Key, StringComparer.Ordinal))
        {
            identity.ClusterKey(group.Key, [.. group.Distinct().OrderBy(m => m.Kenmerk ?? "\uffff", StringComparer.Ordinal)
                .ThenBy(m => m.Subject ?? "\uffff", StringComparer.Ordinal).ThenBy(m => m.Citing, StringComparer.Ordinal)]);
        }

        return identity;
    }

    /// <summary>The letter a mention belongs to.</summary>
    public LetterMatch Resolve(string key, string? kenmerk, string? subject, string citing)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(citing);
        if (!HasSender(key))
        {
            return new LetterMatch($"{key}@{citing}", LinkMethod.Unresolved, 0.5, "date only: the sender cannot be told, so this mention is not joined with others");
        }

        return _matches.TryGetValue((key, Norm(kenmerk), Norm(subject), citing), out var m)
            ? m
            : new LetterMatch(key, LinkMethod.DateSender, 0.85, $"date and sender ({Sender(key)})");
    }

    private void ClusterKey(string key, List<LetterMention> mentions)
    {
        var clusters = new List<(string? Kenmerk, HashSet<string> Words, string Suffix, List<LetterMention> Members)>();
        foreach (var m in mentions.Where(m => m.Kenmerk is not null))
        {
            var c = clusters.FindIndex(x => string.Equals(x.Kenmerk, m.Kenmerk, StringComparison.OrdinalIgnoreCase));
            if (c < 0)
            {
                clusters.Add((m.Kenmerk, ContentWords.Of(m.Subject), NodeIds.Slug(m.Kenmerk!), [m]));
            }
            else
            {
                clusters[c].Words.UnionWith(ContentWords.Of(m.Subject));
                clusters[c].Members.Add(m);
            }
        }

        foreach (var m in mentions.Where(m => m.Kenmerk is null && m.Subject is not null))
        {
            var words = ContentWords.Of(m.Subject);
            var c = clusters.FindIndex(x => Overlaps(x.Words, words));
            if (c < 0)
            {
                clusters.Add((null, words, string.Join("-", words.Order(StringComparer.Ordinal).Take(3)), [m]));
            }
            else
            {
                clusters[c].Words.UnionWith(words);
                clusters[c].Members.Add(m);
            }
        }

        var bare = mentions.Where(m => m.Kenmerk is null && m.Subject is null).ToList();
        var sender = Sender(key);
        if (clusters.Count <= 1)
        {
            var evidence = clusters.Count == 0
                ? $"date and sender ({sender})"
                : $"date and sender ({sender}); the only letter of that day and sender cited" + (clusters[0].Kenmerk is { } k ? $" (kenmerk {k})" : string.Empty);
            foreach (var m in mentions)
            {
                _matches[(key, Norm(m.Kenmerk), Norm(m.Subject), m.Citing)] = new LetterMatch(key, LinkMethod.DateSender, m.Kenmerk is null ? 0.85 : 0.95, evidence);
            }

            return;
        }

        foreach (var (kenmerk, _, suffix, members) in clusters)
        {
            var id = $"{key}:{suffix}";
            var evidence = kenmerk is not null ? $"date, sender ({sender}) and kenmerk {kenmerk}" : $"date, sender ({sender}) and subject";
            foreach (var m in members)
            {
                _matches[(key, Norm(m.Kenmerk), Norm(m.Subject), m.Citing)] = new LetterMatch(id, LinkMethod.DateSender, kenmerk is not null ? 0.95 : 0.85, evidence);
            }
        }

        foreach (var m in bare)
        {
            _matches[(key, null, null, m.Citing)] = new LetterMatch($"{key}@{m.Citing}", LinkMethod.Unresolved, 0.5,
                $"{clusters.Count.ToString(CultureInfo.InvariantCulture)} letters of that day and sender are cited; nothing tells which one this is");
        }
    }

    private static bool Overlaps(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return false;
        }

        var shared = a.Count(b.Contains);
        return shared * 2 >= Math.Min(a.Count, b.Count);
    }

    private static string? Norm(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Sender(string key) => key[(key.IndexOf(':', "letter:".Length) + 1)..];
}
