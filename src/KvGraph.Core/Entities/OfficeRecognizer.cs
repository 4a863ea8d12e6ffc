using KvGraph.Core.Extraction;
using KvGraph.Core.Model;

namespace KvGraph.Core.Entities;

/// <summary>Ministries and ministers' posts named in the text ("het Ministerie van Buitenlandse Zaken", "VWS").</summary>
internal sealed class OfficeRecognizer : IEntityRecognizer
{
    public string Name => "office";

    public IReadOnlyList<string> Triggers => [];

    public IEnumerable<Entity> Find(RecognitionContext context) =>
        Offices.Lexicon.Find(context.Tokens, context.Cancellation).Select(m => new Entity(EntityKind.Office, m.Value.Id, m.Value.Name, m.Start, m.End)
        {
            Quote = context.Text[m.Start..m.End],
        });
}
