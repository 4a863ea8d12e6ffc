using System.Globalization;

namespace KvGraph.OpenData;

/// <summary>
/// The one query the fetcher sends: every Zaak of soort Motie, oldest change first, with its ZaakActor, Besluit (and
/// each Besluit's Stemming), Document and Kamerstukdossier expanded, in the Gegevensmagazijn's own entity and field
/// names. An incremental walk asks only for motions changed after the high-water mark: the Zaak itself, one of its
/// Besluiten or one of their Stemmingen (per-party vote rows are often entered hours after the Zaak last changed).
/// </summary>
public static class MotionQuery
{
    /// <summary>The navigation properties expanded on each Zaak.</summary>
    public const string Expand = "ZaakActor,Besluit($expand=Stemming),Document,Kamerstukdossier";

    /// <summary>The order: by change time, ties by Id, so server paging is stable.</summary>
    public const string OrderBy = "GewijzigdOp,Id";

    /// <summary>The $filter for motions, changed after <paramref name="since"/> when given.</summary>
    public static string Filter(DateTimeOffset? since)
    {
        const string Motions = "Soort eq 'Motie'";
        if (since is not { } t)
        {
            return Motions;
        }

        var at = Literal(t);
        return $"{Motions} and (GewijzigdOp gt {at} or Besluit/any(b:b/GewijzigdOp gt {at} or b/Stemming/any(s:s/GewijzigdOp gt {at})))";
    }

    /// <summary>The first page's URL under <paramref name="baseUrl"/>.</summary>
    public static Uri FirstPage(Uri baseUrl, DateTimeOffset? since)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var query = string.Join('&',
            "$filter=" + Uri.EscapeDataString(Filter(since)),
            "$orderby=" + Uri.EscapeDataString(OrderBy),
            "$expand=" + Uri.EscapeDataString(Expand));
        return new Uri(baseUrl, "Zaak?" + query);
    }

    /// <summary>An OData v4 DateTimeOffset literal in UTC with the API's millisecond precision: <c>2022-01-20T09:58:21.743Z</c>.</summary>
    public static string Literal(DateTimeOffset t) =>
        t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
