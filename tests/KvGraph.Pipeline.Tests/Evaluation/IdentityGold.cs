using System.Text.RegularExpressions;

namespace KvGraph.Pipeline.Tests.Evaluation;

/// <summary>What a gold row says about its two endpoints.</summary>
public enum IdentityRelation
{
    /// <summary>Must-link: both endpoints are one node.</summary>
    Same,

    /// <summary>Must-not-link: the endpoints share no node.</summary>
    Different,
}

/// <summary>How an endpoint finds its nodes in the graph.</summary>
public enum EndpointKind
{
    /// <summary><c>doc:&lt;id or alias&gt;</c>: the node the id or alias finds.</summary>
    Doc,

    /// <summary><c>cite:&lt;citing document&gt;|&lt;fragment&gt;</c>: targets of that document's CITES edges whose quote contains the fragment.</summary>
    Cite,

    /// <summary><c>edge:&lt;document&gt;|&lt;EDGE_TYPE&gt;|&lt;fragment&gt;</c>: targets of that document's edges of that type whose name or id contains the fragment.</summary>
    Edge,
}

/// <summary>One endpoint of a gold row, parsed and validated.</summary>
public sealed record IdentityEndpoint
{
    private IdentityEndpoint(EndpointKind kind, string documentId, string? edgeType, string? fragment, string text)
    {
        Kind = kind;
        DocumentId = documentId;
        EdgeType = edgeType;
        Fragment = fragment;
        Text = text;
    }

    public EndpointKind Kind { get; }

    /// <summary>The id or alias looked up (the citing document for <c>cite:</c>, the edge source for <c>edge:</c>).</summary>
    public string DocumentId { get; }

    /// <summary>The edge type of an <c>edge:</c> endpoint (CITES for <c>cite:</c>).</summary>
    public string? EdgeType { get; }

    /// <summary>The quote fragment (<c>cite:</c>) or name/id fragment (<c>edge:</c>).</summary>
    public string? Fragment { get; }

    /// <summary>The endpoint as written in the gold.</summary>
    public string Text { get; }

    public override string ToString() => Text;

    /// <summary>Parses <c>doc:…</c>, <c>cite:…|…</c> or <c>edge:…|TYPE|…</c>; throws <see cref="FormatException"/> with the reason.</summary>
    public static IdentityEndpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        var colon = t.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new FormatException($"endpoint '{text}' has no doc:/cite:/edge: prefix");
        }

        var prefix = t[..colon];
        var rest = t[(colon + 1)..];
        var parts = rest.Split('|');
        if (parts.Any(p => p.Trim().Length == 0))
        {
            throw new FormatException($"endpoint '{text}' has an empty part");
        }

        return prefix switch
        {
            "doc" when parts.Length == 1 => new IdentityEndpoint(EndpointKind.Doc, parts[0].Trim(), null, null, t),
            "cite" when parts.Length == 2 => new IdentityEndpoint(EndpointKind.Cite, parts[0].Trim(), KvGraph.Core.Graph.EdgeType.Cites, parts[1].Trim(), t),
            "edge" when parts.Length == 3 && Regex.IsMatch(parts[1].Trim(), "^[A-Z_]+$") =>
                new IdentityEndpoint(EndpointKind.Edge, parts[0].Trim(), parts[1].Trim(), parts[2].Trim(), t),
            "doc" or "cite" or "edge" => throw new FormatException($"endpoint '{text}' has the wrong number of '|' parts for {prefix}:"),
            _ => throw new FormatException($"endpoint '{text}' has an unknown prefix '{prefix}:'"),
        };
    }
}

/// <summary>
/// One row of <c>identity.tsv</c>: relation, set (dev/heldout), two endpoints and the evidence. The evidence starts with
/// its category (<c>letter: …</c>, <c>motion-record: …</c>), which the report groups by.
/// </summary>
public sealed record IdentityRow
{
    public IdentityRow(IdentityRelation relation, bool heldout, IdentityEndpoint a, IdentityEndpoint b, string category, string evidence, int line)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        ArgumentException.ThrowIfNullOrWhiteSpace(evidence);
        Relation = relation;
        Heldout = heldout;
        A = a;
        B = b;
        Category = category;
        Evidence = evidence;
        Line = line;
    }

    public IdentityRelation Relation { get; }

    /// <summary>True for the <c>heldout</c> set (not to be tuned on), false for <c>dev</c>.</summary>
    public bool Heldout { get; }

    public IdentityEndpoint A { get; }

    public IdentityEndpoint B { get; }

    public string Category { get; }

    public string Evidence { get; }

    /// <summary>1-based line in the gold file.</summary>
    public int Line { get; }

    public string Set => Heldout ? "heldout" : "dev";

    public override string ToString() =>
        $"line {Line} {(Relation == IdentityRelation.Same ? "same" : "different")} {Set} {A} ⟷ {B}";
}

/// <summary>Reads <c>identity.tsv</c> (tab-separated: relation, set, endpointA, endpointB, evidence; <c>#</c> starts a comment line).</summary>
public static class IdentityGold
{
    private static readonly Regex CategoryPattern = new("^([a-z][a-z-]*):\\s", RegexOptions.CultureInvariant);

    /// <summary>Every row of the file; throws <see cref="FormatException"/> naming the line of the first bad row.</summary>
    public static IReadOnlyList<IdentityRow> Load(string path) => Parse(File.ReadAllLines(path));

    /// <summary>Every row of the given lines; throws <see cref="FormatException"/> naming the line of the first bad row.</summary>
    public static IReadOnlyList<IdentityRow> Parse(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var rows = new List<IdentityRow>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            try
            {
                rows.Add(ParseRow(line, i + 1));
            }
            catch (FormatException e)
            {
                throw new FormatException($"identity gold line {i + 1}: {e.Message}", e);
            }
        }

        return rows;
    }

    private static IdentityRow ParseRow(string line, int number)
    {
        var cols = line.Split('\t');
        if (cols.Length != 5)
        {
            throw new FormatException($"expected 5 tab-separated columns, found {cols.Length}");
        }

        var relation = cols[0].Trim() switch
        {
            "same" => IdentityRelation.Same,
            "different" => IdentityRelation.Different,
            var r => throw new FormatException($"relation '{r}' is neither 'same' nor 'different'"),
        };
        var heldout = cols[1].Trim() switch
        {
            "dev" => false,
            "heldout" => true,
            var s => throw new FormatException($"set '{s}' is neither 'dev' nor 'heldout'"),
        };
        var evidence = cols[4].Trim();
        var category = CategoryPattern.Match(evidence);
        if (!category.Success)
        {
            throw new FormatException("the evidence must start with its category ('letter: …', 'motion-record: …')");
        }

        if (evidence.Length < category.Length + 10)
        {
            throw new FormatException("the evidence says too little: write what in the texts decides the row");
        }

        return new IdentityRow(relation, heldout, IdentityEndpoint.Parse(cols[2]), IdentityEndpoint.Parse(cols[3]), category.Groups[1].Value, evidence, number);
    }
}
