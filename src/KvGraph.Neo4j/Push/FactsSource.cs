using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KvGraph.Core.Graph;

namespace KvGraph.Neo4j.Push;

/// <summary>A file that contributes facts, and a version that changes whenever its facts change.</summary>
/// <param name="File">The source file, as <see cref="DocumentFacts.File"/> names it.</param>
/// <param name="Version">Opaque: a store's change counter or a content hash. Equal versions mean equal facts.</param>
public sealed record FactsVersion(string File, string Version)
{
    public string File { get; } = string.IsNullOrWhiteSpace(File) ? throw new ArgumentException("A file name is required.", nameof(File)) : File;

    public string Version { get; } = Version ?? throw new ArgumentNullException(nameof(Version));
}

/// <summary>
/// Where a push reads facts from: the list of files with their versions (cheap), and the facts of the files whose
/// version differs from what the push state says was pushed ("facts changed since push-state X").
/// <see cref="FactsSource.FromStore"/> reads the SQLite store (its per-file change versions and change feed);
/// <see cref="FactsSource.FromFacts"/> wraps facts already in memory.
/// </summary>
public interface IFactsSource
{
    /// <summary>Every file currently in the graph, with its version.</summary>
    IEnumerable<FactsVersion> Versions();

    /// <summary>The facts of the <paramref name="wanted"/> files, streamed in any order; a file that is gone is left out.</summary>
    IEnumerable<DocumentFacts> Load(IReadOnlyCollection<FactsVersion> wanted);
}

/// <summary>Ready-made fact sources.</summary>
public static class FactsSource
{
    /// <summary>Facts held in memory; the version is a hash of each file's facts.</summary>
    public static IFactsSource FromFacts(IEnumerable<DocumentFacts> facts) => new InMemoryFactsSource(facts);

    /// <summary>
    /// The embedded store: a file's version is the store version of the build that last changed its facts, and the
    /// facts of changed files come from the store's change feed (<see cref="KvGraph.Store.IKvStore.FactsChangedSince"/>).
    /// </summary>
    public static IFactsSource FromStore(KvGraph.Store.IKvStore store) => new StoreFactsSource(store ?? throw new ArgumentNullException(nameof(store)));

    private sealed class StoreFactsSource(KvGraph.Store.IKvStore store) : IFactsSource
    {
        public IEnumerable<FactsVersion> Versions() =>
            store.Files()
                .Where(f => string.Equals(f.Status, "ok", StringComparison.OrdinalIgnoreCase))
                .Select(f => new FactsVersion(f.Path, f.Version.ToString(CultureInfo.InvariantCulture)));

        public IEnumerable<DocumentFacts> Load(IReadOnlyCollection<FactsVersion> wanted)
        {
            if (wanted.Count == 0)
            {
                yield break;
            }

            var files = wanted.Select(w => w.File).ToHashSet(StringComparer.Ordinal);
            // Every wanted file changed at its own version or later, so the feed since the oldest one holds them all.
            var since = wanted.Min(w => long.TryParse(w.Version, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0) - 1;
            foreach (var facts in store.FactsChangedSince(Math.Max(0, since)))
            {
                if (files.Remove(facts.File))
                {
                    yield return facts;
                }
            }
        }
    }

    /// <summary>A stable hash of a file's facts (order of nodes and edges included, since keys depend on it).</summary>
    public static string Hash(DocumentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var sb = new StringBuilder();
        sb.Append(facts.File).Append('\n');
        foreach (var id in facts.DocumentIds)
        {
            sb.Append("D ").Append(id).Append('\n');
        }

        foreach (var n in facts.Nodes)
        {
            sb.Append("N ").Append(n.Id).Append('|').Append(n.Label).Append('|').Append(n.Name);
            AppendProps(sb, n.Properties);
        }

        foreach (var e in facts.Edges)
        {
            sb.Append("E ").Append(e.Source).Append('|').Append(e.Target).Append('|').Append(e.Type);
            AppendProps(sb, e.Properties);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..32];
    }

    private static void AppendProps(StringBuilder sb, IReadOnlyDictionary<string, object?> props)
    {
        foreach (var (k, v) in props.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sb.Append('|').Append(k).Append('=').Append(Convert.ToString(v, CultureInfo.InvariantCulture));
        }

        sb.Append('\n');
    }

    private sealed class InMemoryFactsSource : IFactsSource
    {
        private readonly Dictionary<string, DocumentFacts> _byFile = new(StringComparer.Ordinal);
        private readonly List<FactsVersion> _versions = [];

        public InMemoryFactsSource(IEnumerable<DocumentFacts> facts)
        {
            ArgumentNullException.ThrowIfNull(facts);
            foreach (var f in facts)
            {
                if (_byFile.TryAdd(f.File, f))
                {
                    _versions.Add(new FactsVersion(f.File, Hash(f)));
                }
            }
        }

        public IEnumerable<FactsVersion> Versions() => _versions;

        public IEnumerable<DocumentFacts> Load(IReadOnlyCollection<FactsVersion> wanted) =>
            wanted.Select(w => _byFile.GetValueOrDefault(w.File)).OfType<DocumentFacts>();
    }
}
