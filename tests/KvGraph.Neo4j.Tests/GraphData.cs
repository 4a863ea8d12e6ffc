using KvGraph.Core.Entities.People;
using KvGraph.Core.Extraction;
using KvGraph.Core.Graph;
using KvGraph.Core.Model;
using KvGraph.Core.Resolution;
using KvGraph.Ingest;

namespace KvGraph.Neo4j.Tests;

/// <summary>Real documents extracted into facts (what the store pushes) and the embedded graph over the same facts.</summary>
internal sealed class GraphData
{
    /// <summary>
    /// The corpus folders pushed in tests: the question/answer texts, the motions they cite, the open-data motion records
    /// and the Handelingen (the motions' fate); with them the API-shaped record and its later citation in tests/fixtures/motions.
    /// </summary>
    private static readonly string[] CorpusFolders = ["kamervragen-limburg", "learninglion-kamervragen/txt", "moties-toegelicht", "tkmoties-index", "handelingen-xml-2018"];

    private static readonly Lazy<GraphData> SeedsLazy = new(() => Build([Repo.Seeds]));
    private static readonly Lazy<GraphData?> CorpusLazy = new(() => Directory.Exists(Repo.CorpusRaw)
        ? Build([Repo.Seeds, .. CorpusFolders.Select(f => Path.Combine(Repo.CorpusRaw, f)).Where(Directory.Exists), Path.Combine(Repo.Root, "tests", "fixtures", "motions")])
        : null);

    private GraphData(IReadOnlyList<DocumentFacts> facts, ICitationGraph graph)
    {
        Facts = facts;
        Graph = graph;
    }

    /// <summary>Resolved facts per file, as the store's change feed gives them.</summary>
    public IReadOnlyList<DocumentFacts> Facts { get; }

    /// <summary>The embedded (QuikGraph) graph of the same facts.</summary>
    public ICitationGraph Graph { get; }

    public static GraphData Seeds => SeedsLazy.Value;

    /// <summary>Seeds plus the real corpus, or null when the corpus is not beside the clone.</summary>
    public static GraphData? Corpus => CorpusLazy.Value;

    private static GraphData Build(IEnumerable<string> inputs)
    {
        var docs = new List<ExtractedDocument>();
        foreach (var file in FileSource.Enumerate(inputs))
        {
            try
            {
                foreach (var source in FileSource.ReadAll(file))
                {
                    docs.Add(Extractor.Default.Extract(source));
                }
            }
            catch (DocumentFormatException)
            {
                // Unreadable files are the store's report; they simply contribute no facts here.
            }
        }

        var resolver = Resolver.Create(docs.SelectMany(DocumentAliases.For));
        var raw = docs.Select(GraphFacts.Facts).ToList();
        var graph = CitationGraphs.Assemble(raw, resolver);
        var people = PersonDirectory.Of(raw.SelectMany(f => f.Nodes), raw.SelectMany(f => f.Edges));
        var resolved = raw.Select(f => people.Apply(FactsResolver.Resolve(f, resolver))).ToList();
        return new GraphData(resolved, graph);
    }
}
