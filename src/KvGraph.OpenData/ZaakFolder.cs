using System.Text.RegularExpressions;

namespace KvGraph.OpenData;

/// <summary>
/// <c>&lt;out&gt;/zaak/&lt;Nummer&gt;.json</c>: one file per Zaak, holding the entity exactly as the API returned it. A file is
/// written only when its bytes change, and always atomically.
/// </summary>
internal sealed partial class ZaakFolder
{
    public ZaakFolder(string outputFolder)
    {
        Path = System.IO.Path.Combine(outputFolder, "zaak");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>True for a Nummer that is safe as a file name (letters, digits, '-' and '_'; a server can never name a path).</summary>
    public static bool IsUsableNummer(string? nummer) => nummer is { Length: > 0 and <= 64 } && SafeRx().IsMatch(nummer);

    public string FileFor(string nummer) => System.IO.Path.Combine(Path, nummer + ".json");

    /// <summary>Writes the record; returns whether it was new, changed or already there byte for byte.</summary>
    public Change Put(string nummer, ReadOnlySpan<byte> json)
    {
        var file = FileFor(nummer);
        if (File.Exists(file))
        {
            if (json.SequenceEqual(File.ReadAllBytes(file)))
            {
                return Change.Unchanged;
            }

            AtomicFile.Write(file, json);
            return Change.Updated;
        }

        AtomicFile.Write(file, json);
        return Change.Written;
    }

    /// <summary>Removes the record's file; true when there was one.</summary>
    public bool Delete(string nummer)
    {
        var file = FileFor(nummer);
        if (!File.Exists(file))
        {
            return false;
        }

        File.Delete(file);
        return true;
    }

    public enum Change
    {
        Written,
        Updated,
        Unchanged,
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex SafeRx();
}
