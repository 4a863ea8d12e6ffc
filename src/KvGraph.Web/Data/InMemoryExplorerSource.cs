using KvGraph.Core.Graph;
using KvGraph.Core.Model;

namespace KvGraph.Web.Data;

/// <summary>
/// An <see cref="IExplorerSource"/> over documents held in memory, with a plain substring search. Meant for
/// small sets (tests, fixtures); the embedded store's full-text index is what scales.
/// </summary>
public sealed class InMemoryExplorerSource : IExplorerSource
{
    private readonly Dictionary<string, ExtractedDocument> byId = new(StringComparer.Ordinal);
    private readonly List<ExtractedDocument> ordered;

    public InMemoryExplorerSource(IEnumerable<ExtractedDocument> documents, ICitationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(documents);
        Graph = graph ?? throw new ArgumentNullException(nameof(graph));
        ordered = [.. documents];
        foreach (var doc in ordered)
        {
            byId[doc.Doc.Id] = doc;

            // An openkamer page is both the question and the answer: reach it by its paired id too.
            if (doc.Doc.PairedId is { Length: > 0 } paired)
            {
                byId.TryAdd(paired, doc);
            }
        }
    }

    public ICitationGraph Graph { get; }

    public ExtractedDocument? GetDocument(string id) => byId.GetValueOrDefault(id);

    public SourceSearchResult Search(string query, DocumentFilter filter, int offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        if (string.IsNullOrWhiteSpace(query))
        {
            var listed = filter.Documents(Graph);
            return new SourceSearchResult([.. listed.Skip(offset).Take(limit).Select(n => n.Id)], listed.Count);
        }

        var terms = query.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var hits = new List<(ExtractedDocument Doc, int Score, string Snippet)>();
        foreach (var doc in ordered)
        {
            var score = 0;
            string? snippet = null;
            foreach (var term in terms)
            {
                if (doc.Doc.Id.Contains(term, StringComparison.OrdinalIgnoreCase) || doc.Doc.OwnIds.Any(o => o.Contains(term, StringComparison.OrdinalIgnoreCase)))
                {
                    score += 10;
                }
                else if (doc.Doc.Title?.Contains(term, StringComparison.OrdinalIgnoreCase) == true)
                {
                    score += 5;
                }
                else if (doc.Text.IndexOf(term, StringComparison.OrdinalIgnoreCase) is var at and >= 0)
                {
                    score += 1;
                    snippet ??= Snippet(doc.Text, at, term.Length);
                }
                else
                {
                    score = 0;
                    break;
                }
            }

            if (score > 0 && (filter.IsEmpty || (Graph.Find(doc.Doc.Id) is { } node && filter.Matches(Graph, node))))
            {
                hits.Add((doc, score, snippet ?? string.Empty));
            }
        }

        var page = hits.OrderByDescending(h => h.Score).ThenBy(h => h.Doc.Doc.Id, StringComparer.Ordinal).Skip(offset).Take(limit).ToList();
        return new SourceSearchResult(
            [.. page.Select(h => h.Doc.Doc.Id)],
            hits.Count,
            page.Where(h => h.Snippet.Length > 0).ToDictionary(h => h.Doc.Doc.Id, h => h.Snippet, StringComparer.Ordinal));
    }

    private static string Snippet(string text, int at, int length)
    {
        var start = Math.Max(0, at - 60);
        var end = Math.Min(text.Length, at + length + 60);
        return (start > 0 ? "…" : string.Empty) + text[start..end].ReplaceLineEndings(" ") + (end < text.Length ? "…" : string.Empty);
    }
}
