using System.Globalization;

namespace KvGraph.Neo4j.Push;

/// <summary>Graph properties as values Neo4j can store: no nulls, no nested maps; dates as ISO strings.</summary>
internal static class PropertyValues
{
    public static Dictionary<string, object?> Clean(IReadOnlyDictionary<string, object?> properties)
    {
        var clean = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in properties)
        {
            if (key is "id" or "files" || Scalar(value) is not { } v)
            {
                // id is the MERGE key and files the provenance list: facts never overwrite them.
                continue;
            }

            clean[key] = v;
        }

        return clean;
    }

    /// <summary>A storable value, or null to leave the property out.</summary>
    public static object? Scalar(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b,
        int i => (long)i,
        long l => l,
        double d when double.IsFinite(d) => d,
        float f when float.IsFinite(f) => (double)f,
        decimal m => (double)m,
        double or float => null,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.ToString("O", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        System.Collections.IEnumerable list => ListOf(list),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static object? ListOf(System.Collections.IEnumerable list)
    {
        // Neo4j arrays are homogeneous: keep lists of strings, or of numbers; anything else becomes strings.
        var items = list.Cast<object?>().Select(Scalar).Where(v => v is not null and not List<object?>).ToList();
        if (items.Count == 0)
        {
            return null;
        }

        if (items.All(v => v is long))
        {
            return items;
        }

        if (items.All(v => v is long or double))
        {
            return items.Select(v => (object?)Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToList();
        }

        return items.Select(v => (object?)Convert.ToString(v, CultureInfo.InvariantCulture)).ToList();
    }
}
