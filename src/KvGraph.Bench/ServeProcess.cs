using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using KvGraph.Store;

namespace KvGraph.Bench;

/// <summary>
/// <c>kvgraph serve</c> over a store as a child process on a free loopback port, for load runs: started, waited for
/// until <c>/api/status</c> answers, killed with its process tree when disposed. The end-to-end bench and the load
/// benchmark both start the explorer through this one type.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServeProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>Where the explorer listens.</summary>
    public Uri Url { get; }

    /// <summary>The server's process id (for memory sampling).</summary>
    public int Id => _process.Id;

    /// <summary>Its resident memory now (VmRSS), or null when it cannot be read.</summary>
    public long? ResidentBytes() => ChildProcess.ResidentBytes(_process.Id);

    /// <summary>Its anonymous resident memory now (RssAnon: heap and stacks, not the store's mapped pages), or null.</summary>
    public long? AnonymousBytes() => ChildProcess.AnonymousBytes(_process.Id);

    /// <summary>Its peak resident memory so far (VmHWM, mapped store pages included), or null.</summary>
    public long? PeakResidentBytes() => ChildProcess.PeakResidentBytes(_process.Id);

    /// <summary>Starts <c>serve --store <paramref name="store"/></c> and returns once it answers; <paramref name="errors"/> receives its stderr lines.</summary>
    public static async Task<ServeProcess> StartAsync(KvgraphCommand kvgraph, string store, Action<string>? errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kvgraph);
        var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort()}"));
        var start = new ProcessStartInfo(kvgraph.FileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in kvgraph.Prefix.Concat(["serve", "--store", Path.GetFullPath(store), "--urls", url.ToString().TrimEnd('/')]))
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start kvgraph serve");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                errors?.Invoke(line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServeProcess(process, url);
        try
        {
            await WaitUntilAnswersAsync(url, process, cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits until the explorer at <paramref name="url"/> answers <c>/api/status</c>; fails if <paramref name="process"/> exits first.</summary>
    public static async Task WaitUntilAnswersAsync(Uri url, Process? process, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(30) };
        while (true)
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"kvgraph serve exited with code {process.ExitCode} before it answered");
            }

            try
            {
                using var status = await http.GetAsync(new Uri("/api/status", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                if (status.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The store's documents as the load driver samples them.</summary>
    public static IReadOnlyList<LoadDocument> Documents(string store)
    {
        using var kv = KvStore.OpenReadOnly(store);
        return [.. kv.Documents().Select(d => new LoadDocument(d.Id, d.Kind, d.Title))];
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
