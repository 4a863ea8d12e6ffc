using System.CommandLine;

namespace KvGraph.Cli.Hosting;

/// <summary>Wraps command actions so user errors print a clear message (exit code 2) instead of a stack trace.</summary>
public static class CommandActions
{
    /// <summary>Sets <paramref name="action"/> on <paramref name="command"/>, catching user errors.</summary>
    public static Command WithAction(this Command command, Func<ParseResult, CancellationToken, Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.SetAction(async (result, ct) =>
        {
            try
            {
                return await action(result, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (CliApp.UserMessage(ex) is { } message)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"kvgraph: {message}").ConfigureAwait(false);
                return 2;
            }
        });
        return command;
    }

    /// <summary>Synchronous variant.</summary>
    public static Command WithAction(this Command command, Func<ParseResult, int> action) =>
        command.WithAction((r, _) => Task.FromResult(action(r)));
}
