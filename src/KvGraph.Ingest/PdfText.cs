using System.Text;
using KvGraph.Core.Extraction;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace KvGraph.Ingest;

/// <summary>
/// Text of a PDF, page by page in content (reading) order, pages joined by a newline. A PDF whose pages carry no
/// text (a scan without OCR) is reported, not returned as an empty document.
/// </summary>
internal static class PdfText
{
    public static string Extract(string file, byte[] bytes)
    {
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            var sb = new StringBuilder();
            var letters = 0;
            foreach (Page page in pdf.GetPages())
            {
                var text = ContentOrderTextExtractor.GetText(page);
                letters += text.Count(char.IsLetter);
                if (sb.Length > 0)
                {
                    sb.Append('\n');
                }

                sb.Append(text.TrimEnd());
                sb.Append('\n');
            }

            if (letters == 0)
            {
                throw new DocumentFormatException(file, $"the PDF has {pdf.NumberOfPages} page(s) but no text layer (a scan without OCR?)");
            }

            return sb.ToString();
        }
        catch (DocumentFormatException)
        {
            throw;
        }
        catch (Exception e) when (e.GetType().Name.Contains("Encrypted", StringComparison.Ordinal))
        {
            throw new DocumentFormatException(file, $"the PDF is encrypted (password-protected) and cannot be read ({e.Message})", e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // PdfPig throws a range of exception types on damaged files; to the caller they all mean one thing.
            throw new DocumentFormatException(file, $"the PDF is damaged or unreadable ({e.GetType().Name}: {e.Message})", e);
        }
    }
}
