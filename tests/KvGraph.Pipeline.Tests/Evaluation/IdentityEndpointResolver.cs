using KvGraph.Core.Graph;

namespace KvGraph.Pipeline.Tests.Evaluation;

/// <summary>
/// Resolves gold endpoints against a built graph to the SET of node ids they stand for:
/// <list type="bullet">
/// <item><c>doc:x</c>: the node <see cref="ICitationGraph.Find"/> finds for the id or alias (empty when none).</item>
/// <item><c>cite:d|f</c>: the targets of d's CITES edges whose quote contains f.</item>
/// <item><c>edge:d|T|f</c>: the targets of d's T edges whose target name or id contains f.</item>
/// </list>
/// Fragments match case-insensitively with whitespace runs folded to one space (PDF text breaks lines anywhere).
/// </summary>
public sealed class IdentityEndpointResolver
{
    private readonly ICitationGraph _graph;

    public IdentityEndpointResolver(ICitationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _graph = graph;
    }

    /// <summary>True when the endpoint's document id (or alias) finds a node, so a typo cannot pass as "different".</summary>
    public bool DocumentExists(IdentityEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return _graph.Find(endpoint.DocumentId) is not null;
    }

    /// <summary>The node ids the endpoint stands for, ordered.</summary>
    public IReadOnlyList<string> Resolve(IdentityEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Kind == EndpointKind.Doc)
        {
            return _graph.Find(endpoint.DocumentId) is { } node ? [node.Id] : [];
        }

        var fragment = Fold(endpoint.Fragment!);
        var edges = _graph.Outgoing(endpoint.DocumentId, endpoint.EdgeType);
        var hits = endpoint.Kind == EndpointKind.Cite
            ? edges.Where(e => e.Properties.GetValueOrDefault("quote") is string q && Fold(q).Contains(fragment, StringComparison.Ordinal))
            : edges.Where(e => Fold(e.Target).Contains(fragment, StringComparison.Ordinal)
                || (_graph.Find(e.Target)?.Name is { } name && Fold(name).Contains(fragment, StringComparison.Ordinal)));
        return [.. hits.Select(e => e.Target).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Lower case, whitespace runs folded to one space, trimmed.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }
}
