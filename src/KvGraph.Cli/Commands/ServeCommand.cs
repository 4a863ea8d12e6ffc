using System.CommandLine;
using KvGraph.Cli.Hosting;
using KvGraph.Web.Data;
using KvGraph.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace KvGraph.Cli.Commands;

/// <summary><c>kvgraph serve</c>: the local web explorer over the store, on the generic host, loopback by default.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var urls = new Option<string?>("--urls")
        {
            Description = $"Addresses to listen on, separated by ';' (default {ExplorerHost.DefaultUrl}: this machine only)",
        };
        var cypher = new Option<string?>("--cypher")
        {
            Description = "The folder of .cypher statements shown by \"Show as Cypher\" (default: cypher/queries above the working folder)",
        };
        var command = new Command("serve", "Start the local web explorer: search, documents with citations highlighted, graph, motions, related questions.");
        command.Options.Add(urls);
        command.Options.Add(cypher);
        return command.WithAction(async (result, ct) =>
        {
            var storePath = context.StorePath(result);
            using var source = new StoreExplorerSource(context.OpenExistingStore(result));
            if (source.Unfinished is { } unfinished)
            {
                result.InvocationConfiguration.Error.WriteLine($"Notice: {unfinished.Notice}");
            }

            var args = new List<string>();
            if (result.GetValue(urls) is { Length: > 0 } u)
            {
                args.AddRange(["--urls", u]);
            }

            if (result.GetValue(cypher) is { Length: > 0 } c)
            {
                args.AddRange(["--cypher", Path.GetFullPath(c)]);
            }

            var app = ExplorerHost.Build([.. args], _ => source);
            await using (app.ConfigureAwait(false))
            {
                await app.StartAsync(ct).ConfigureAwait(false);
                foreach (var url in app.Urls)
                {
                    context.Console.MarkupLineInterpolated($"KvGraph explorer on [link]{url}[/] (store {storePath}). Press Ctrl+C to stop.");
                    if (!url.Contains("127.0.0.1", StringComparison.Ordinal) && !url.Contains("localhost", StringComparison.OrdinalIgnoreCase) && !url.Contains("[::1]", StringComparison.Ordinal))
                    {
                        context.Console.MarkupLineInterpolated($"[yellow]Warning:[/] {url} is reachable from other machines.");
                    }
                }

                await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
            }

            return 0;
        });
    }
}
