using KvGraph.Core.Extraction;
using KvGraph.Core.Model;

namespace KvGraph.Core.Tests.Entities;

/// <summary>Runs one recogniser over a sentence, as the extractor would, and checks each entity's evidence.</summary>
internal static class EntityKit
{
    public static IReadOnlyList<Entity> Run(IEntityRecognizer recognizer, string text, DateOnly? reference = null, int? inferredYear = null, IReadOnlyList<string>? topics = null)
    {
        var doc = new DocumentInfo { Kind = DocumentKind.Answer, Id = "file:spec", Topics = topics ?? [] };
        var context = new RecognitionContext(text, doc, []) { ReferenceDate = reference, InferredYear = inferredYear };
        var found = recognizer.Find(context).ToList();
        foreach (var e in found.Where(e => e.Start >= 0))
        {
            // Every span must be the quote it claims, or the evidence is worthless.
            Assert.Equal(text[e.Start..e.End], e.Quote);
        }

        return found;
    }
}
