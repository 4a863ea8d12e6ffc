namespace KvGraph.Core.Resolution;

/// <summary>
/// The one rule for which document an id or alias stands for. <see cref="Resolver"/> applies it to the aliases it holds in
/// memory and the store applies it to the rows its alias index returns, so both always answer the same:
/// <list type="bullet">
/// <item>the id or alias itself is looked up first; for <c>kv-tk-&lt;zaak&gt;</c> that finds nothing, the zaak is looked up
/// (a question cited by its <c>kv-tk-</c> id is answered by the document that claims its zaak);</item>
/// <item>among the documents claiming one key, the lowest <see cref="AliasEntry"/> priority wins, then the lowest id (ordinal);</item>
/// <item>keys are trimmed and compared case-insensitively (the lookup's job: a dictionary or an index that ignores case).</item>
/// </list>
/// </summary>
public static class AliasRule
{
    private const string QuestionPrefix = "kv-tk-";

    /// <summary>The keys to look up, in order: the trimmed id or alias, then for <c>kv-tk-&lt;zaak&gt;</c> the zaak. Empty for blank input.</summary>
    public static IReadOnlyList<string> Keys(string idOrAlias)
    {
        ArgumentNullException.ThrowIfNull(idOrAlias);
        var key = idOrAlias.Trim();
        return key.Length == 0 ? []
            : key.Length > QuestionPrefix.Length && key.StartsWith(QuestionPrefix, StringComparison.OrdinalIgnoreCase) ? [key, key[QuestionPrefix.Length..]]
            : [key];
    }

    /// <summary>True when a claim by <paramref name="id"/> with <paramref name="priority"/> beats the current one.</summary>
    public static bool Beats(string id, int priority, string currentId, int currentPriority)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(currentId);
        return priority < currentPriority || (priority == currentPriority && string.CompareOrdinal(id, currentId) < 0);
    }

    /// <summary>The id that wins among the claims on one key, or null when there are none.</summary>
    public static string? Choose(IEnumerable<AliasClaim> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        AliasClaim? best = null;
        foreach (var c in claims)
        {
            if (best is null || Beats(c.Id, c.Priority, best.Id, best.Priority))
            {
                best = c;
            }
        }

        return best?.Id;
    }

    /// <summary>
    /// Resolves <paramref name="idOrAlias"/> with <paramref name="claimsFor"/> giving, for one key, every document that claims
    /// it (case-insensitively); null when no key is claimed.
    /// </summary>
    public static string? Resolve(string idOrAlias, Func<string, IEnumerable<AliasClaim>> claimsFor)
    {
        ArgumentNullException.ThrowIfNull(claimsFor);
        foreach (var key in Keys(idOrAlias))
        {
            if (Choose(claimsFor(key)) is { } id)
            {
                return id;
            }
        }

        return null;
    }
}

/// <summary>A document's claim on an alias: the document id and the alias's priority (<see cref="AliasEntry"/>; lower wins).</summary>
public sealed record AliasClaim
{
    public AliasClaim(string id, int priority)
    {
        Id = string.IsNullOrWhiteSpace(id) ? throw new ArgumentException("An alias claim needs a document id.", nameof(id)) : id;
        Priority = priority >= 0 ? priority : throw new ArgumentOutOfRangeException(nameof(priority), priority, "Alias priorities are 0 or more.");
    }

    public string Id { get; }

    public int Priority { get; }
}
