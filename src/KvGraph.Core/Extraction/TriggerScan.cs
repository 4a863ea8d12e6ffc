using System.Buffers;

namespace KvGraph.Core.Extraction;

/// <summary>
/// The literal pre-filter of all recognisers in one pass over the text: a recogniser runs when one of its triggers occurs
/// in the text (ordinal, ignoring case), or when it has none. All distinct triggers are searched at once
/// (<see cref="SearchValues{T}"/> of strings), instead of one scan of the whole text per trigger. Once a recogniser is on,
/// the search goes on for only the triggers of recognisers still off (a frequent trigger such as "vraag" is then no longer
/// a hit at every occurrence), and it stops as soon as every recogniser with triggers is on. Thread-safe; build it once
/// per set of recognisers.
/// </summary>
internal sealed class TriggerScan
{
    /// <summary>The searchers built for sets of triggers still wanted, at most this many (a handful occur in practice).</summary>
    private const int MaxSearchers = 4096;

    private readonly string[] _literals;
    private readonly int[][] _owners;

    // Per ASCII character: the triggers that can start there (ASCII ignore-case equality with their first character), in
    // trigger order. A trigger that does not start with an ASCII character is in every list, and a non-ASCII text character
    // tries them all (_literals), so only candidates that cannot match are left out.
    private readonly int[][] _startingWith = new int[128][];
    private readonly int[] _all;
    private readonly bool[] _always;
    private readonly int _triggered;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ulong, SearchValues<string>> _searchers = new();

    /// <param name="triggers">Each recogniser's triggers, in recogniser order.</param>
    public TriggerScan(IReadOnlyList<IReadOnlyList<string>> triggers)
    {
        ArgumentNullException.ThrowIfNull(triggers);
        var owners = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        _always = new bool[triggers.Count];
        for (var r = 0; r < triggers.Count; r++)
        {
            // No triggers, or an empty one (which every text contains): the recogniser always runs.
            if (triggers[r].Count == 0 || triggers[r].Any(string.IsNullOrEmpty))
            {
                _always[r] = true;
                continue;
            }

            _triggered++;
            foreach (var t in triggers[r])
            {
                if (!owners.TryGetValue(t, out var list))
                {
                    owners[t] = list = [];
                }

                list.Add(r);
            }
        }

        _literals = [.. owners.Keys];
        _owners = [.. owners.Values.Select(l => l.ToArray())];
        _all = [.. Enumerable.Range(0, _literals.Length)];
        for (var c = 0; c < 128; c++)
        {
            var at = ((char)c).ToString();
            _startingWith[c] = [.. Enumerable.Range(0, _literals.Length)
                .Where(k => !char.IsAscii(_literals[k][0]) || at.Equals(_literals[k][..1], StringComparison.OrdinalIgnoreCase))];
        }
    }

    /// <summary>For each recogniser, in the order given: whether it runs on <paramref name="text"/>.</summary>
    public bool[] Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var on = (bool[])_always.Clone();
        var left = _triggered;
        var span = text.AsSpan();
        var pos = 0;
        var wanted = Wanted(on);
        var searcher = Searcher(wanted);
        while (left > 0)
        {
            var hit = span[pos..].IndexOfAny(searcher);
            if (hit < 0)
            {
                break;
            }

            pos += hit;
            var at = span[pos..];
            var changed = false;
            foreach (var k in at[0] < 128 ? _startingWith[at[0]] : _all)
            {
                if (!IsWanted(wanted, k) || !at.StartsWith(_literals[k], StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (var r in _owners[k])
                {
                    if (!on[r])
                    {
                        on[r] = true;
                        left--;
                        changed = true;
                    }
                }
            }

            if (changed)
            {
                wanted = Wanted(on);
                searcher = Searcher(wanted);
            }

            pos++;
        }

        return on;
    }

    // The triggers that can still turn a recogniser on, one bit each (all of them, as ulong.MaxValue, beyond 64 triggers).
    private ulong Wanted(bool[] on)
    {
        if (_literals.Length > 64)
        {
            return ulong.MaxValue;
        }

        var wanted = 0UL;
        for (var k = 0; k < _literals.Length; k++)
        {
            if (Array.Exists(_owners[k], r => !on[r]))
            {
                wanted |= 1UL << k;
            }
        }

        return wanted;
    }

    private static bool IsWanted(ulong wanted, int k) => k >= 64 || (wanted & (1UL << k)) != 0;

    private SearchValues<string> Searcher(ulong wanted)
    {
        if (_searchers.TryGetValue(wanted, out var found))
        {
            return found;
        }

        var searcher = SearchValues.Create([.. _literals.Where((_, k) => IsWanted(wanted, k))], StringComparison.OrdinalIgnoreCase);
        if (_searchers.Count < MaxSearchers)
        {
            _searchers.TryAdd(wanted, searcher);
        }

        return searcher;
    }
}
