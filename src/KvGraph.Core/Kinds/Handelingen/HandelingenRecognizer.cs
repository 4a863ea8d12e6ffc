using System.Globalization;
using System.Text.RegularExpressions;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Text;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Kinds.Handelingen;

/// <summary>
/// Handelingen (the plenary record): "Handelingen II 2023/24, nr. 45, item 12" → <c>h-tk-20232024-45-12</c>,
/// "Handelingen II, vergaderjaar 2019–2020, nr. 30", official ids "h-tk-20232024-45-12". "Aanhangsel (van de)
/// Handelingen" is the Aanhangsel recogniser's, and "Handelingen" without a number cites nothing findable.
/// </summary>
internal sealed partial class HandelingenRecognizer : ICitationRecognizer
{
    private const string Sep = @"[ \u00a0\n]{0,2},?[ \u00a0\n]{0,2}";

    public string Name => "handelingen";

    public IReadOnlyList<string> Triggers { get; } = ["handelingen", "h-tk-"];

    public IEnumerable<Citation> Find(RecognitionContext context)
    {
        var text = context.Text;
        foreach (Match m in HandelingenRx().Matches(text))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            if (m.Index > 0 && char.IsLetter(text[m.Index - 1]))
            {
                continue; // "ah-tk-…" holds "h-tk-"
            }

            var vj = Ids.Vergaderjaar(CitationParts.Squash(m.Groups["vj"].Value));
            if (vj is null)
            {
                continue;
            }

            var nr = int.Parse(m.Groups["nr"].Value, NumberStyles.None, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
            var item = m.Groups["item"].Success ? int.Parse(m.Groups["item"].Value, NumberStyles.None, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) : null;
            yield return new Citation(CitationKind.Handelingen, Ids.Handelingen(vj, nr, item), null, m.Value, m.Index, m.Index + m.Length, 1.0);
        }
    }

    [GeneratedRegex(
        @"(?:(?<!Aanhangsel[ \u00a0\n]{0,3}(?:van[ \u00a0\n]{1,2}de[ \u00a0\n]{1,2})?)Handelingen(?:[ \u00a0]{0,2}" + Patterns.Chamber + ")?" + Sep +
        @"(?:vergaderjaar[ \u00a0\n]{0,2})?(?<vj>" + Patterns.Vergaderjaar + ")" + Sep + @"(?:nr\.?|nummer)[ \u00a0\n]{0,2}(?<nr>[0-9]{1,4})(?![0-9\p{L}])(?!" + Sep + "Aanhangsel)" +
        @"(?:" + Sep + @"item[ \u00a0\n]{0,2}(?<item>[0-9]{1,3})(?![0-9]))?" +
        @"|h-tk-(?<vj>(?:19|20)[0-9]{2}(?:19|20)[0-9]{2})-(?<nr>[0-9]{1,4})(?:-(?<item>[0-9]{1,3}))?(?![0-9]))",
        RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex HandelingenRx();
}
