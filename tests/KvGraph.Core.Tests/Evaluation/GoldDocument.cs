using System.Text.Json;
using System.Text.Json.Serialization;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Evaluation;

/// <summary>One (kind, target) reading that satisfies a gold citation.</summary>
internal sealed record GoldReading
{
    public required string Kind { get; init; }

    public required string Target { get; init; }
}

/// <summary>
/// A citation a demanding reader expects in a document, written by hand from the text (see Gold/README.md).
/// </summary>
internal sealed record GoldCitation
{
    public required string Kind { get; init; }

    public required string Target { get; init; }

    /// <summary>The text as it stands in the file; parts that lie apart (body and footnote) are joined by " … ".</summary>
    public required string Quote { get; init; }

    /// <summary>Neither rewarded nor punished: a citation a reader may or may not expect.</summary>
    public bool Optional { get; init; }

    /// <summary>Other readings that also satisfy this entry (a footnote-linked motion for a footnote Kamerstuk).</summary>
    public IReadOnlyList<GoldReading> Alt { get; init; } = [];

    public string? Note { get; init; }

    /// <summary>The primary reading followed by the alternatives.</summary>
    public IEnumerable<GoldReading> Readings => [new GoldReading { Kind = Kind, Target = Target }, .. Alt];
}

/// <summary>The hand-checked gold for one real document.</summary>
internal sealed record GoldDocument
{
    /// <summary>Path relative to the corpus raw folder, or <c>seeds/…</c> relative to the repository.</summary>
    public required string File { get; init; }

    public string? DocId { get; init; }

    public string? Note { get; init; }

    /// <summary>Annotated before the identity changes and never tuned on (Gold/README.md, "Held-out documents"); reported separately.</summary>
    public bool HeldOut { get; init; }

    public IReadOnlyList<GoldCitation> Citations { get; init; } = [];

    /// <summary>The gold file's own name, for messages.</summary>
    [JsonIgnore]
    public string GoldFile { get; init; } = string.Empty;

    [JsonIgnore]
    public bool IsSeed => File.StartsWith("seeds/", StringComparison.Ordinal);

    /// <summary>Where the document lives on this machine.</summary>
    [JsonIgnore]
    public string SourcePath => IsSeed
        ? Path.Combine([TestPaths.RepoRoot, .. File.Split('/')])
        : TestPaths.Corpus(File.Split('/'));

    /// <summary>The corpus folder the document comes from ("kamervragen-limburg/docs", "seeds", …).</summary>
    [JsonIgnore]
    public string Folder => File.Contains('/', StringComparison.Ordinal) ? File[..File.LastIndexOf('/')] : string.Empty;

    public IEnumerable<GoldCitation> Required => Citations.Where(c => !c.Optional);
}

/// <summary>Loads the gold files that the test project copies next to its assembly.</summary>
internal static class GoldSet
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Evaluation", "Gold");

    /// <summary>Every gold document, ordered by gold file name. A file that does not parse fails loudly with its name.</summary>
    public static IReadOnlyList<GoldDocument> Load()
    {
        if (!Directory.Exists(Folder))
        {
            throw new DirectoryNotFoundException($"Gold folder {Folder} is missing; the test project copies Evaluation/Gold/*.json to its output.");
        }

        var docs = new List<GoldDocument>();
        foreach (var path in Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            GoldDocument? doc;
            try
            {
                doc = JsonSerializer.Deserialize<GoldDocument>(File.ReadAllText(path), Options);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{Path.GetFileName(path)}: not a valid gold file: {e.Message}", e);
            }

            docs.Add((doc ?? throw new InvalidDataException($"{Path.GetFileName(path)}: empty gold file")) with { GoldFile = Path.GetFileName(path) });
        }

        return docs;
    }
}
