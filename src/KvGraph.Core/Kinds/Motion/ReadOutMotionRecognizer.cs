using System.Text.RegularExpressions;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;
using KvGraph.Core.Text;

namespace KvGraph.Core.Kinds.Motion;

/// <summary>
/// A motion read out in the Handelingen: the chair says "Deze motie is voorgesteld door de leden Bergkamp, Segers,
/// Hermans en Geluk-Poortvliet. … Zij krijgt nr. 253 (29538)." That is the motion <c>kst-29538-253</c>, with its
/// sponsors: the Handelingen' mention and the motion's own text are one node by this explicit number. The quote is the
/// "Zij krijgt nr. …" sentence; the sponsors come from the chair's sentence before it (at most
/// <see cref="SponsorWindow"/> characters back), when it is there.
/// </summary>
internal sealed partial class ReadOutMotionRecognizer : ICitationRecognizer
{
    /// <summary>How far back the chair's "voorgesteld door" sentence is looked for.</summary>
    private const int SponsorWindow = 400;

    public string Name => "motion-read-out";

    public IReadOnlyList<string> Triggers { get; } = ["krijgt nr"];

    public IEnumerable<Citation> Find(RecognitionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Text;
        foreach (Match m in NumberRx().Matches(text))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            if (Ids.Kamerstuk(m.Groups["dossier"].Value, m.Groups["nr"].Value) is not { } kst)
            {
                continue;
            }

            var from = Math.Max(0, m.Index - SponsorWindow);
            var before = SponsorsRx().Matches(text[from..m.Index]);
            IReadOnlyList<string> sponsors = before.Count == 0 ? [] : CitationParts.SplitSponsors(before[^1].Groups["s"].Value);
            yield return new Citation(CitationKind.Motion, kst, sponsors.Count == 0 ? null : string.Join(", ", sponsors), m.Value, m.Index, m.Index + m.Length, 1.0)
            {
                Sponsors = sponsors,
            };
        }
    }

    [GeneratedRegex(@"Zij\s+krijgt\s+nr\.\s*(?<nr>[0-9]{1,4})\s*\(\s*(?<dossier>[0-9]{2}\s?[0-9]{3}(?:\s*[-\u2013]\s*[0-9A-Z]{1,6}|\s+[IVXL]{1,6}(?![a-z])|\s+[A-Z](?![a-z]))?)\s*\)", RegexOptions.CultureInvariant, Recognition.Patterns.MatchTimeoutMs)]
    private static partial Regex NumberRx();

    [GeneratedRegex(@"voorgesteld\s+door\s+(?:de\s+leden|het\s+lid)\s+(?<s>[^.]{2,200})\.", RegexOptions.CultureInvariant, Recognition.Patterns.MatchTimeoutMs)]
    private static partial Regex SponsorsRx();
}
