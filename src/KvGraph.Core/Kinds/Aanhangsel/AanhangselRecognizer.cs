using System.Globalization;
using System.Text.RegularExpressions;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Text;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Kinds.Aanhangsel;

/// <summary>
/// Aanhangsel van de Handelingen (the published answers): "Aanhangsel Handelingen II 2023/24, nr. 1234",
/// "Aanhangsel van de Handelingen, vergaderjaar 2024–2025, nr. 505", "Tweede Kamer, vergaderjaar 2023–2024,
/// Aanhangsel van de Handelingen, nr. 2386", "Kamervragen (Aanhangsel) 2020–2021, nr. 2345", official ids
/// "ah-tk-20242025-597" and damaged "ah-tk-2017–2018, nr.2509" → <c>ah-tk-&lt;vergaderjaar&gt;-&lt;nr&gt;</c>.
/// A running page footer "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1" (a page number) is not one.
/// </summary>
internal sealed partial class AanhangselRecognizer : ICitationRecognizer
{
    private const string Sep = @"[ \u00a0\n]{0,2},?[ \u00a0\n]{0,2}";
    private const string Vj = @"(?<vj>" + Patterns.Vergaderjaar + ")";
    private const string Number = @"(?<nr>[0-9]{1,5})(?![0-9\p{L}])";

    public string Name => "aanhangsel";

    public IReadOnlyList<string> Triggers { get; } = ["aanhangsel", "ah-tk-"];

    public IEnumerable<Citation> Find(RecognitionContext context)
    {
        var text = context.Text;
        foreach (Match m in AanhangselRx().Matches(text))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            if ((m.Index == 0 || !char.IsLetter(text[m.Index - 1])) && ToId(m) is { } id)
            {
                yield return new Citation(CitationKind.Aanhangsel, id, null, m.Value, m.Index, m.Index + m.Length, 1.0);
            }
        }
    }

    /// <summary>The first Aanhangsel reference in <paramref name="text"/> from <paramref name="start"/>, for the answer recogniser.</summary>
    internal static (string Id, int Start, int End)? FindIn(string text, int start, int length)
    {
        var m = AanhangselRx().Match(text, start, length);
        return m.Success && ToId(m) is { } id ? (id, m.Index, m.Index + m.Length) : null;
    }

    private static string? ToId(Match m)
    {
        var vj = Ids.Vergaderjaar(CitationParts.Squash(m.Groups["vj"].Value));
        return vj is null ? null : Ids.Aanhangsel(vj, int.Parse(m.Groups["nr"].Value, NumberStyles.None, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(
        @"(?:" +
        // Aanhangsel (van de) Handelingen (II)(, vergaderjaar) 2024–2025, nr. 505
        @"Aanhangsel[ \u00a0\n]{0,2}(?:van[ \u00a0\n]{1,2}de[ \u00a0\n]{1,2})?Handelingen(?:[ \u00a0]{0,2}" + Patterns.Chamber + ")?" + Sep + @"(?:verga-?[ \u00a0\n]{0,2}derjaar[ \u00a0\n]{0,2})?" + Vj + Sep + @"(?:nr\.?|nummer)[ \u00a0\n]{0,2}" + Number +
        // vergaderjaar 2023–2024, Aanhangsel van de Handelingen(, nr.) 2386 (after "Tweede Kamer,")
        @"|[Vv]ergaderjaar[ \u00a0\n]{0,2}" + Vj + Sep + @"Aanhangsel[ \u00a0\n]{1,2}van[ \u00a0\n]{1,2}de[ \u00a0\n]{1,2}Handelingen" + Sep + @"(?:nr\.?[ \u00a0\n]{0,2})?" + Number +
        // Handelingen II 2017/18, Aanhangsel nr. 2509
        @"|Handelingen(?:[ \u00a0]{0,2}" + Patterns.Chamber + ")?" + Sep + Vj + Sep + @"Aanhangsel" + Sep + @"(?:nr\.?[ \u00a0\n]{0,2})" + Number +
        // Kamervragen (Aanhangsel) 2020–2021, nr. 2345
        @"|Kamervragen[ \u00a0]{0,2}\(Aanhang-?\n?sel\)" + Sep + Vj + Sep + @"(?:nr\.?[ \u00a0\n]{0,2})" + Number +
        // ah-tk-20242025-597, ah-tk-20202021–2345, ah-tk-2017–2018, nr.2509
        @"|ah-tk-" + Vj + @"[ \u00a0]{0,2}(?:[-\u2013]|,[ \u00a0]{0,2}nr\.?)[ \u00a0]{0,2}" + Number +
        ")",
        RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex AanhangselRx();
}
