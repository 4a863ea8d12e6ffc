using System.Text.Json;
using KvGraph.Core.Extraction;

namespace KvGraph.Ingest;

/// <summary>
/// A JSON Lines file of Tweede Kamer motion records (Zaak of soort Motie: Nummer, Onderwerp, GestartOp, ZaakActor):
/// each record becomes one source document holding the record's JSON, which the core's motion-record reader reads.
/// A line that is not a JSON object is reported with its line number.
/// </summary>
internal static class JsonLines
{
    public static IReadOnlyList<SourceDocument> Split(string path, byte[] bytes)
    {
        var (text, _) = TextDecoder.Decode(bytes);
        if (text is null)
        {
            throw new DocumentFormatException(path, "binary file: not JSON Lines");
        }

        var docs = new List<SourceDocument>();
        var lineNo = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNo++;
            var l = line.Trim();
            if (l.Length == 0)
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(l);
                if (json.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new DocumentFormatException($"{path}#{lineNo}", "a JSON Lines record must be an object");
                }
            }
            catch (JsonException e)
            {
                throw new DocumentFormatException($"{path}#{lineNo}", $"not valid JSON ({e.Message})", e);
            }

            docs.Add(new SourceDocument($"{path}#{lineNo}", l, "jsonl-record"));
        }

        if (docs.Count == 0)
        {
            throw new DocumentFormatException(path, "the JSON Lines file holds no records");
        }

        return docs;
    }
}
