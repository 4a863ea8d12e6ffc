using System.Collections.Concurrent;

namespace KvGraph.Core.Text;

/// <summary>
/// Remembers the results of a pure function of a string (the same input always gives the same result, and the result is
/// immutable), so a phrase met again (a minister's name in every answer, an office in every header) is not worked out
/// again. Thread-safe; at most <see cref="Limit"/> inputs are kept, so memory stays bounded on any corpus: past that, new
/// inputs are computed every time. A function that throws is not remembered for that input.
/// </summary>
internal sealed class StringMemo<T>
{
    /// <summary>How many distinct inputs are kept at most.</summary>
    public const int Limit = 65_536;

    private readonly ConcurrentDictionary<string, T> _known = new(StringComparer.Ordinal);
    private readonly Func<string, T> _compute;
    private int _count;

    public StringMemo(Func<string, T> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        _compute = compute;
    }

    /// <summary>The function's result for <paramref name="input"/>, remembered or computed now.</summary>
    public T Get(string input)
    {
        if (_known.TryGetValue(input, out var known))
        {
            return known;
        }

        var result = _compute(input);
        if (Volatile.Read(ref _count) < Limit && _known.TryAdd(input, result))
        {
            Interlocked.Increment(ref _count);
        }

        return result;
    }
}
