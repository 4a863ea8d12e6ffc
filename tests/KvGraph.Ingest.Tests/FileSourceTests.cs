using System.Text;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Reading;
using KvGraph.Ingest;
using KvGraph.TestSupport;

namespace KvGraph.Ingest.Tests;

/// <summary>Reading files from disk: encodings, PDFs through PdfPig, folder walking, and clear errors for bad input.</summary>
public sealed class FileSourceTests
{
    private static ReadDocument ReadDoc(SourceDocument source) =>
        DocumentReaders.Default.OrderByDescending(r => r.Detect(source)).First().Read(source);

    [Theory]
    [InlineData("utf8")]
    [InlineData("utf8-bom")]
    [InlineData("utf16le")]
    [InlineData("utf16be")]
    [InlineData("cp1252")]
    public void Text_is_decoded_whatever_its_encoding(string encoding)
    {
        const string text = "Vragen van het lid Gabriëls over de financiële problemen – € 2,8 miljard";
        byte[] bytes = encoding switch
        {
            "utf8" => Encoding.UTF8.GetBytes(text),
            "utf8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            _ => Cp1252(text),
        };
        var dir = TestPaths.NewTempDir("kv-ingest");
        var path = Path.Combine(dir, $"{encoding}.txt");
        File.WriteAllBytes(path, bytes);
        Assert.Equal(text, FileSource.Read(path).Text.TrimStart('\uFEFF'));
    }

    [Theory]
    [InlineData("empty.txt", new byte[0], "empty")]                                                 // nothing in it
    [InlineData("blank.txt", new byte[] { 0x20, 0x0A, 0x20 }, "white space")]                      // only blanks
    [InlineData("image.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48 }, "binary")] // PNG header
    [InlineData("broken.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0x31, 0x20, 0x30 }, "PDF")] // "%PDF-1.7" then nothing
    public void Bad_input_fails_with_the_file_name_and_a_reason(string name, byte[] bytes, string reasonPart)
    {
        var dir = TestPaths.NewTempDir("kv-ingest");
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<DocumentFormatException>(() => FileSource.Read(path));
        Assert.Equal(path, e.File);
        Assert.Contains(reasonPart, e.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(name, e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_truncated_real_pdf_fails_as_damaged()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, "corpus not available");
        var original = File.ReadAllBytes(Directory.GetFiles(TestPaths.Corpus("learninglion-kamervragen", "pdf"), "1a2d8959-*.pdf").Single());
        var path = Path.Combine(TestPaths.NewTempDir("kv-ingest"), "truncated.pdf");
        File.WriteAllBytes(path, original[..(original.Length / 3)]);
        var e = Assert.Throws<DocumentFormatException>(() => FileSource.Read(path));
        Assert.Equal(path, e.File);
    }

    [Fact]
    public void A_pdf_without_a_text_layer_is_reported_as_such()
    {
        // A well-formed one-page PDF whose page draws nothing: what a scan without OCR looks like to a text extractor.
        var path = Path.Combine(TestPaths.NewTempDir("kv-ingest"), "scan.pdf");
        File.WriteAllBytes(path, MinimalPdf());
        var e = Assert.Throws<DocumentFormatException>(() => FileSource.Read(path));
        Assert.Equal(path, e.File);
        Assert.Contains("no text layer", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_is_reported_by_name()
    {
        var e = Assert.Throws<DocumentFormatException>(() => FileSource.Enumerate(["/no/such/kvgraph/folder"]).ToList());
        Assert.Contains("/no/such/kvgraph/folder", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00fe7edd-24c8-4857-98da-774ed3b06836")]
    [InlineData("1a2d8959-7ce1-411d-bffe-c78970ae8d6b")]
    [InlineData("1bca1484-2edb-43d1-913f-de5022c9a02b")]
    [InlineData("1bb0809b-f36a-48b7-9ef9-a96ed52c5b6d")]
    [InlineData("0c6cbed0-0cdf-4512-b630-01b325f81007")]
    public void A_pdf_read_with_PdfPig_gives_the_same_document_as_pdftotext(string guid)
    {
        Skip.IfNot(TestPaths.CorpusAvailable, "corpus not available");
        var pdf = FileSource.Read(TestPaths.Corpus("learninglion-kamervragen", "pdf", guid + ".pdf"));
        Assert.Equal("pdf", pdf.FormatHint);
        var txtPath = TestPaths.Corpus("learninglion-kamervragen", "txt", guid + ".txt");
        var fromPdf = ReadDoc(pdf);
        var fromTxt = ReadDoc(new SourceDocument(txtPath, File.ReadAllText(txtPath)));
        Assert.Equal("aanhangsel", fromPdf.Format);
        Assert.Equal(fromTxt.Doc.Id, fromPdf.Doc.Id);
        Assert.StartsWith("ah-tk-", fromPdf.Doc.Id, StringComparison.Ordinal);
        Assert.Equal(fromTxt.Doc.Submitted, fromPdf.Doc.Submitted);
        Assert.Equal(fromTxt.Doc.Answered, fromPdf.Doc.Answered);
        Assert.Equal(fromTxt.Doc.Askers, fromPdf.Doc.Askers);
        Assert.Equal(fromTxt.Doc.Answerers.Select(a => a.Name), fromPdf.Doc.Answerers.Select(a => a.Name));
        Assert.Equal(fromTxt.Items.Select(i => i.Id), fromPdf.Items.Select(i => i.Id));
        Assert.NotEmpty(fromPdf.Items);
    }

    [SkippableFact]
    public void Enumerate_walks_folders_in_order_and_skips_corpus_descriptions()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, "corpus not available");
        var files = FileSource.Enumerate([TestPaths.Corpus("kamervragen-limburg")]).ToList();
        Assert.Equal(86, files.Count);
        Assert.DoesNotContain(files, f => f.EndsWith("PROVENANCE.md", StringComparison.Ordinal) || f.EndsWith("index.tsv", StringComparison.Ordinal));
        Assert.Equal(files.OrderBy(f => f, StringComparer.Ordinal), files);
    }

    [SkippableFact]
    public void Jsonl_motion_records_become_one_motion_document_each()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, "corpus not available");
        var docs = FileSource.ReadAll(TestPaths.Corpus("tkmoties-index", "moties_2022_2023.jsonl"));
        Assert.Equal(7071, docs.Count);
        var first = ReadDoc(docs[0]);
        Assert.Equal(DocumentKind.Motion, first.Doc.Kind);
        Assert.Equal("zaak:2022Z00782", first.Doc.Id);
        Assert.Equal(new DateOnly(2022, 1, 19), first.Doc.Date);
        Assert.Equal(["Klaver", "Dassen", "Ploumen", "Simons"], first.Doc.Sponsors);
    }

    /// <summary>
    /// Every file under the corpus either reads or fails with a DocumentFormatException; no other exception type
    /// escapes. The counts are printed for the report.
    /// </summary>
    [SkippableFact]
    public void Corpus_sweep_every_file_reads_or_fails_cleanly()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, "corpus not available");
        var ok = 0;
        var failed = new List<string>();
        var byFormat = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in FileSource.Enumerate([TestPaths.CorpusRaw]))
        {
            try
            {
                foreach (var source in FileSource.ReadAll(file))
                {
                    var read = ReadDoc(source);
                    Assert.False(string.IsNullOrWhiteSpace(read.Doc.Id));
                    Assert.All(read.Items, i => Assert.InRange(i.End, i.Start, read.Text.Length));
                    byFormat[read.Format] = byFormat.GetValueOrDefault(read.Format) + 1;
                    ok++;
                }
            }
            catch (DocumentFormatException e)
            {
                failed.Add(e.Message);
            }
        }

        Console.WriteLine($"corpus sweep: {ok} documents read, {failed.Count} files failed");
        foreach (var (format, count) in byFormat)
        {
            Console.WriteLine($"  {format}: {count}");
        }

        foreach (var f in failed)
        {
            Console.WriteLine($"  failed: {f}");
        }

        Assert.True(ok > 7000, $"only {ok} documents read");
        Assert.True(failed.Count <= 3, string.Join("\n", failed));
    }

    private static byte[] MinimalPdf()
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
            "<< /Length 0 >>\nstream\n\nendstream",
        };
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(sb.ToString()));
            sb.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(sb.ToString());
        sb.Append("xref\n0 ").Append(objects.Length + 1).Append("\n0000000000 65535 f \n");
        foreach (var o in offsets)
        {
            sb.Append(o.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        sb.Append("trailer\n<< /Size ").Append(objects.Length + 1).Append(" /Root 1 0 R >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    private static byte[] Cp1252(string text)
    {
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            bytes[i] = text[i] switch
            {
                '€' => 0x80,
                '–' => 0x96,
                var c when c < 0x100 => (byte)c,
                _ => (byte)'?',
            };
        }

        return bytes;
    }
}
