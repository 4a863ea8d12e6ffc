using System.Text.RegularExpressions;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Text;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Kinds.Dossier;

/// <summary>
/// A dossier named as such without a number: "dossier 31 015", "dossiernummer 36 600 XVI" → <c>dossier:31015</c>.
/// ("Kamerstuk 36 600 XVI" without a number is found by the Kamerstuk recogniser.) "op dit dossier" has no number.
/// When a number follows ("dossier 21 501-20, nr. 1591") it is a Kamerstuk, not a dossier.
/// </summary>
internal sealed partial class DossierRecognizer : ICitationRecognizer
{
    public string Name => "dossier";

    public IReadOnlyList<string> Triggers { get; } = ["dossier"];

    public IEnumerable<Citation> Find(RecognitionContext context)
    {
        var text = context.Text;
        foreach (Match m in DossierRx().Matches(text))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            if ((m.Index == 0 || !char.IsLetter(text[m.Index - 1])) && Ids.NormalizeDossier(CitationParts.Squash(m.Groups["d"].Value)) is { } dossier)
            {
                yield return new Citation(CitationKind.Dossier, $"dossier:{dossier}", null, m.Value, m.Index, m.Index + m.Length, 1.0);
            }
        }
    }

    [GeneratedRegex(@"[Dd]ossier(?:nummer|nr\.?)?[ \u00a0\n]{1,3}(?:nr\.?[ \u00a0]{0,2})?(?<d>" + Patterns.Dossier + @")(?![ \u00a0\n]{0,2},?[ \u00a0\n]{0,3}nrs?\b)(?![ \u00a0]?-[0-9])", RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex DossierRx();
}
