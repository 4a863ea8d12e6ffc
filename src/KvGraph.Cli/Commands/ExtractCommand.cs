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
/// <c>kvgraph extract &lt;file-or-folder…&gt; --format json|jsonl|text</c>: extraction without a store; a folder is read as
/// <c>build</c> reads it. JSON follows the stable contract of <see cref="ExtractionJson"/>: one object when the arguments
/// are one file that holds one document, else an array (possibly empty); <c>jsonl</c> is one document per line, for
/// streams. A file that cannot be read is named on stderr with the reason and never printed; exit code 1 when one failed.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("file") { Description = "Files or folders to extract (a folder is read as build reads it)", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f") { Description = "json (the stable contract), jsonl (one document per line) or text", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("json", "jsonl", "text");
        var command = new Command("extract", "Extract citations and entities from files and print them (nothing is stored)") { files, format };
        return command.WithAction(result =>
        {
            var failed = 0;
            var given = result.GetValue(files) ?? [];
            var error = result.InvocationConfiguration.Error;
            foreach (var missing in given.Where(g => !File.Exists(g) && !Directory.Exists(g)))
            {
                error.WriteLine($"kvgraph: {missing}: no such file or folder");
                failed++;
            }

            var docs = ExtractInOrder(FileSource.Enumerate(given.Where(g => File.Exists(g) || Directory.Exists(g))), e =>
            {
                error.WriteLine($"kvgraph: {e.File}: {e.Reason}");
                failed++;
            });
            var output = context.Console.Profile.Out.Writer;
            if (result.GetValue(format) == "json")
            {
                if (given.Length == 1 && File.Exists(given[0]))
                {
                    // One file: one object when it holds one document, else an array.
                    var all = docs.ToList();
                    Render.Raw(context.Console, (all.Count == 1 ? ExtractionJson.Serialize(all[0]) : ExtractionJson.Serialize(all)) + "\n");
                }
                else
                {
                    ExtractionJson.WriteArray(docs, output);
                    Render.Raw(context.Console, "\n");
                }
            }
            else if (result.GetValue(format) == "jsonl")
            {
                foreach (var d in docs)
                {
                    Render.Raw(context.Console, ExtractionJson.SerializeLine(d) + "\n");
                }
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

    /// <summary>How many files are read and extracted ahead of the one being written: bounded, so memory is too.</summary>
    private static readonly int Ahead = Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>
    /// The documents of the files, in the order of the files, extracted in parallel on the thread pool at most
    /// <see cref="Ahead"/> files ahead of the caller (the extractor is thread-safe), so output streams while the next
    /// files are extracted. A file that cannot be read goes to <paramref name="failed"/>, in its place in the order.
    /// </summary>
    private static IEnumerable<ExtractedDocument> ExtractInOrder(IEnumerable<string> files, Action<DocumentFormatException> failed)
    {
        var window = new Queue<Task<(List<ExtractedDocument> Docs, DocumentFormatException? Error)>>();
        foreach (var file in files)
        {
            window.Enqueue(Task.Run(() => ExtractFile(file)));
            while (window.Count >= Ahead)
            {
                foreach (var d in Take(window.Dequeue(), failed))
                {
                    yield return d;
                }
            }
        }

        while (window.Count > 0)
        {
            foreach (var d in Take(window.Dequeue(), failed))
            {
                yield return d;
            }
        }
    }

    /// <summary>
    /// The file's documents once its task is done. The caller blocks on the task's wait handle instead of
    /// <see cref="Task.Wait()"/>, which spins first: the next file in order is usually still being extracted, and a
    /// spinning writer thread takes CPU from the workers (a trace had it at 13–15% of samples).
    /// </summary>
    private static List<ExtractedDocument> Take(Task<(List<ExtractedDocument> Docs, DocumentFormatException? Error)> task, Action<DocumentFormatException> failed)
    {
        if (!task.IsCompleted)
        {
            ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
        }

        var (docs, error) = task.GetAwaiter().GetResult();
        if (error is not null)
        {
            failed(error);
        }

        return docs;
    }

    private static (List<ExtractedDocument> Docs, DocumentFormatException? Error) ExtractFile(string file)
    {
        var docs = new List<ExtractedDocument>();
        try
        {
            foreach (var source in FileSource.ReadAll(file))
            {
                docs.Add(Extractor.Default.Extract(source));
            }

            return (docs, null);
        }
        catch (DocumentFormatException e)
        {
            return (docs, e);
        }
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
