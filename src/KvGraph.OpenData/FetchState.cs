using System.Text.Json;
using System.Text.Json.Serialization;

namespace KvGraph.OpenData;

/// <summary>
/// What <c>fetch</c> remembers in <c>&lt;out&gt;/fetch-state.json</c>, written atomically after every page: the walk in
/// progress (the next link to GET, the latest change seen so far in this walk) and the high-water mark of the last
/// completed walk, from which the next run asks only for what changed since.
/// </summary>
public sealed record FetchState
{
    /// <summary>The file name inside the output folder.</summary>
    public const string FileName = "fetch-state.json";

    /// <summary>The service root these records came from; a state is never continued against another.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The next page of the walk in progress; null when no walk is in progress.</summary>
    public Uri? NextLink { get; init; }

    /// <summary>What the walk in progress asked for: records changed after this moment (null: all records).</summary>
    public DateTimeOffset? WalkSince { get; init; }

    /// <summary>Pages completed in the walk in progress.</summary>
    public int WalkPages { get; init; }

    /// <summary>The latest GewijzigdOp (of a Zaak, Besluit or Stemming) seen in the walk in progress.</summary>
    public DateTimeOffset? WalkLatest { get; init; }

    /// <summary>The high-water mark: the latest change seen by the last completed walk; null before the first one.</summary>
    public DateTimeOffset? Mark { get; init; }

    /// <summary>When the last walk completed.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>True while a walk is in progress (a run was stopped or killed, or hit --max-pages).</summary>
    [JsonIgnore]
    public bool InProgress => NextLink is not null;

    /// <summary>The state in <paramref name="folder"/>, or null when there is none.</summary>
    public static FetchState? Load(string folder)
    {
        var path = PathIn(folder);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), FetchStateJsonContext.Default.FetchState)
                ?? throw new OpenDataException($"{path} is empty; delete it to fetch everything again");
        }
        catch (JsonException e)
        {
            throw new OpenDataException($"{path} is not a fetch state ({e.Message}); delete it to fetch everything again", e);
        }
    }

    /// <summary>Writes the state atomically (temporary file, flushed, then renamed over the old one).</summary>
    public void Save(string folder) => AtomicFile.Write(PathIn(folder), JsonSerializer.SerializeToUtf8Bytes(this, FetchStateJsonContext.Default.FetchState));

    /// <summary>The state file in <paramref name="folder"/>.</summary>
    public static string PathIn(string folder) => Path.Combine(folder, FileName);
}

/// <summary>
/// Compile-time JSON metadata for <see cref="FetchState"/>'s file (indented, camelCase, nulls left out: the options the
/// file has always been written with), so it reads and writes without reflection, in a native (AOT) kvgraph too.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FetchState))]
internal sealed partial class FetchStateJsonContext : JsonSerializerContext;
