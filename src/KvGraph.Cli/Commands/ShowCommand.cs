using System.CommandLine;
using KvGraph.Cli.Hosting;
using KvGraph.Core.Entities;
using KvGraph.Core.Extraction;
using KvGraph.Core.Graph;
using Spectre.Console;

namespace KvGraph.Cli.Commands;

/// <summary><c>kvgraph show &lt;id&gt;</c>: metadata, items, what the document cites (with quotes) and what cites it.</summary>
internal static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "A document id or alias (ah-tk-20202021-2302, 2021Z02286, kst-21501-20-1591)" };
        var format = Output.FormatOption();
        var command = new Command("show", "Show a document: metadata, items, what it cites and what cites it (filters apply to the cited-by list)") { id, format };
        var filters = new FilterOptions().AddTo(command);
        return command.WithAction(result =>
        {
            var filter = filters.Read(result);
            var console = context.Console;
            using var store = context.OpenExistingStore(result);
            using var read = store.BeginRead();
            Render.NoticeUnfinished(result.InvocationConfiguration.Error, store);
            var wanted = result.GetValue(id)!;
            var graph = store.Graph();
            var node = graph.Find(wanted)
                ?? throw new CliUserException($"'{wanted}' is not in the store. Try `kvgraph search {wanted}`.");
            // A person: who it is, their parties over time, questions, answers and motions (Core's Profiles, as the explorer's person page).
            if (node.Label == NodeLabel.Person && Profiles.Person(graph, node.Id) is { } person)
            {
                // On a terminal, the lists that have rows; for tools every list, empty or not (a stable shape).
                var shown = result.GetValue(format) ?? Output.Table;
                var sheets = PersonSheets(person);
                Output.Write(console, shown, shown == Output.Table ? [.. sheets.Where(s => s.Rows.Count > 0)] : sheets);
                return 0;
            }

            // Who cites the node and the motion's fate are worked out once here: the cited-by list, the timeline and the
            // sheets for tools all take them from here (a hub has thousands of citers).
            var fate = graph.Fate(node.Id);
            if (result.GetValue(format) is { } f && f != Output.Table)
            {
                Output.Write(console, f, Sheets(graph, node, filter, graph.CitedBy(node.Id), fate));
                return 0;
            }

            var citers = TableCiters(graph, node.Id, filter, fate, out var timeline);

            var doc = node.Label == NodeLabel.Placeholder ? null : store.GetDocument(node.Id);

            Render.Heading(console, $"[bold]{Render.E(node.Id)}[/] [grey]{Render.E(Render.Prop(node, "kind"))}[/]");
            var grid = new Grid().AddColumn().AddColumn();
            void Row(string k, string? v)
            {
                if (!string.IsNullOrEmpty(v))
                {
                    grid.AddRow($"[grey]{k}[/]", Render.E(v));
                }
            }

            if (node.Label == NodeLabel.Placeholder)
            {
                Row("status", "not in the corpus (placeholder): cited, but no ingested file is this document");
            }

            foreach (var key in new[] { "title", "date", "submitted", "answered", "zaak", "dossier", "number", "file", "format", "url", "sourceUrl" })
            {
                Row(key, Render.Prop(node, key));
            }

            // A motion's fate over all its sources (the open-data record merged into it, the Handelingen' votes).
            if (fate is not null)
            {
                Row("outcome", fate.Outcome is null ? null : $"{fate.Outcome} ({fate.Decision}{(fate.VoteDate is null ? string.Empty : $", {fate.VoteDate}")})");
                Row("votes", fate.VotesFor is null && fate.VotesAgainst is null
                    ? fate.Unanimous ? "met algemene stemmen" : null
                    : $"{Motions.Counts(fate.VotesFor, fate.VotesAgainst)}: {fate.VotesFor} for, {fate.VotesAgainst} against{(fate.VotesOther is { } other ? $", {other} other" : string.Empty)} ({fate.VoteKind})");
                Row("cabinet advice", fate.CabinetAdvice);
                Row("sponsors", string.Join("; ", fate.Sponsors.Select(s => s.Party is null ? s.Name : $"{s.Name} ({s.Party})")));
                if (fate.Claims.Count > 1)
                {
                    Row("sources", string.Join("; ", fate.Claims.Select(c => $"{c.SourceKind} {c.Source}: {string.Join(" ", new[] { c.Outcome, Motions.Counts(c.VotesFor, c.VotesAgainst), c.Date }.Where(x => x is not null))}")));
                }
            }

            if (doc is not null)
            {
                Row("askers", string.Join("; ", doc.Doc.Askers.Select(a => a.Party is null ? a.Name : $"{a.Name} ({Parties.DisplayName(a.Party)})")));
                Row("answerers", string.Join("; ", doc.Doc.Answerers.Select(a => string.Join(", ", new[] { a.Name, a.Office, Parties.DisplayName(a.Party) }.Where(x => x is not null)))));
                if (fate is null)
                {
                    Row("sponsors", string.Join("; ", doc.Doc.Sponsors));
                }

                Row("own ids", string.Join(", ", doc.Doc.OwnIds));
                Row("topics", string.Join("; ", doc.Doc.Topics));
            }

            // The other records of this one document (a motion's open-data record merged into its text), and why.
            if (Render.Prop(node, "aliases") is { Length: > 0 } aliases)
            {
                Row("also known as", $"{aliases} ({Render.Prop(node, "mergeMethod")}, confidence {Render.Prop(node, "mergeConfidence")})");
                Row("merged because", Render.Prop(node, "mergeEvidence"));
            }

            if (Render.Prop(node, "candidates") is { Length: > 0 } candidates)
            {
                Row("candidates", candidates);
            }

            foreach (var e in graph.Outgoing(node.Id, EdgeType.Answers))
            {
                Row("answers", e.Target);
            }

            foreach (var e in graph.Incoming(node.Id, EdgeType.Answers))
            {
                Row("answered in", e.Source);
            }

            console.Write(grid);
            if (fate is not null)
            {
                MotionTables(console, fate, timeline ?? graph.TimelineFrom(fate, citers));
            }

            if (doc is not null && doc.Items.Count > 0)
            {
                var items = new Table().Title("Items").AddColumns("item", "text");
                foreach (var item in doc.Items)
                {
                    var text = doc.Text[Math.Clamp(item.Start, 0, doc.Text.Length)..Math.Clamp(item.End, 0, doc.Text.Length)];
                    items.AddRow(Render.E(item.Id), Render.E(Render.Short(text, 110)));
                }

                console.Write(items);
            }

            var cites = graph.Outgoing(node.Id, EdgeType.Cites)
                .OrderBy(e => e.Properties.GetValueOrDefault("start") is long s ? s : long.MaxValue).ToList();
            var citesTable = new Table().Title($"Cites ({cites.Count})").AddColumns("kind", "target", "in corpus", "how", "item", "quote");
            var weighed = new List<(GraphEdge Edge, CitesEdge Link)>();
            foreach (var e in cites)
            {
                var target = graph.Find(e.Target);
                var inCorpus = target is null || target.Label == NodeLabel.Placeholder ? "[grey]no[/]" : target.Label == NodeLabel.Dossier ? "dossier" : "[green]yes[/]";
                var shown = e.Properties.GetValueOrDefault("cited") is string cited && cited != e.Target ? $"{e.Target} (as {cited})" : e.Target;
                var link = CitesEdge.From(e);
                if (link.Evidence is not null)
                {
                    weighed.Add((e, link));
                }

                citesTable.AddRow(Render.E(Render.Prop(e, "kind")), Render.E(shown), inCorpus, Render.How(link), Render.E(Render.Prop(e, "item")), Render.E(Render.Short(Render.Prop(e, "quote"), 90)));
            }

            console.Write(citesTable);
            if (weighed.Count > 0)
            {
                var how = new Table().Title("How the weighed links were made").AddColumns("quote", "target", "how", "evidence", "candidates");
                foreach (var (e, link) in weighed)
                {
                    how.AddRow(Render.E(Render.Short(Render.Prop(e, "quote"), 40)), Render.E(e.Target), Render.How(link), Render.E(link.Evidence ?? string.Empty), Render.E(link.Candidates ?? string.Empty));
                }

                console.Write(how);
            }

            var refers = graph.Outgoing(node.Id, EdgeType.RefersTo);
            if (refers.Count > 0)
            {
                var t = new Table().Title("Refers within the document").AddColumns("item", "refers to", "quote");
                foreach (var e in refers)
                {
                    t.AddRow(Render.E(Render.Prop(e, "item")), Render.E(Render.Prop(e, "to")), Render.E(Render.Short(Render.Prop(e, "quote"), 90)));
                }

                console.Write(t);
            }

            var citedBy = Passing(graph, citers, filter);
            var byTable = new Table().Title($"Cited by ({citedBy.Count} documents{(filter.IsEmpty ? string.Empty : " that pass the filter")}, {citedBy.Sum(c => c.Mentions.Count)} mentions)").AddColumns("document", "date", "kind", "how", "item", "quote");
            foreach (var citing in citedBy.Take(QueryLimits.MaxCitedBy))
            {
                foreach (var e in citing.Mentions)
                {
                    byTable.AddRow(Render.E(citing.Source.Id), Render.E(citing.Date), Render.E(Render.Prop(e, "kind")), Render.How(CitesEdge.From(e)), Render.E(Render.Prop(e, "item")), Render.E(Render.Short(Render.Prop(e, "quote"), 80)));
                }
            }

            console.Write(byTable);
            MoreCiters(console, citedBy.Count);
            return 0;
        });
    }

    /// <summary>
    /// The citers the tables need: every citer counted and ordered, but only those shown read whole. Without a filter the
    /// list is read narrowly (<see cref="CitedByQuery.CitedByKeys"/>: dates, kinds and positions, not 9,000 nodes and
    /// quotes), and the first <see cref="QueryLimits.MaxCitedBy"/> of the cited-by table and of the timeline's citations are
    /// read whole (<see cref="CitedByQuery.InFull"/>) in their place; the tables print nothing of the others but their
    /// number. A filter matches on whole nodes: then the whole list, as before. For a motion, <paramref name="timeline"/> is
    /// its timeline over these citers, worked out on the way (<see cref="Motions.WithWhole"/>), or null to be worked out.
    /// </summary>
    private static IReadOnlyList<Citing> TableCiters(ICitationGraph graph, string id, DocumentFilter filter, MotionFateView? fate, out IReadOnlyList<MotionEvent>? timeline)
    {
        timeline = null;
        if (!filter.IsEmpty)
        {
            return graph.CitedBy(id);
        }

        var keys = graph.CitedByKeys(id);
        var shown = keys.Take(QueryLimits.MaxCitedBy).Select(c => c.Source.Id).ToList();
        var narrow = fate is null ? null : graph.TimelineFrom(fate, keys);
        if (narrow is not null)
        {
            shown.AddRange(narrow.Where(e => e.Kind == "cited").Take(QueryLimits.MaxCitedBy).Select(e => e.DocumentId));
        }

        var whole = graph.InFull(id, shown);
        timeline = narrow is null ? null : graph.WithWhole(fate!, narrow, whole);
        return [.. keys.Select(c => whole.GetValueOrDefault(c.Source.Id) ?? c)];
    }

    /// <summary>The citers of the node (Core's one cited-by) that pass the filter, in its order.</summary>
    private static List<Citing> Passing(ICitationGraph graph, IReadOnlyList<Citing> citers, DocumentFilter filter) =>
        [.. citers.Where(c => filter.Matches(graph, c.Source))];

    /// <summary>
    /// show for tools: the node's properties (one row per property), what it cites, what cites it and, for a motion, its
    /// sources, party votes and timeline; the same facts as the tables.
    /// </summary>
    private static Sheet[] Sheets(ICitationGraph graph, GraphNode node, DocumentFilter filter, IReadOnlyList<Citing> citers, MotionFateView? motion)
    {
        var properties = new Sheet("properties", node.Id, ["key", "value"]).Add("id", node.Id).Add("label", node.Label).Add("name", node.Name);
        foreach (var (k, v) in node.Properties.Where(kv => kv.Key != "id").OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            properties.Add(k, v);
        }

        var cites = new Sheet("cites", "Cites", ["target", "kind", "inCorpus", "method", "confidence", "item", "quote", "start", "end"]);
        foreach (var e in graph.Outgoing(node.Id, EdgeType.Cites).OrderBy(e => e.Properties.GetValueOrDefault("start") is long x ? x : long.MaxValue))
        {
            var link = CitesEdge.From(e);
            var target = graph.Find(e.Target);
            cites.Add(e.Target, link.Kind, target is not null && target.Label != NodeLabel.Placeholder, link.Method, link.Confidence, link.Item, link.Quote, (long)link.Start, (long)link.End);
        }

        var citedBy = new Sheet("citedBy", "Cited by", ["document", "date", "kind", "method", "item", "quote"]);
        foreach (var citing in Passing(graph, citers, filter))
        {
            foreach (var e in citing.Mentions)
            {
                citedBy.Add(citing.Source.Id, citing.Date, Render.Prop(e, "kind"), CitesEdge.From(e).Method, Render.Prop(e, "item"), Render.Prop(e, "quote"));
            }
        }

        if (motion is not { } fate)
        {
            return [properties, cites, citedBy];
        }

        var sources = new Sheet("fateSources", "Sources of the fate", ["source", "sourceKind", "outcome", "votesFor", "votesAgainst", "cabinetAdvice", "date", "quote"]);
        foreach (var c in fate.Claims)
        {
            sources.Add(c.Source, c.SourceKind, c.Outcome, c.VotesFor, c.VotesAgainst, c.CabinetAdvice, c.Date, c.Quote);
        }

        var votes = new Sheet("partyVotes", "Votes by party", ["party", "vote", "seats", "mistake", "source"]);
        foreach (var v in fate.PartyVotes)
        {
            votes.Add(v.Party, v.Vote, v.Seats, v.Mistake, v.Source);
        }

        var timeline = new Sheet("timeline", "Timeline", ["date", "step", "document", "afterVote", "detail", "quote"]);
        foreach (var e in graph.TimelineFrom(fate, citers))
        {
            timeline.Add(e.Date, e.Kind, e.DocumentId, e.AfterVote, e.Detail, e.Quote);
        }

        var disagreements = new Sheet("disagreements", "Sources disagree", ["on"]);
        foreach (var d in fate.Disagreements)
        {
            disagreements.Add(d);
        }

        return [properties, cites, citedBy, sources, votes, timeline, disagreements];
    }

    /// <summary>show person:…: the person, their parties and offices over time, questions asked, answers signed, motions sponsored.</summary>
    private static Sheet[] PersonSheets(PersonProfile p)
    {
        var person = new Sheet("person", p.Name, ["key", "value"]).Add("id", p.Id).Add("name", p.Name)
            .Add("questions", p.Questions.Count).Add("answers", p.Answers.Count).Add("motions", p.Motions.Count)
            .Add("mentionedIn", p.MentionedIn).Add("citedBy", p.CitedBy);
        var parties = new Sheet("parties", "Parties over time", ["party", "from", "to"]);
        foreach (var x in p.Parties)
        {
            parties.Add(x.Party, x.From, x.To);
        }

        var offices = new Sheet("offices", "Offices", ["office", "documents", "from", "to"]);
        foreach (var x in p.Offices)
        {
            offices.Add(x.Office, x.Documents, x.From, x.To);
        }

        Sheet Documents(string name, string title, IEnumerable<DocumentEntry> list)
        {
            var sheet = new Sheet(name, title, ["id", "kind", "date", "citedBy", "title"]);
            foreach (var d in list)
            {
                sheet.Add(d.Id, d.Kind, d.Date, d.CitedBy, d.Title);
            }

            return sheet;
        }

        var motions = new Sheet("motions", "Motions sponsored", ["id", "date", "outcome", "votes", "citedBy", "title"]);
        foreach (var m in p.Motions)
        {
            motions.Add(m.Id, m.Date, m.Outcome, Motions.Counts(m.VotesFor, m.VotesAgainst), m.CitedBy, m.Title);
        }

        return [person, parties, offices, Documents("questions", "Questions asked", p.Questions), Documents("answers", "Answers signed", p.Answers), motions];
    }

    // Sources that disagree (in yellow), the parties' votes and the motion's timeline.
    private static void MotionTables(IAnsiConsole console, MotionFateView fate, IReadOnlyList<MotionEvent> timeline)
    {
        foreach (var d in fate.Disagreements)
        {
            console.MarkupLine($"[yellow]sources disagree on {Render.E(d)}[/]");
        }

        if (fate.PartyVotes.Count > 0 || fate.OthersVoted is not null)
        {
            var votes = new Table().Title("Votes by party").AddColumns("party", "vote", "seats", "source");
            foreach (var v in fate.PartyVotes)
            {
                votes.AddRow(Render.E(v.Party), Render.E(v.Vote) + (v.Mistake ? " [yellow](vergissing)[/]" : string.Empty), v.Seats?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, Render.E(v.Source));
            }

            if (fate.OthersVoted is { } others)
            {
                votes.AddRow("[grey]the other parties[/]", Render.E(others), string.Empty, string.Empty);
            }

            console.Write(votes);
        }

        if (timeline.Count > 0)
        {
            var t = new Table().Title("Timeline").AddColumns("date", "step", "document", "detail", "quote");
            var cited = 0;
            foreach (var e in timeline)
            {
                if (e.Kind == "cited" && ++cited > QueryLimits.MaxCitedBy)
                {
                    continue;
                }

                var step = e.Kind == "cited" && e.AfterVote ? "cited after the vote" : e.Kind;
                t.AddRow(Render.E(e.Date.Length == 0 ? "?" : e.Date), Render.E(step), Render.E(e.DocumentId), Render.E(e.Detail ?? e.DocumentKind ?? string.Empty), Render.E(Render.Short(e.Quote, 70)));
            }

            console.Write(t);
            MoreCiters(console, cited);
        }
    }

    // A hub's table lists its first QueryLimits.MaxCitedBy citers by date, as the explorer's document page does; the formats for tools list all.
    private static void MoreCiters(IAnsiConsole console, int citers)
    {
        if (citers > QueryLimits.MaxCitedBy)
        {
            console.MarkupLine($"[grey]the first {QueryLimits.MaxCitedBy:N0} of {citers:N0} citing documents by date; --format json or csv lists all[/]");
        }
    }
}
