using KvGraph.Core.Extraction;
using KvGraph.Core.Model;

namespace KvGraph.Core.Entities;

/// <summary>
/// Topics from the document's metadata (Onderwerpen; no span, Start and End -1) and keyword mentions
/// from <see cref="Topics"/>.
/// </summary>
internal sealed class TopicRecognizer : IEntityRecognizer
{
    public string Name => "topic";

    public IReadOnlyList<string> Triggers => [];

    public IEnumerable<Entity> Find(RecognitionContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in context.Doc.Topics)
        {
            var name = raw.Trim();
            if (name.Length > 0 && TextFold.Slug(name).Length > 0 && seen.Add(Topics.IdFor(name)))
            {
                yield return new Entity(EntityKind.Topic, Topics.IdFor(name), name, -1, -1);
            }
        }

        foreach (var m in Topics.Lexicon.Find(context.Tokens, context.Cancellation))
        {
            yield return new Entity(EntityKind.Topic, m.Value.Id, m.Value.Name, m.Start, m.End)
            {
                Quote = context.Text[m.Start..m.End],
            };
        }
    }
}
