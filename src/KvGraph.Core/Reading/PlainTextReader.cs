using KvGraph.Core.Extraction;
using KvGraph.Core.Model;

namespace KvGraph.Core.Reading;

/// <summary>
/// The fallback reader: any non-empty text that no specific reader claims. It keeps the text as is, so
/// recognisers still find citations in letters and notes of unknown layout.
/// </summary>
internal sealed class PlainTextReader : IDocumentReader
{
    public string Format => "text";

    // Just above zero, so every specific reader that recognises its layout wins.
    public double Detect(SourceDocument source) => string.IsNullOrWhiteSpace(source.Text) ? 0 : 0.01;

    public ReadDocument Read(SourceDocument source)
    {
        if (string.IsNullOrWhiteSpace(source.Text))
        {
            throw new DocumentFormatException(source.File, "the file is empty or holds no text");
        }

        var name = Path.GetFileNameWithoutExtension(source.File);
        return new ReadDocument
        {
            Format = Format,
            Text = source.Text.Replace("\r\n", "\n", StringComparison.Ordinal),
            Doc = new DocumentInfo { Kind = DocumentKind.Unknown, Id = $"file:{name}" },
        };
    }
}
