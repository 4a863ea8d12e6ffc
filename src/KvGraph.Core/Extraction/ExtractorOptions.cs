using KvGraph.Core.Entities;
using KvGraph.Core.Reading;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Extraction;

/// <summary>Which readers and recognisers an <see cref="Extractor"/> uses. Lists are ordered and can be replaced or extended.</summary>
public sealed record ExtractorOptions
{
    public static ExtractorOptions Default { get; } = new();

    public IReadOnlyList<IDocumentReader> Readers { get; init; } = DocumentReaders.Default;

    public IReadOnlyList<ICitationRecognizer> CitationRecognizers { get; init; } = Recognition.CitationRecognizers.Default;

    public IReadOnlyList<IEntityRecognizer> EntityRecognizers { get; init; } = Entities.EntityRecognizers.Default;

    /// <summary>
    /// At most this many entities from one recogniser per document (the rest are cut, with a warning on the document):
    /// a text of endlessly repeated dates must not yield millions of entities. Far above what a real document has.
    /// </summary>
    public int MaxEntitiesPerRecognizer
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "at least one entity per recogniser");
    } = DefaultMaxEntitiesPerRecognizer;

    /// <summary>The default of <see cref="MaxEntitiesPerRecognizer"/>.</summary>
    public const int DefaultMaxEntitiesPerRecognizer = 10_000;
}
