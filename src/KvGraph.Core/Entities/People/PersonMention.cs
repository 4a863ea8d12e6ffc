namespace KvGraph.Core.Entities.People;

/// <summary>
/// What one mention of a person says beyond the surname: the evidence that tells namesakes apart (Inge, Jasper and
/// Diederik van Dijk). It travels on the mention's edges (ASKED_BY, ANSWERED_BY, SUBMITTED_BY, MENTIONS and the file's
/// MEMBER_OF, which adds the party and the document's date) as the additive properties <c>initials</c> and
/// <c>firstName</c>; <see cref="PersonDirectory"/> reads it back to choose the person.
/// </summary>
/// <param name="Initials">Initials as written ("J.J."), or null.</param>
/// <param name="FirstName">First name as written ("Jasper"), or null.</param>
public sealed record PersonMention(string? Initials, string? FirstName)
{
    /// <summary>Edge property holding the initials as written.</summary>
    public const string InitialsProperty = "initials";

    /// <summary>Edge property holding the first name as written.</summary>
    public const string FirstNameProperty = "firstName";

    /// <summary>A mention that says nothing beyond the surname.</summary>
    public static PersonMention None { get; } = new(null, null);

    public string? Initials { get; } = string.IsNullOrWhiteSpace(Initials) ? null : Initials.Trim();

    public string? FirstName { get; } = string.IsNullOrWhiteSpace(FirstName) ? null : FirstName.Trim();

    /// <summary>The initials' letters, lower case and folded ("J.J." → "jj", "Th.C." → "thc"); null without initials.</summary>
    public string? InitialsKey => Initials is null ? null : Letters(Initials) is { Length: > 0 } k ? k : null;

    /// <summary>The first name, lower case and folded ("Léon" → "leon"); null without one.</summary>
    public string? FirstNameKey => FirstName is null ? null : Letters(FirstName) is { Length: > 0 } k ? k : null;

    /// <summary>True when the mention gives initials or a first name.</summary>
    public bool IsKnown => InitialsKey is not null || FirstNameKey is not null;

    /// <summary>
    /// What a written name says ("J.J. (Jasper) van Dijk", "Inge van Dijk"), with the initials and first name a reader
    /// kept apart from the name (an open-data ZaakActor) taking precedence.
    /// </summary>
    public static PersonMention Of(string? name, string? initials = null, string? firstName = null)
    {
        var parsed = PersonIdentity.TryParse(name);
        return new PersonMention(initials ?? parsed?.Initials, firstName ?? parsed?.FirstName);
    }

    /// <summary>The mention as read back from an edge's properties.</summary>
    public static PersonMention From(IReadOnlyDictionary<string, object?> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return new PersonMention(properties.GetValueOrDefault(InitialsProperty) as string, properties.GetValueOrDefault(FirstNameProperty) as string);
    }

    /// <summary>The edge properties that carry this mention (none when it says nothing).</summary>
    public IEnumerable<(string Key, object? Value)> Properties()
    {
        if (Initials is not null)
        {
            yield return (InitialsProperty, Initials);
        }

        if (FirstName is not null)
        {
            yield return (FirstNameProperty, FirstName);
        }
    }

    /// <summary>A key telling this mention's evidence apart from another's within one file ("" for none).</summary>
    public string Key => $"{InitialsKey}|{FirstNameKey}";

    private static string Letters(string s) =>
        new(TextFold.Fold(s).Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
}
