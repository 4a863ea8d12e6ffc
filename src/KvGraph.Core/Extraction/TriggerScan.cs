using System.Buffers;

namespace KvGraph.Core.Extraction;

/// <summary>
/// The literal pre-filter of all recognisers in one pass over the text: a recogniser runs when one of its triggers occurs
/// in the text (ordinal, ignoring case), or when it has none. All distinct triggers are searched at once
/// (<see cref="SearchValues{T}"/> of strings), instead of one scan of the whole text per trigger; the scan stops as soon
/// as every recogniser with triggers is on. Immutable and thread-safe once built; build it once per set of recognisers.
/// </summary>
internal sealed class TriggerScan
{
    private readonly string[] _literals;
    private readonly int[][] _owners;
    private readonly SearchValues<string>? _any;
    private readonly bool[] _always;
    private readonly int _triggered;

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
        _any = _literals.Length == 0 ? null : SearchValues.Create(_literals, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>For each recogniser, in the order given: whether it runs on <paramref name="text"/>.</summary>
    public bool[] Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var on = (bool[])_always.Clone();
        var left = _triggered;
        var span = text.AsSpan();
        var pos = 0;
        while (left > 0 && _any is not null)
        {
            var hit = span[pos..].IndexOfAny(_any);
            if (hit < 0)
            {
                break;
            }

            pos += hit;
            var at = span[pos..];
            for (var k = 0; k < _literals.Length; k++)
            {
                if (!at.StartsWith(_literals[k], StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (var r in _owners[k])
                {
                    if (!on[r])
                    {
                        on[r] = true;
                        left--;
                    }
                }
            }

            pos++;
        }

        return on;
    }
}
