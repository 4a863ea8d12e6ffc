using KvGraph.Core.Extraction;

namespace KvGraph.Core.Entities;

/// <summary>The ordered list of entity recognisers.</summary>
public static class EntityRecognizers
{
    /// <summary>All built-in entity recognisers.</summary>
    public static IReadOnlyList<IEntityRecognizer> Default { get; } = [];
}
