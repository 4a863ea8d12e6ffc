using System.Buffers;

namespace KvGraph.Core.Text;

/// <summary>
/// <c>text.IndexOf(value, StringComparison.OrdinalIgnoreCase)</c>, the same answer, found faster. With invariant
/// globalization (Directory.Build.props) the runtime's ignore-case IndexOf is a scalar loop over every character
/// (<c>InvariantModeCasing.IndexOfIgnoreCase</c>), and the header's names (askers, parties, offices) are each looked up in
/// the whole text: 1.7% of an <c>extract</c> run's CPU. Here a vectorised search finds the places where the value's first
/// character can match, and the runtime's own ignore-case comparison decides there. Where the value starts with an ASCII
/// letter, an ASCII text character matches it only as its upper or lower case (ASCII ignore-case equality); a non-ASCII
/// text character is always tried, since some fold onto ASCII letters (the long s, the Kelvin sign), so no assumption
/// about the casing tables is made. Other values (empty, another first character, any surrogate) use the runtime's
/// IndexOf as they are.
/// </summary>
internal static class IgnoreCase
{
    // Per ASCII letter: every ASCII character except that letter's two cases, so IndexOfAnyExcept stops at the two cases
    // and at every non-ASCII character.
    private static readonly SearchValues<char>?[] NotFirst = new SearchValues<char>?[128];

    /// <summary>The first index of <paramref name="value"/> in <paramref name="text"/> ignoring case (ordinal), or −1.</summary>
    public static int IndexOf(string text, string value)
    {
        if (value.Length == 0 || !char.IsAsciiLetter(value[0]) || value.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return text.IndexOf(value, StringComparison.OrdinalIgnoreCase);
        }

        var stops = NotFirst[value[0] | 0x20] ??= Stops(value[0]);
        var span = text.AsSpan();
        var last = span.Length - value.Length;
        var i = 0;
        while (i <= last)
        {
            var hit = span[i..].IndexOfAnyExcept(stops);
            if (hit < 0)
            {
                return -1;
            }

            i += hit;
            if (i > last)
            {
                return -1;
            }

            if (span[i..].StartsWith(value, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }

            i++;
        }

        return -1;
    }

    private static SearchValues<char> Stops(char first)
    {
        var lower = char.ToLowerInvariant(first);
        var upper = char.ToUpperInvariant(first);
        var others = new List<char>(126);
        for (var c = (char)0; c < 128; c++)
        {
            if (c != lower && c != upper)
            {
                others.Add(c);
            }
        }

        return SearchValues.Create([.. others]);
    }
}
