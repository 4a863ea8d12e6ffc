using System.Text.Json;
using System.Text.Json.Serialization;

namespace KvGraph.Neo4j.Push;

/// <summary>
/// What has been pushed to one Neo4j database: per file, the version pushed and the ids needed to remove its
/// facts later. Saved after every committed batch (write to a temporary file, then rename), so a push that
/// dies half-way continues with the first uncommitted batch.
/// </summary>
public sealed class PushState
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private PushState(string path, string target, Dictionary<string, PushedFile> files)
    {
        Path = path;
        Target = target;
        Files = files;
    }

    /// <summary>The state file.</summary>
    public string Path { get; }

    /// <summary>The database this state describes: URL and database name (never credentials).</summary>
    public string Target { get; }

    /// <summary>Pushed files by name.</summary>
    public Dictionary<string, PushedFile> Files { get; }

    /// <summary>
    /// Loads the state for <paramref name="target"/> from <paramref name="path"/>; a missing file or one written
    /// for another target gives an empty state (everything is pushed; MERGE keeps that idempotent).
    /// </summary>
    public static PushState Load(string path, string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (File.Exists(path))
        {
            try
            {
                var dto = JsonSerializer.Deserialize<StateDto>(File.ReadAllText(path), Json);
                if (dto is not null && dto.Target == target && dto.Files is not null)
                {
                    return new PushState(path, target, new Dictionary<string, PushedFile>(dto.Files, StringComparer.Ordinal));
                }
            }
            catch (JsonException)
            {
                // A damaged state only costs a full (idempotent) push.
            }
        }

        return new PushState(path, target, new Dictionary<string, PushedFile>(StringComparer.Ordinal));
    }

    /// <summary>Forgets everything (the database was emptied or replaced).</summary>
    public void Clear() => Files.Clear();

    /// <summary>Writes the state atomically.</summary>
    public void Save()
    {
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        var tmp = Path + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(new StateDto { Target = Target, Files = Files }, Json));
        File.Move(tmp, Path, overwrite: true);
    }

    /// <summary>The default state file for a store: beside it, named after it.</summary>
    public static string DefaultPathFor(string storePath) => storePath + ".neo4j-push.json";

    private sealed class StateDto
    {
        [JsonPropertyName("target")]
        public string Target { get; set; } = string.Empty;

        [JsonPropertyName("files")]
        public Dictionary<string, PushedFile>? Files { get; set; }
    }
}

/// <summary>One pushed file: its version and the node ids it asserted / edge sources it wrote.</summary>
public sealed class PushedFile
{
    [JsonPropertyName("v")]
    public string Version { get; set; } = string.Empty;

    [JsonPropertyName("n")]
    public List<string> Nodes { get; set; } = [];

    /// <summary>Sources of its relationships that are not among <see cref="Nodes"/>.</summary>
    [JsonPropertyName("s")]
    public List<string> ExtraSources { get; set; } = [];
}
