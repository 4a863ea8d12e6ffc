using KvGraph.Core.Extraction;
using KvGraph.Core.Model;

namespace KvGraph.Core.Entities;

/// <summary>
/// Party mentions in running text and in brackets after a name ("Kuzu (DENK)", "Van Ojik (GL)").
/// Id and display name come from <see cref="Parties"/>.
/// </summary>
internal sealed class PartyRecognizer : IEntityRecognizer
{
    public string Name => "party";

    public IReadOnlyList<string> Triggers => [];

    public IEnumerable<Entity> Find(RecognitionContext context)
    {
        var text = context.Text;
        foreach (var m in Parties.Lexicon.Find(context.Tokens, context.Cancellation))
        {
            // "230 Volt" is a voltage, not the party.
            if (m.Value.Id == "party:volt" && m.Start >= 2 && char.IsDigit(text[m.Start - 2]))
            {
                continue;
            }

            yield return new Entity(EntityKind.Party, m.Value.Id, m.Value.Name, m.Start, m.End)
            {
                Quote = text[m.Start..m.End],
            };
        }
    }
}
