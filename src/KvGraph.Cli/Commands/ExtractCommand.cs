using System.CommandLine;
using System.Text;
using KvGraph.Cli.Hosting;
using KvGraph.Core.Entities;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Text;
using KvGraph.Ingest;
using Spectre.Console;

namespace KvGraph.Cli.Commands;

/// <summary>
/// <c>kvgraph extract &lt;file…&gt; --format json|text</c>: extraction without a store. JSON follows the stable contract of
/// <see cref="ExtractionJson"/>: one object for one document, an array for several. Exit code 1 when a file failed.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("file") { Description = "Files to extract", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f") { Description = "json (the stable contract) or text", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("json", "text");
        var command = new Command("extract", "Extract citations and entities from files and print them (nothing is stored)") { files, format };
        return command.WithAction(result =>
        {
            var docs = new List<ExtractedDocument>();
            var failed = 0;
            foreach (var file in result.GetValue(files) ?? [])
            {
                try
                {
                    foreach (var source in FileSource.ReadAll(file))
                    {
                        docs.Add(Extractor.Default.Extract(source));
                    }
                }
                catch (DocumentFormatException e)
                {
                    result.InvocationConfiguration.Error.WriteLine($"kvgraph: {e.File}: {e.Reason}");
                    failed++;
                }
            }

            if (result.GetValue(format) == "json")
            {
                Render.Raw(context.Console, (docs.Count == 1 ? ExtractionJson.Serialize(docs[0]) : ExtractionJson.Serialize(docs)) + "\n");
            }
            else
            {
                foreach (var d in docs)
                {
                    Text(context.Console, d);
                }
            }

            return failed > 0 ? 1 : 0;
        });
    }

    private static void Text(IAnsiConsole console, ExtractedDocument d)
    {
        var doc = d.Doc;
        Render.Heading(console, $"[bold]{Render.E(doc.Id)}[/] [grey]{Render.E(ExtractionJson.Name(doc.Kind))}, {Render.E(d.Format)}[/]");
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string k, string? v)
        {
            if (!string.IsNullOrEmpty(v))
            {
                grid.AddRow($"[grey]{k}[/]", Render.E(v));
            }
        }

        Row("file", d.File);
        Row("title", doc.Title);
        Row("zaak", doc.Zaak);
        Row("submitted", DutchDates.Iso(doc.Submitted));
        Row("answered", DutchDates.Iso(doc.Answered));
        Row("date", DutchDates.Iso(doc.Date));
        Row("askers", string.Join("; ", doc.Askers.Select(a => a.Party is null ? a.Name : $"{a.Name} ({Parties.DisplayName(a.Party)})")));
        Row("answerers", string.Join("; ", doc.Answerers.Select(a => string.Join(", ", new[] { a.Name, a.Office, Parties.DisplayName(a.Party) }.Where(x => x is not null)))));
        Row("paired", doc.PairedId);
        Row("own ids", string.Join(", ", doc.OwnIds));
        Row("items", string.Join(" ", d.Items.Select(i => i.Id)));
        console.Write(grid);

        var t = new Table().AddColumns("kind", "target", "item", "quote");
        foreach (var c in d.Citations)
        {
            var target = c.Target ?? $"(unnumbered: {c.Sponsor})";
            t.AddRow(Render.E(ExtractionJson.Name(c.Kind)), Render.E(target), Render.E(c.Item), Render.E(Render.Short(c.Quote, 90)));
        }

        console.Write(t);
        var entities = d.Entities.GroupBy(e => ExtractionJson.Name(e.Kind)).OrderBy(g => g.Key, StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (var g in entities)
        {
            sb.Append(g.Key).Append(": ").AppendJoin(", ", g.Select(e => e.Id).Distinct(StringComparer.Ordinal)).Append('\n');
        }

        console.WriteLine(sb.ToString());
    }
}
