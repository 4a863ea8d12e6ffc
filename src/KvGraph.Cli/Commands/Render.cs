using KvGraph.Core.Graph;
using KvGraph.Store;
using Spectre.Console;

namespace KvGraph.Cli.Commands;

/// <summary>Shared rendering: every piece of data goes through <see cref="Markup.Escape"/>, so text with [brackets] prints as text.</summary>
internal static class Render
{
    public static string E(string? text) => Markup.Escape(text ?? string.Empty);

    /// <summary>How a link was made, in yellow with a "?" when it is uncertain.</summary>
    public static string How(KvGraph.Core.Graph.CitesEdge link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return link.IsLowConfidence ? $"[yellow]{E(link.Summary)} ?[/]" : E(link.Summary);
    }

    /// <summary>A heading rule; a short one when the console is wider than a screen (redirected output), not 4,000 dashes.</summary>
    public static void Heading(IAnsiConsole console, string markup)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (console.Profile.Width > 500)
        {
            console.MarkupLine($"── {markup} ──");
            return;
        }

        console.Write(new Rule(markup).LeftJustified());
    }

    public static string Short(string? text, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= max ? flat : string.Concat(flat.AsSpan(0, max - 1), "…");
    }

    public static string Prop(GraphNode node, string key) => node.Properties.GetValueOrDefault(key) switch
    {
        null => string.Empty,
        string s => s,
        var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };

    public static string Prop(GraphEdge edge, string key) => edge.Properties.GetValueOrDefault(key) switch
    {
        null => string.Empty,
        string s => s,
        var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>"ah-tk-20202021-2302 (answer, 2021-04-12) title", or a placeholder note.</summary>
    public static string NodeLine(GraphNode node)
    {
        var kind = Prop(node, "kind");
        var date = Prop(node, "date");
        var meta = string.Join(", ", new[] { kind.Length > 0 ? kind : node.Label.ToLowerInvariant(), date }.Where(s => s.Length > 0));
        var title = node.Label == NodeLabel.Placeholder ? "[grey]not in corpus[/]" : E(Short(node.Name == node.Id ? null : node.Name, 70));
        return $"[bold]{E(node.Id)}[/] [grey]({E(meta)})[/] {title}".TrimEnd();
    }

    public static void Counts(IAnsiConsole console, string title, IReadOnlyDictionary<string, int> counts)
    {
        var table = new Table().Title(E(title)).AddColumn("kind").AddColumn(new TableColumn("count").RightAligned());
        foreach (var (k, v) in counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            table.AddRow(E(k), v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }

    public static void Stats(IAnsiConsole console, StoreStats stats)
    {
        Counts(console, "Documents by kind", stats.DocumentsByKind);
        Counts(console, "Citations by kind", stats.CitationsByKind);
        var t = new Table().Title("Totals").AddColumn("what").AddColumn(new TableColumn("count").RightAligned());
        void Row(string k, long v) => t.AddRow(k, v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Row("files", stats.Files);
        Row("files stored as failed", stats.FilesFailed);
        Row("documents", stats.Documents);
        Row("citations", stats.Citations);
        Row("resolved (target in corpus)", stats.Resolved);
        Row("unresolved (placeholder)", stats.Unresolved);
        Row("nodes", stats.Nodes);
        Row("edges", stats.Edges);
        Row("builds that changed the store", stats.Version);
        console.Write(t);
    }

    /// <summary>Motions by outcome and the share of adopted motions a later document cites.</summary>
    public static void MotionStats(IAnsiConsole console, MotionStats m)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.Motions == 0)
        {
            return;
        }

        var t = new Table().Title("Motions").AddColumn("what").AddColumn(new TableColumn("count").RightAligned());
        void Row(string k, long v) => t.AddRow(k, v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Row("motions", m.Motions);
        Row("with an outcome", m.WithOutcome);
        Row("adopted (aangenomen)", m.Adopted);
        Row("rejected (verworpen)", m.Rejected);
        Row("withdrawn (ingetrokken)", m.Withdrawn);
        Row("held (aangehouden)", m.Held);
        Row("lapsed (vervallen)", m.Lapsed);
        Row("adopted, cited by a later document", m.AdoptedCitedAfter);
        t.AddRow("share of adopted motions cited later", m.ShareAdoptedCited.ToString("P1", System.Globalization.CultureInfo.InvariantCulture));
        if (m.Disputed > 0)
        {
            Row("sources disagree", m.Disputed);
        }

        console.Write(t);
    }

    /// <summary>
    /// Says on stderr (so JSON, JSON Lines and CSV on stdout stay clean) that the last build did not finish and which
    /// state the answers come from.
    /// </summary>
    public static void NoticeUnfinished(TextWriter error, IKvStore store)
    {
        if (store.Unfinished is not { } unfinished)
        {
            return;
        }

        error.WriteLine($"Notice: {unfinished.Notice(store.CurrentVersion)}");
    }

    /// <summary>Writes text as is (no markup, no wrapping): JSON and other machine-readable output.</summary>
    public static void Raw(IAnsiConsole console, string text)
    {
        console.Profile.Out.Writer.Write(text);
        console.Profile.Out.Writer.Flush();
    }
}
