using KvGraph.Core.Extraction;
using KvGraph.Core.Model;

namespace KvGraph.Core.Entities;

/// <summary>Countries by Dutch name, adjective or demonym; the id is ISO 3166-1 alpha-2 (see <see cref="Countries"/>).</summary>
internal sealed class CountryRecognizer : IEntityRecognizer
{
    public string Name => "country";

    public IReadOnlyList<string> Triggers => [];

    public IEnumerable<Entity> Find(RecognitionContext context) =>
        Countries.Lexicon.Find(context.Tokens, context.Cancellation).Select(m => new Entity(EntityKind.Country, m.Value.Code, m.Value.Name, m.Start, m.End)
        {
            Quote = context.Text[m.Start..m.End],
        });
}
