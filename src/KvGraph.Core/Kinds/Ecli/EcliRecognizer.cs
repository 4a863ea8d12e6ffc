using System.Text.RegularExpressions;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Kinds.Ecli;

/// <summary>
/// Court decisions by ECLI: "ECLI:NL:HR:2024:123" as is, upper case, trailing punctuation left out; also when PDF
/// extraction broke it over a line ("ECLI:NL-\n:RBDHA:2023:2055" → ECLI:NL:RBDHA:2023:2055).
/// </summary>
internal sealed partial class EcliRecognizer : ICitationRecognizer
{
    public string Name => "ecli";

    public IReadOnlyList<string> Triggers { get; } = ["ecli"];

    public IEnumerable<Citation> Find(RecognitionContext context)
    {
        foreach (Match m in EcliRx().Matches(context.Text))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var id = string.Join(':', "ECLI", m.Groups["c"].Value, m.Groups["court"].Value, m.Groups["y"].Value, m.Groups["n"].Value).ToUpperInvariant();
            yield return new Citation(CitationKind.Ecli, id, null, m.Value, m.Index, m.Index + m.Length, 1.0);
        }
    }

    [GeneratedRegex(
        @"(?<![\p{L}])[Ee][Cc][Ll][Ii][ \u00a0\n]{0,2}[:\-][ \u00a0\n]{0,2}(?<c>[A-Za-z]{2})[ \u00a0\n:\-]{1,4}(?<court>[A-Za-z][A-Za-z0-9]{0,6})[ \u00a0\n]{0,2}:[ \u00a0\n]{0,2}(?<y>(?:19|20)[0-9]{2})[ \u00a0\n]{0,2}:[ \u00a0\n]{0,2}(?<n>[A-Za-z0-9]{1,25}(?:\.[A-Za-z0-9]{1,25}){0,3})",
        RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex EcliRx();
}
