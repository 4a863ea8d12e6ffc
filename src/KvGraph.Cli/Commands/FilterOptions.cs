using System.CommandLine;
using KvGraph.Cli.Hosting;
using KvGraph.Core.Graph;

namespace KvGraph.Cli.Commands;

/// <summary>
/// The document filters (<c>--from --to --kind --answerer/--minister --asker --party --dossier --topic</c>), the same
/// options on every command that lists documents; read into Core's one <see cref="DocumentFilter"/>, whose messages for
/// bad values the user sees as they are.
/// </summary>
internal sealed class FilterOptions
{
    private readonly Option<string?> from = new("--from") { Description = "Documents dated on or after (yyyy-MM-dd, yyyy-MM or yyyy)" };
    private readonly Option<string?> to = new("--to") { Description = "Documents dated on or before (yyyy-MM-dd, yyyy-MM or yyyy), inclusive" };
    private readonly Option<string[]> kind = new("--kind") { Description = $"Only these kinds ({string.Join(", ", DocumentFilter.KnownKinds)}); repeat or comma-separate", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string?> answerer = new("--answerer", "--minister") { Description = "Answered by this person (Kaag, person:kaag) or office (\"minister van Buitenlandse Zaken\")" };
    private readonly Option<string?> asker = new("--asker") { Description = "Asked by this member (Sjoerdsma, person:sjoerdsma)" };
    private readonly Option<string?> party = new("--party") { Description = "An asker's or sponsor's party on the document's date (GL, GroenLinks, D66)" };
    private readonly Option<string?> dossier = new("--dossier") { Description = "The Kamerstuk dossier (21501-20, 36200-VII)" };
    private readonly Option<string?> topic = new("--topic") { Description = "About this topic (the TK subject)" };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public FilterOptions AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var o in new Option[] { from, to, kind, answerer, asker, party, dossier, topic })
        {
            command.Options.Add(o);
        }

        return this;
    }

    /// <summary>The filter the user gave (none: <see cref="DocumentFilter.None"/>); a bad value is a user error with Core's message.</summary>
    public DocumentFilter Read(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        try
        {
            return DocumentFilter.Parse(
                result.GetValue(from), result.GetValue(to), result.GetValue(kind), result.GetValue(answerer), result.GetValue(asker),
                result.GetValue(party), result.GetValue(dossier), result.GetValue(topic));
        }
        catch (DocumentFilterException e)
        {
            throw new CliUserException(e.UserMessage);
        }
    }
}
