using KvGraph.Web.Data;
using KvGraph.Web.Hosting;
using KvGraph.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace KvGraph.Web.Tests.Browser;

/// <summary>The explorer over the seed store, in the browser.</summary>
public sealed class BrowserHost(SeedCorpus corpus) : BrowserHostBase(() => corpus.Source, null);

/// <summary>The explorer over the real corpus store, in the browser; skipped, saying why, when the corpus is absent.</summary>
public sealed class CorpusBrowserHost(RealCorpus corpus) : BrowserHostBase(() => corpus.Source, corpus.SkipReason);

/// <summary>
/// The explorer on a real Kestrel port on loopback, and Debian's headless Chromium driven by Playwright.
/// Playwright never downloads a browser here: it is pointed at /usr/bin/chromium, and the tests skip, saying why,
/// when that is missing.
/// </summary>
public abstract class BrowserHostBase : IAsyncLifetime
{
    /// <summary>The Chromium the tests drive (KVGRAPH_CHROMIUM overrides).</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("KVGRAPH_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly Func<IExplorerSource> source;
    private WebApplication? app;
    private IPlaywright? playwright;

    protected BrowserHostBase(Func<IExplorerSource> source, string? skipReason)
    {
        this.source = source;
        SkipReason = skipReason;
    }

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public string? SkipReason { get; private set; }

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser? Browser { get; private set; }

    public async Task InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        if (!File.Exists(ChromiumPath))
        {
            SkipReason = $"{ChromiumPath} is missing: install Debian's chromium (apt-get install -y chromium) to run the browser tests.";
            return;
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        app = ExplorerHost.Build(["--urls", "http://127.0.0.1:0", "--cypher", WebPaths.CypherQueries], _ => new BorrowedSource(source()));
        await app.StartAsync();
        BaseUrl = app.Urls.Single().TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh page in its own context, with the viewport and timeout every browser test uses.</summary>
    public async Task<IPage> NewPage()
    {
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

/// <summary>The explorer over a store whose last build did not finish, in the browser.</summary>
public sealed class UnfinishedBrowserHost(UnfinishedStore store) : BrowserHostBase(() => store.Source, null);

/// <summary>
/// A collection's shared source lent to one host: not disposable, so the host's container (which disposes the singletons
/// its factory made) leaves the source for the next test class of the collection; the collection fixture disposes it.
/// </summary>
internal sealed class BorrowedSource(IExplorerSource inner) : IExplorerSource
{
    public KvGraph.Core.Graph.ICitationGraph Graph => inner.Graph;

    // The store's own request reads and whole graph, not the interface's defaults (every view over point queries of the
    // served graph at version 0): the browser tests drive what `kvgraph serve` serves.
    public KvGraph.Core.Graph.ICitationGraph WholeGraph => inner.WholeGraph;

    public T Read<T>(Func<KvGraph.Core.Graph.ICitationGraph, long, T> read) => inner.Read(read);

    public StoreUnfinished? Unfinished => inner.Unfinished;

    public KvGraph.Core.Model.ExtractedDocument? GetDocument(string id) => inner.GetDocument(id);

    public KvGraph.Core.Model.DocumentInfo? GetDocumentInfo(string id) => inner.GetDocumentInfo(id);

    public SourceSearchResult Search(string query, KvGraph.Core.Graph.DocumentFilter filter, int offset, int limit) => inner.Search(query, filter, offset, limit);
}
