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
}
