using KvGraph.Core.Extraction;

namespace KvGraph.Core.Entities;

/// <summary>The ordered list of entity recognisers.</summary>
public static class EntityRecognizers
{
    /// <summary>All built-in entity recognisers: people, parties, offices, countries, organisations, topics, dates.</summary>
    public static IReadOnlyList<IEntityRecognizer> Default { get; } =
    [
        new PersonRecognizer(),
        new PartyRecognizer(),
        new OfficeRecognizer(),
        new CountryRecognizer(),
        new OrganisationRecognizer(),
        new TopicRecognizer(),
        new DateRecognizer(),
    ];
}
