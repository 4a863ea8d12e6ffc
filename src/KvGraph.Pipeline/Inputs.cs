using KvGraph.Ingest;

namespace KvGraph.Pipeline;

/// <summary>
/// A build's input set (<see cref="BuildPipeline.Find"/>): every document file under the given files and folders, by
/// full path, each once; what could not be walked; what was passed over on purpose; and input folders that hold no
/// document file at all.
/// </summary>
public sealed class BuildInputs
{
    private BuildInputs(FolderWalk walk, IReadOnlyList<FileFailure> problems, IReadOnlyList<FileFailure> warnings, IReadOnlyList<FileFailure> skipped)
    {
        Walk = walk;
        Problems = problems;
        Warnings = warnings;
        Skipped = skipped;
    }

    /// <summary>The document files, by full path, each once, in walk order.</summary>
    public IReadOnlyList<string> Files => Walk.Files;

    /// <summary>Inputs and folders that could not be walked (missing, unreadable, a link loop), each a failure under its own path.</summary>
    public IReadOnlyList<FileFailure> Problems { get; }

    /// <summary>A folder reached twice by links; an input folder without a single document file ("no documents found in this folder").</summary>
    public IReadOnlyList<FileFailure> Warnings { get; }

    /// <summary>Files and folders passed over on purpose, each with why (<see cref="FileSource.SkipReason"/>).</summary>
    public IReadOnlyList<FileFailure> Skipped { get; }

    internal FolderWalk Walk { get; }

    /// <summary>Walks the inputs (<see cref="FileSource.Walk"/>); the walk never stops at a problem.</summary>
    public static BuildInputs Find(IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var walk = FileSource.Walk(inputs);
        var warnings = walk.Notes.Select(n => new FileFailure(n.Location, n.Reason)).ToList();

        // An input folder without a document file is almost always the wrong folder: say so by name, with what was skipped there.
        foreach (var folder in inputs.Select(Path.GetFullPath).Select(Path.TrimEndingDirectorySeparator).Distinct(StringComparer.Ordinal).Where(Directory.Exists))
        {
            var under = folder + Path.DirectorySeparatorChar;
            if (!walk.Files.Any(f => f.StartsWith(under, StringComparison.Ordinal)) && !walk.Problems.Any(p => p.Location == folder) && !walk.Notes.Any(n => n.Location == folder))
            {
                var skipped = walk.Skipped.Count(s => s.Location.StartsWith(under, StringComparison.Ordinal));
                warnings.Add(new FileFailure(folder, skipped == 0
                    ? "no documents found in this folder (it holds no files)"
                    : $"no documents found in this folder ({skipped} file(s) or folder(s) in it skipped: hidden, or corpus description files)"));
            }
        }

        return new BuildInputs(
            walk,
            [.. walk.Problems.Select(p => new FileFailure(p.Location, p.Reason))],
            warnings,
            [.. walk.Skipped.Select(s => new FileFailure(s.Location, s.Reason))]);
    }
}
