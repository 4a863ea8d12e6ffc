using KvGraph.Core.Graph;
using KvGraph.Store.Sqlite;

namespace KvGraph.Store.Tests;

/// <summary>
/// The corpus's persons case that the person-resolution tests change file by file: the first short form and its
/// double-named person (Van den Nieuwenhuijzen → Van den Nieuwenhuijzen-Wittens), the first surname several people share
/// (Van Dijk), a few files that mention the short form, the files that assert the double-named person and a dozen files
/// that mention the surname; copied into a temp <c>input</c> folder (the corpus's PDFs come with their text beside them).
/// </summary>
internal sealed class PersonsCase
{
    private PersonsCase(string shortId, GraphNode full, string surname, List<DocumentFacts> citers, List<DocumentFacts> doubles,
        List<DocumentFacts> namesakes, string dir, string input, List<string> sources, HashSet<string> copied)
    {
        (ShortId, Full, Surname, Citers, Doubles, Namesakes, Dir, Input) = (shortId, full, surname, citers, doubles, namesakes, dir, input);
        (Sources, Copied) = (sources, copied);
    }

    public string ShortId { get; }

    /// <summary>The double-named person the short form reaches.</summary>
    public GraphNode Full { get; }

    public string Surname { get; }

    public IReadOnlyList<DocumentFacts> Citers { get; }

    public IReadOnlyList<DocumentFacts> Doubles { get; }

    public IReadOnlyList<DocumentFacts> Namesakes { get; }

    /// <summary>The corpus files the case copied, by their corpus paths.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>Their copies in <see cref="Input"/>.</summary>
    public IReadOnlySet<string> Copied { get; }

    /// <summary>The temp folder (the caller deletes it).</summary>
    public string Dir { get; }

    /// <summary>The <c>input</c> folder inside <see cref="Dir"/> holding the copies.</summary>
    public string Input { get; }

    /// <summary>Picks the case from the corpus store and copies its files into a new temp folder named after <paramref name="name"/>.</summary>
    public static PersonsCase Pick(SqliteKvStore source, string name)
    {
        var whole = source.LoadPersonDirectory();
        var files = source.LoadRawFacts(null).ToList();
        var (shortId, full) = whole.ShortForms.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value)).First();
        var surname = whole.Namesakes.Keys.Order(StringComparer.Ordinal).First();
        bool Names(DocumentFacts f, string id) => f.Nodes.Any(n => n.Id == id) || f.Edges.Any(e => e.Source == id || e.Target == id);
        var citers = files.Where(f => Names(f, shortId)).Take(3).ToList();
        var doubles = files.Where(f => Names(f, full.Id)).ToList();
        var namesakes = files.Where(f => Names(f, surname)).Take(12).ToList();
        var all = citers.Concat(doubles).Concat(namesakes).Select(f => f.File)
            .Where(f => File.Exists(f) && !f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            .DistinctBy(Path.GetFileName, StringComparer.Ordinal).ToList();
        var (dir, input) = StoreFixtures.CopyToInput(name, all);
        var copied = all.Select(f => Path.Combine(input, Path.GetFileName(f))).ToHashSet(StringComparer.Ordinal);
        return new PersonsCase(shortId, full, surname, citers, doubles, namesakes, dir, input, all, copied);
    }

    /// <summary>The copies in <see cref="Input"/> of the given files' sources, each once.</summary>
    public List<string> Copies(IEnumerable<DocumentFacts> facts) =>
        [.. facts.Select(f => Path.Combine(Input, Path.GetFileName(f.File))).Where(Copied.Contains).Distinct(StringComparer.Ordinal)];
}
