using System.Reflection;
using System.Text.RegularExpressions;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Tests.Recognition;

/// <summary>
/// A pattern runs without a match timeout (<see cref="Patterns.NoTimeout"/>) only when it is proved linear: every
/// quantifier bounded, so one attempt at one position reads a bounded number of characters and a scan is linear in the
/// text; or, for an unbounded one, a written argument at its declaration and a linearity test. These tests read every
/// source-generated pattern of KvGraph.Core and hold each one without a timeout to that.
/// </summary>
public sealed class BoundedPatternsSpec
{
    // Unbounded and without a timeout, each for a reason given at its declaration: the date pattern (anchored at candidate
    // word starts; LinearityTests "dates" and the blank-run cases). The others were declared without a timeout before the
    // rule above (they run on short parts: a citation's captured groups, a name, a header line, an id); listed so that
    // no further one slips in unnoticed.
    private static readonly HashSet<string> Argued =
    [
        "DateRecognizer.DateRx",
        "PersonIdentity.InitialsRx", "PersonIdentity.RoepnaamRx",
        "CitationIdentity.AnaphorRx", "CitationIdentity.GapRx", "CitationIdentity.GroupGapRx", "CitationIdentity.GroupRx", "CitationIdentity.NoteLineRx",
        "CitationParts.NumberOrRangeRx", "CitationParts.SeparatorRx",
        "Senders.MinistryRx", "Senders.NamedRx",
        "DutchDates.DayMonthYear", "DutchDates.WhiteSpace",
        "Ids.DossierRx", "Ids.VergaderjaarRx",
    ];

    /// <summary>The first unbounded quantifier of <paramref name="pattern"/> (its index), or −1 when all are bounded.</summary>
    internal static int Unbounded(string pattern)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    // An escape: \*, \+, \{ are literals; \p{L}, \k<name> carry no quantifier.
                    i++;
                    if (i < pattern.Length && pattern[i] is 'p' or 'P' && i + 1 < pattern.Length && pattern[i + 1] == '{')
                    {
                        i = pattern.IndexOf('}', i);
                    }

                    break;
                case '[':
                    // A character class: '*', '+' and '{' in it are literals. ']' right after '[' or '[^' is a literal too.
                    i++;
                    if (i < pattern.Length && pattern[i] == '^')
                    {
                        i++;
                    }

                    if (i < pattern.Length && pattern[i] == ']')
                    {
                        i++;
                    }

                    while (i < pattern.Length && pattern[i] != ']')
                    {
                        i += pattern[i] == '\\' ? 2 : 1;
                    }

                    break;
                case '*' or '+':
                    return i;
                case '{':
                    var close = pattern.IndexOf('}', i);
                    if (close > i && pattern[(i + 1)..close].EndsWith(',') && pattern[(i + 1)..(close - 1)].All(char.IsAsciiDigit))
                    {
                        return i;
                    }

                    break;
            }
        }

        return -1;
    }

    [Theory]
    // bounded repetitions of every form
    [InlineData(@"[0-9]{1,5}(?:nrs?\.?)?[ \u00a0]{0,2}", -1)]
    // '*', '+' and '{' inside a class or escaped are literals
    [InlineData(@"[*+{]\*\+\{a,\}", -1)]
    // a class starting with ']' and one with an escaped ']'
    [InlineData(@"[]a][\]*]x", -1)]
    // Unicode categories and a named backreference
    [InlineData(@"\p{Lu}(?<s>[-/])\k<s>", -1)]
    // a star after a group
    [InlineData(@"(?:ab)*", 6)]
    // a plus after a class
    [InlineData(@"x[a-z]+", 6)]
    // a lazy plus is still unbounded
    [InlineData(@"a+?", 1)]
    // an open-ended count
    [InlineData(@"a{3,}", 1)]
    // an unbounded repetition inside a lookahead counts too
    [InlineData(@"(?!Kamer\p{L}*)x", 13)]
    public void Finds_the_first_unbounded_quantifier(string pattern, int index) => Assert.Equal(index, Unbounded(pattern));

    public static TheoryData<string> UntimedPatterns()
    {
        var data = new TheoryData<string>();
        foreach (var (name, regex) in Generated())
        {
            if (regex.MatchTimeout == Regex.InfiniteMatchTimeout)
            {
                data.Add(name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(UntimedPatterns))]
    public void A_pattern_without_a_timeout_is_bounded_or_argued(string name)
    {
        var regex = Generated().Single(g => g.Name == name).Regex;
        var at = Unbounded(regex.ToString());
        Assert.True(at < 0 || Argued.Contains(name), $"{name} has no match timeout but an unbounded quantifier at {at}: {regex}");
    }

    [Fact]
    public void The_hot_citation_patterns_run_without_a_timeout()
    {
        // The whole-text scans of the citation recognisers, where the clock cost most (perf, extract of the Q/A texts).
        var names = Generated().Where(g => g.Regex.MatchTimeout == Regex.InfiniteMatchTimeout).Select(g => g.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "KamerstukRecognizer.KamerstukRx", "ZaakRecognizer.ZaakRx", "HandelingenRecognizer.HandelingenRx", "KamerstukRecognizer.EersteKamerRx", "LetterRecognizer.LetterRx" }, names);
    }

    // Every [GeneratedRegex] method of KvGraph.Core, as "Type.Method".
    private static IEnumerable<(string Name, Regex Regex)> Generated() =>
        from t in typeof(Patterns).Assembly.GetTypes()
        from m in t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
        where m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && m.GetCustomAttribute<GeneratedRegexAttribute>() is not null
        select ($"{t.Name}.{m.Name}", (Regex)m.Invoke(null, null)!);
}
