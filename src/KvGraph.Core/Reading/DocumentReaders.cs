using KvGraph.Core.Extraction;

namespace KvGraph.Core.Reading;

/// <summary>The ordered list of format readers. The reader with the highest detection score reads the file.</summary>
public static class DocumentReaders
{
    /// <summary>All built-in readers; the plain-text fallback is last.</summary>
    public static IReadOnlyList<IDocumentReader> Default { get; } =
    [
        new OpenKamerReader(),
        new OcrLetterReader(),
        new AanhangselReader(),
        new DocxKamervraagReader(),
        new MotionReader(),
        new MotionRecordReader(),
        new HandelingenXmlReader(),
        new LetterReader(),
        new PlainTextReader(),
    ];
}
