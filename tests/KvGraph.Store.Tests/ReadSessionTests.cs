using KvGraph.Core.Graph;
using KvGraph.Pipeline;
using KvGraph.TestSupport;

namespace KvGraph.Store.Tests;

/// <summary>
/// A read session (<see cref="IKvStore.BeginRead"/>) sees one committed build. The explorer's concurrency test found a
/// related list answered with HTTP 500: its candidates were read from one build and their nodes from the next, which had
/// dropped one of them. Here a build removes a file on another connection while a reader is in a session. Every answer the
/// reader gives in the session is still the old build's, and the next read after the session sees the new one. The same
/// reader without a session sees the removal at once, which shows what the session changes.
/// </summary>
public sealed class ReadSessionTests
{
    [SkippableFact]
    public void A_build_committing_during_a_read_session_is_seen_only_after_it()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the real corpus is not at {TestPaths.CorpusRaw} (set KVGRAPH_CORPUS)");
        var files = StoreFixtures.CorpusQuestions().Take(30).Concat(StoreFixtures.CorpusMotions().Take(40)).ToList();
        var (dir, input) = StoreFixtures.CopyToInput("kvgraph-read-session", files);
        try
        {
            var path = Path.Combine(dir, "store.db");
            using var writer = KvStore.Open(path);
            Assert.Empty(BuildPipeline.Run(writer, [input]).Failures);

            using var reader = KvStore.OpenReadOnly(path);
            var before = reader.LoadGraph();
            var documents = GraphEquality.Documents(before);

            // A question file whose document has related documents: removing it changes other documents' answers too.
            var leaving = files.Where(f => f.Contains("kamervragen", StringComparison.Ordinal))
                .Select(f => (File: f, Ids: StoreFixtures.Record(f).Documents.Select(d => d.Document.Doc.Id).ToList()))
                .First(f => f.Ids.Any(id => before.Related(id, 10).Count > 0));
            var version = reader.CurrentVersion;

            using (reader.BeginRead())
            {
                Assert.Equal(version, reader.CurrentVersion);
                File.Delete(Path.Combine(input, Path.GetFileName(leaving.File)));
                Assert.Empty(BuildPipeline.Run(writer, [input], new BuildOptions { Prune = true }).Failures);
                Assert.True(writer.CurrentVersion > version, "the build removing a file should make a new version");

                // A session opened inside this one changes nothing, and ending it does not end this one.
                using (reader.BeginRead())
                {
                    Assert.Equal(version, reader.CurrentVersion);
                }

                Assert.Equal(version, reader.CurrentVersion);
                var graph = reader.Graph();
                Assert.All(leaving.Ids, id => Assert.NotNull(reader.GetDocument(id)));
                var problems = GraphEquality.NodesAndEdges(before, graph, before.Nodes.Select(n => n.Id));
                problems.AddRange(GraphEquality.Traces(before, graph, documents, depth: 3));
                problems.AddRange(GraphEquality.Related(before, graph, documents));
                Assert.True(problems.Count == 0, GraphEquality.Report(problems));
            }

            // Without a session every read sees the latest build: the removed documents are gone.
            Assert.Equal(writer.CurrentVersion, reader.CurrentVersion);
            Assert.All(leaving.Ids, id => Assert.Null(reader.GetDocument(id)));
            var after = reader.Graph();
            Assert.All(leaving.Ids, id => Assert.True(after.Find(id) is null or { Label: NodeLabel.Placeholder }, $"{id} should be gone or a placeholder"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
