using KvGraph.Core.Model;

namespace KvGraph.Core.Extraction;

/// <summary>A document's text as it came in, before cleaning. Reading bytes from disk or PDF is the caller's job.</summary>
/// <param name="File">File name or path, used in errors and as a fallback id.</param>
/// <param name="Text">The raw text.</param>
/// <param name="FormatHint">Optional hint from the caller ("pdf" when the text came out of a PDF).</param>
public sealed record SourceDocument(string File, string Text, string? FormatHint = null)
{
    public string File { get; } = string.IsNullOrWhiteSpace(File) ? throw new ArgumentException("A source document needs a file name.", nameof(File)) : File;

    public string Text { get; } = Text ?? throw new ArgumentNullException(nameof(Text));
}

/// <summary>
/// What a format reader makes of a source: the cleaned text (every later span refers to it), the document
/// facts from its header, its question/answer items, metadata lifted out of the body, and header entities.
/// </summary>
public sealed record ReadDocument
{
    public required string Format { get; init; }

    public required string Text { get; init; }

    public required DocumentInfo Doc { get; init; }

    public IReadOnlyList<Item> Items { get; init; } = [];

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Entities the header states (askers, answerers, their parties and offices).</summary>
    public IReadOnlyList<Entity> Entities { get; init; } = [];

    /// <summary>Citations the reader repaired itself from metadata (e.g. an OCR-damaged kenmerk).</summary>
    public IReadOnlyList<Citation> Citations { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>One input format (openkamer page, OCR'd letter, Aanhangsel, motion…). Readers are tried in order.</summary>
public interface IDocumentReader
{
    /// <summary>Short name of the format, reported as <see cref="ExtractedDocument.Format"/>.</summary>
    string Format { get; }

    /// <summary>A score 0..1 for how sure this reader is that the source is its format; the highest wins.</summary>
    double Detect(SourceDocument source);

    /// <summary>Reads the source. Throws <see cref="DocumentFormatException"/> when the file cannot be read as this format.</summary>
    ReadDocument Read(SourceDocument source);
}

/// <summary>What a recogniser sees: the cleaned text and what is known about the document.</summary>
public sealed record RecognitionContext(string Text, DocumentInfo Doc, IReadOnlyList<Item> Items)
{
    /// <summary>The document's reference date (answered, else date, else submitted), for resolving "11 maart jl.".</summary>
    public DateOnly? ReferenceDate { get; init; }

    /// <summary>The year to assume when no date is known, e.g. inferred from the zaak number.</summary>
    public int? InferredYear { get; init; }

    /// <summary>
    /// Set when the document's extraction is abandoned (over the build's per-file time limit): a recogniser that loops
    /// long without yielding what it found checks it every so often. What a recogniser yields is checked by the extractor.
    /// </summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>
    /// <see cref="Text"/> tokenised once, for every phrase lexicon (countries, parties, offices, organisations, topics),
    /// made on first use. Kept with the text it was made from, so a copy with another text makes its own.
    /// </summary>
    internal Entities.TextTokens Tokens =>
        _tokens is { } t && ReferenceEquals(t.Text, Text) ? t : _tokens = new Entities.TextTokens(Text);

    private Entities.TextTokens? _tokens;
}

/// <summary>
/// Finds one kind of citation. Recognisers are an ordered, pluggable list; each has a cheap literal
/// pre-filter so the regex only runs on texts that can contain a match.
/// </summary>
public interface ICitationRecognizer
{
    string Name { get; }

    /// <summary>Literals of which at least one must occur (case-insensitive) for <see cref="Find"/> to run. Empty: always run.</summary>
    IReadOnlyList<string> Triggers { get; }

    IEnumerable<Citation> Find(RecognitionContext context);
}

/// <summary>Finds one kind of entity (people, parties, countries, organisations, dates, topics).</summary>
public interface IEntityRecognizer
{
    string Name { get; }

    IReadOnlyList<string> Triggers { get; }

    IEnumerable<Entity> Find(RecognitionContext context);
}

/// <summary>The public entry point: text in, citations and entities with evidence out.</summary>
public interface IExtractor
{
    ExtractedDocument Extract(SourceDocument source);

    /// <summary>
    /// Extracts, stopping with an <see cref="OperationCanceledException"/> soon after <paramref name="cancellationToken"/>
    /// is cancelled (checked between stages and every few hundred citations or entities), so abandoned work ends.
    /// An extractor that cannot stop early runs to the end.
    /// </summary>
    ExtractedDocument Extract(SourceDocument source, CancellationToken cancellationToken) => Extract(source);
}

/// <summary>A file that cannot be read as any supported format, or is damaged. The message names the file and the reason.</summary>
public sealed class DocumentFormatException : Exception
{
    public DocumentFormatException(string file, string reason)
        : base($"{file}: {reason}")
    {
        File = file;
        Reason = reason;
    }

    public DocumentFormatException(string file, string reason, Exception inner)
        : base($"{file}: {reason}", inner)
    {
        File = file;
        Reason = reason;
    }

    public DocumentFormatException() : this("<unknown>", "unreadable document")
    {
    }

    public DocumentFormatException(string message) : this("<unknown>", message)
    {
    }

    public DocumentFormatException(string message, Exception inner) : this("<unknown>", message, inner)
    {
    }

    public string File { get; }

    public string Reason { get; }
}
