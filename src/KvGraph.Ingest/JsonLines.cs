using System.Text.Json;
using KvGraph.Core.Extraction;

namespace KvGraph.Ingest;

/// <summary>
/// A JSON Lines file of Tweede Kamer motion records (Zaak of soort Motie: Nummer, Onderwerp, GestartOp, ZaakActor):
/// each record becomes one source document holding the record's JSON (named <c>file#line</c>), which the core's
/// motion-record reader reads. A line that is not a JSON object is a <see cref="FileProblem"/> with its 1-based line
/// number and the reason; the other records are returned. Only a file with no valid record at all fails as a whole.
/// </summary>
internal static class JsonLines
{
    public static FileContent Split(string path, byte[] bytes)
    {
        var decoded = TextDecoder.Decode(bytes) ?? throw new DocumentFormatException(path, "binary file: not JSON Lines");
        var docs = new List<SourceDocument>();
        var problems = new List<FileProblem>();
        var lineNo = 0;
        foreach (var line in decoded.Text.Split('\n'))
        {
            lineNo++;
            var l = line.Trim();
            if (l.Length == 0)
            {
                continue;
            }

            if (Problem(l) is { } reason)
            {
                problems.Add(new FileProblem($"{path}#{lineNo}", lineNo, $"line {lineNo}: {reason}"));
                continue;
            }

            docs.Add(new SourceDocument($"{path}#{lineNo}", l, "jsonl-record"));
        }

        if (docs.Count == 0)
        {
            throw new DocumentFormatException(path, problems.Count == 0
                ? "the JSON Lines file holds no records"
                : $"the JSON Lines file holds no valid record ({problems.Count} bad line(s); first: {problems[0].Reason})");
        }

        return new FileContent(path, docs, problems, FileSource.NulWarning(decoded));
    }

    /// <summary>Why a line is not a record, or null when it is one.</summary>
    private static string? Problem(string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            return json.RootElement.ValueKind == JsonValueKind.Object
                ? null
                : $"a JSON Lines record must be a JSON object, not {json.RootElement.ValueKind.ToString().ToLowerInvariant()}";
        }
        catch (JsonException e)
        {
            // The parser sees one line, so its "LineNumber: 0" says nothing; the column (byte in the line) does.
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            message = (cut >= 0 ? message[..cut] : message).TrimEnd('.', ' ');
            return e.BytePositionInLine is { } column
                ? $"not valid JSON at byte {column + 1} of the line ({message})"
                : $"not valid JSON ({message})";
        }
    }
}
