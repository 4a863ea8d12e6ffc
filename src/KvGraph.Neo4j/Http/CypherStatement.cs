namespace KvGraph.Neo4j.Http;

/// <summary>
/// One Cypher statement with its parameters. Data always travels as parameters: values are strings,
/// numbers, booleans, nulls, lists and string-keyed maps of those.
/// </summary>
public sealed record CypherStatement
{
    public CypherStatement(string text, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        Text = string.IsNullOrWhiteSpace(text) ? throw new ArgumentException("A statement needs text.", nameof(text)) : text;
        Parameters = parameters ?? new Dictionary<string, object?>();
    }

    public string Text { get; }

    public IReadOnlyDictionary<string, object?> Parameters { get; }

    /// <inheritdoc />
    public override string ToString() => Neo4jException.Describe(Text);
}

/// <summary>
/// The rows of one statement. Values are normalised over both APIs: long, double, string, bool, null,
/// <see cref="List{T}"/> of values, and string-keyed dictionaries (a node or relationship is its property map;
/// a path is the list of its nodes' and relationships' property maps).
/// </summary>
public sealed record CypherResult(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, IReadOnlyDictionary<string, long> Counters)
{
    /// <summary>The value of <paramref name="column"/> in every row.</summary>
    public IEnumerable<object?> Column(string column)
    {
        var i = Columns.ToList().IndexOf(column);
        if (i < 0)
        {
            throw new KeyNotFoundException($"No column '{column}' in the result (columns: {string.Join(", ", Columns)}).");
        }

        return Rows.Select(r => r[i]);
    }

    /// <summary>A counter (nodes_created, relationships_deleted…), 0 when absent.</summary>
    public long Counter(string name) => Counters.TryGetValue(name, out var v) ? v : 0;
}
