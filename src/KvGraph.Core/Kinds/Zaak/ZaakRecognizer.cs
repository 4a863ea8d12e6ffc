using System.Text.RegularExpressions;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Text;
using KvGraph.Core.Kinds.Letter;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Kinds.Zaak;

/// <summary>
/// Zaak numbers: "2021Z02286" anywhere, also "kv-tk-2024Z18893" (the written questions of a zaak) and "(vraagnummer
/// 2024Z18794)". An OCR-damaged number whose Z became a digit ("2019219189") is read only where a zaak is expected
/// (after "kenmerk", "vraagnummer", "zaaknummer"), repaired to 2019Z19189 and marked corrected with a lower
/// confidence: a bare ten-digit number is far more often something else. A kenmerk that belongs to a cited letter
/// ("Kamerbrief … van 27 augustus 2018 (kenmerk 2018715781)") is the letter's reference, not a zaak.
/// </summary>
internal sealed partial class ZaakRecognizer : ICitationRecognizer
{
    /// <summary>Confidence of a zaak number repaired from OCR damage.</summary>
    public const double CorrectedConfidence = 0.85;

    public string Name => "zaak";

    public IReadOnlyList<string> Triggers { get; } =
        ["z0", "z1", "z2", "z3", "z4", "z5", "z6", "z7", "z8", "z9", "kenmerk", "nummer"];

    public IEnumerable<Citation> Find(RecognitionContext context)
    {
        var text = context.Text;
        var urlRunEnd = -1;
        var urlTargets = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in ZaakRx().Matches(text))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var kw = m.Groups["kw"];
            var z = m.Groups["z"];
            if (!Ids.TryReadZaak(z.Value, kw.Success, out var zaak, out var corrected))
            {
                continue;
            }

            if (kw.Success && LetterRecognizer.IsLetterKenmerk(text, kw.Index))
            {
                continue;
            }

            var start = m.Groups["kv"].Success ? m.Groups["kv"].Index : z.Index;
            var end = z.Index + z.Length;
            if (CitationParts.InUrl(text, start))
            {
                // One URL ("…detail?id=…&did=…") cites its document once.
                if (start >= urlRunEnd)
                {
                    urlRunEnd = CitationParts.EndOfRun(text, start);
                    urlTargets.Clear();
                }

                if (!urlTargets.Add(zaak))
                {
                    continue;
                }
            }

            yield return new Citation(CitationKind.Zaak, zaak, null, text[start..end], start, end, corrected ? CorrectedConfidence : 1.0)
            {
                Corrected = corrected,
                OriginalText = corrected ? z.Value : null,
            };
        }
    }

    [GeneratedRegex(
        @"(?:(?<![\p{L}])(?<kw>[Kk]enmerk|[Vv]raag-?[ \u00a0]?nummer|[Zz]aak-?[ \u00a0]?nummer|[Zz]aaknr\.?)[ \u00a0\n]{0,2}:?[ \u00a0\n]{0,2})?" +
        @"(?<![\p{L}0-9])(?<kv>kv-tk-)?(?<fn>[0-9](?=(?:19|20)[0-9]{2}[Zz][0-9]{5}(?![0-9])))?(?<z>(?:19|20)[0-9]{2}[Zz0-9][0-9]{5})(?![0-9\p{L}])",
        RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex ZaakRx();
}
