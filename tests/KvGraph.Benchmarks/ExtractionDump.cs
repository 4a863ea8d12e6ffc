using System.Globalization;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Ingest;

namespace KvGraph.Benchmarks;

/// <summary>
/// Everything extraction yields for each file, one line per citation, entity, vote and warning, in a stable order:
/// <c>dotnet run -c Release -- dump &lt;out-file&gt; &lt;files-or-folders…&gt;</c>. Two builds' dumps of the same corpus are
/// compared with <c>diff</c> to show that a change to the extractor's speed changed nothing it extracts.
/// </summary>
public static class ExtractionDump
{
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        using var dump = new StreamWriter(args[0]);
        var files = 0;
        foreach (var file in FileSource.Enumerate(args.Skip(1)).Order(StringComparer.Ordinal))
        {
            files++;
            IReadOnlyList<SourceDocument> sources;
            try
            {
                sources = FileSource.ReadAll(file);
            }
            catch (DocumentFormatException ex)
            {
                dump.WriteLine($"{file}\tunreadable\t{ex.Reason}");
                continue;
            }

            foreach (var source in sources)
            {
                ExtractedDocument doc;
                try
                {
                    doc = Extractor.Default.Extract(source);
                }
                catch (DocumentFormatException ex)
                {
                    dump.WriteLine($"{source.File}\tfailed\t{ex.Reason}");
                    continue;
                }

                var f = source.File;
                dump.WriteLine($"{f}\tdoc\t{doc.Format}\t{doc.Doc.Id}\t{doc.Doc.Kind}");
                foreach (var c in doc.Citations)
                {
                    dump.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{f}\tcite\t{c.Kind}\t{c.Target}\t{c.Sponsor}\t{c.Start}\t{c.End}\t{c.Confidence}\t{c.Item}\t{c.Date}\t{c.Subject}\t{c.Footnote}\t{string.Join('|', c.Sponsors)}"));
                }

                foreach (var e in doc.Entities)
                {
                    dump.WriteLine($"{f}\tentity\t{e.Kind}\t{e.Id}\t{e.Start}\t{e.End}\t{e.Item}\t{e.Role}\t{e.Party}");
                }

                foreach (var v in doc.Votes)
                {
                    dump.WriteLine($"{f}\tvote\t{v.Target}\t{v.Fate.Outcome}\t{v.Start}\t{v.End}");
                }

                foreach (var w in doc.Warnings)
                {
                    dump.WriteLine($"{f}\twarning\t{w}");
                }
            }
        }

        output.WriteLine($"{files} files dumped to {args[0]}");
        return 0;
    }
}
