namespace KvGraph.Core.Resolution;

/// <summary>
/// The corpus's documents and letter mentions looked up by key, as a store's indexes give them: what
/// <see cref="ResolverScope"/> needs to build a <see cref="Resolver"/> that answers, for a few files, exactly as the
/// resolver over the whole corpus does, without reading the whole corpus. Every method answers over every stored file
/// that resolution counts (the store's rule, as for the whole resolver's rows).
/// </summary>
public interface IResolverIndex
{
    /// <summary>The ids of the documents that claim any of <paramref name="keys"/> as their own id or an alias (case-insensitively, as <see cref="AliasRule"/> looks keys up).</summary>
    IReadOnlyCollection<string> ClaimantsOf(IReadOnlyCollection<string> keys);

    /// <summary>The ids of the documents that claim an id or alias starting with one of <paramref name="prefixes"/> (case-insensitively).</summary>
    IReadOnlyCollection<string> ClaimantsWithPrefix(IReadOnlyCollection<string> prefixes);

    /// <summary>Every document row of these ids, of every file that asserts one, with its aliases.</summary>
    IReadOnlyList<DocumentAliases> Documents(IReadOnlyCollection<string> ids);

    /// <summary>The ids of the Handelingen items of these sittings (<see cref="Resolver.SittingOf"/>).</summary>
    IReadOnlyCollection<string> SittingItems(IReadOnlyCollection<string> sittings);

    /// <summary>The ids of the motions' open-data records (<c>zaak:…</c>), the ones <see cref="MotionIdentity.Merges"/> merges.</summary>
    IReadOnlyCollection<string> MotionRecords();

    /// <summary>The ids of the motions dated (ISO) one of <paramref name="dates"/>.</summary>
    IReadOnlyCollection<string> MotionsOn(IReadOnlyCollection<string> dates);

    /// <summary>The ids of every motion.</summary>
    IReadOnlyCollection<string> Motions();

    /// <summary>Every letter mention (a CITES edge to a <c>letter:</c> key) of these keys.</summary>
    IReadOnlyList<LetterMention> LetterMentions(IReadOnlyCollection<string> keys);
}
