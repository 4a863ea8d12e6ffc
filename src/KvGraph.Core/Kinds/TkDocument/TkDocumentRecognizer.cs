using System.Text.RegularExpressions;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Kinds.TkDocument;

/// <summary>
/// Tweede Kamer document numbers: "2024D12345", also in "Kamerstuk 2024D28457", "kenmerk 2024D45202" and in a
/// footnote URL ("…detail?id=2024D42030&amp;did=2024D42030", cited once per URL).
/// </summary>
internal sealed partial class TkDocumentRecognizer : ICitationRecognizer
{
    public string Name => "tkdocument";

    public IReadOnlyList<string> Triggers { get; } = ["d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9"];

    public IEnumerable<Citation> Find(RecognitionContext context)
    {
        var text = context.Text;
        var urlRunEnd = -1;
        var urlTargets = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in DocumentRx().Matches(text))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var id = string.Concat(m.Value.AsSpan(0, 4), "D", m.Value.AsSpan(5));
            if (CitationParts.InUrl(text, m.Index))
            {
                if (m.Index >= urlRunEnd)
                {
                    urlRunEnd = CitationParts.EndOfRun(text, m.Index);
                    urlTargets.Clear();
                }

                if (!urlTargets.Add(id))
                {
                    continue;
                }
            }

            yield return new Citation(CitationKind.TkDocument, id, null, m.Value, m.Index, m.Index + m.Length, 1.0);
        }
    }

    [GeneratedRegex(@"(?<![\p{L}0-9])(?:19|20)[0-9]{2}[Dd][0-9]{5}(?![0-9\p{L}])", RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex DocumentRx();
}
