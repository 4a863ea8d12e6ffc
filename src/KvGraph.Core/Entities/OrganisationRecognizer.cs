using KvGraph.Core.Extraction;
using KvGraph.Core.Model;

namespace KvGraph.Core.Entities;

/// <summary>International and Dutch organisations (see <see cref="Organisations"/>); the longest name wins.</summary>
internal sealed class OrganisationRecognizer : IEntityRecognizer
{
    public string Name => "organisation";

    public IReadOnlyList<string> Triggers => [];

    public IEnumerable<Entity> Find(RecognitionContext context) =>
        Organisations.Lexicon.Find(context.Tokens, context.Cancellation).Select(m => new Entity(EntityKind.Organisation, m.Value.Id, m.Value.Name, m.Start, m.End)
        {
            Quote = context.Text[m.Start..m.End],
        });
}
