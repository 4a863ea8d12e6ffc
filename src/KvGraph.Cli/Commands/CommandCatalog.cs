using System.CommandLine;
using KvGraph.Cli.Hosting;

namespace KvGraph.Cli.Commands;

/// <summary>
/// The one place where commands are registered. Each command lives in its own file and has a
/// <c>static Command Create(CliContext context)</c>. To add one, add a line to <see cref="All"/>.
/// The Neo4j helper adds push/cypher/export (Commands/Neo4j*.cs) and the web helper serve (Commands/ServeCommand.cs).
/// </summary>
public static class CommandCatalog
{
    /// <summary>Every subcommand of <c>kvgraph</c>, in the order help shows them.</summary>
    public static IEnumerable<Command> All(CliContext context)
    {
        // Core (issue 2).
        yield return BuildCommand.Create(context);
        yield return ExtractCommand.Create(context);
        yield return ShowCommand.Create(context);
        yield return TraceCommand.Create(context);
        yield return RelatedCommand.Create(context);
        yield return SearchCommand.Create(context);
        yield return UnresolvedCommand.Create(context);
        yield return StatsCommand.Create(context);

        // Motions and their fate (issue 8).
        yield return MotionsCommand.Create(context);

        // Scale (issue 9): a generated corpus with its truth.
        yield return SynthCommand.Create(context);
        yield return BenchCommand.Create(context);

        // Neo4j (issue 3): push, cypher, export.
        yield return Neo4jPushCommand.Create(context);
        yield return Neo4jCypherCommand.Create(context);
        yield return Neo4jExportCommand.Create(context);

        // Web explorer (issue 4): serve — add here.
        yield return ServeCommand.Create(context);

        // Open data (issue 8): fetch motions from the Tweede Kamer OData API.
        yield return FetchCommand.Create(context);
    }
}
