using System.Reflection;
using KvGraph.Web.Api;
using KvGraph.Web.Cypher;
using KvGraph.Web.Data;
using Microsoft.Extensions.FileProviders;

namespace KvGraph.Web.Hosting;

/// <summary>
/// Builds the explorer on the generic host: services, the JSON API, OpenAPI and the pages, which are embedded in
/// this assembly so the app serves the same files wherever it runs from, without any network at run time.
/// </summary>
public static class ExplorerHost
{
    /// <summary>Where the explorer listens unless told otherwise: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5000";

    /// <summary>
    /// Creates the web application. <paramref name="sourceFactory"/> opens the data (the embedded store); it is
    /// called once, lazily, so tests can replace <see cref="IExplorerSource"/> before anything is opened.
    /// </summary>
    public static WebApplication Build(string[] args, Func<IServiceProvider, IExplorerSource> sourceFactory, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(sourceFactory);
        // No content root of its own: the pages are embedded, and WebApplicationFactory sets the root in tests.
        var builder = WebApplication.CreateBuilder(args);

        // Loopback unless the user asked for other addresses (--urls, ASPNETCORE_URLS or configuration).
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        AddExplorer(builder.Services, sourceFactory, builder.Configuration["cypher"]);
        configure?.Invoke(builder);
        var app = builder.Build();
        UseExplorer(app);
        return app;
    }

    /// <summary>The header on every API response from a store whose last build did not finish.</summary>
    public const string UnfinishedHeader = "KvGraph-Store-Unfinished";

    /// <summary>The header's value: <c>started=&lt;ISO 8601 UTC&gt;; version=N</c> (<c>started=none</c> when no build left its start).</summary>
    public static string UnfinishedHeaderValue(StoreUnfinished unfinished)
    {
        ArgumentNullException.ThrowIfNull(unfinished);
        var started = unfinished.Started is { } s ? s.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) : "none";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"started={started}; version={unfinished.Version}");
    }

    /// <summary>Registers the explorer's services.</summary>
    public static IServiceCollection AddExplorer(IServiceCollection services, Func<IServiceProvider, IExplorerSource> sourceFactory, string? cypherDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(sourceFactory);
        services.AddSingleton<IExplorerData>(sp => new SnapshotExplorerData(sp.GetRequiredService<IExplorerSource>()));
        services.AddSingleton(sp => new PagesData(sp.GetRequiredService<IExplorerSource>()));
        services.AddSingleton(_ => new CypherCatalog(
            string.IsNullOrWhiteSpace(cypherDirectory) ? CypherCatalog.Locate(Environment.CurrentDirectory, AppContext.BaseDirectory) : Path.GetFullPath(cypherDirectory)));
        // The views' JSON metadata is generated at compile time (ExplorerJsonContext): the native build has no other.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ExplorerJsonContext.Default));
        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "KvGraph explorer API";
            doc.Info.Description = "Read-only JSON API over the KvGraph citation graph: search, document, neighbourhood, trace, related, motion, the motions list and counts, and the Cypher behind each view.";
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>Adds the middleware and endpoints: problem responses, security headers, pages, API and OpenAPI.</summary>
    public static WebApplication UseExplorer(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // A value the binder cannot read (a page size past any integer) is the client's error: 400, not 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            // The pages only ever load their own scripts; inline script cannot run even if text slipped through.
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";

            // Every API answer says when it comes from a store whose last build did not finish (the pages show a banner).
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
                && context.RequestServices.GetRequiredService<IExplorerSource>().Unfinished is { } unfinished)
            {
                headers[UnfinishedHeader] = UnfinishedHeaderValue(unfinished);
            }

            await next(context).ConfigureAwait(false);
        });

        var files = new EmbeddedFileProvider(typeof(ExplorerHost).Assembly, "KvGraph.Web.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapExplorerApi();
        app.MapPagesApi();
        app.MapOpenApi();
        return app;
    }

    /// <summary>The names of the embedded page files (for diagnostics and tests).</summary>
    public static IReadOnlyList<string> EmbeddedFiles() =>
        [.. typeof(ExplorerHost).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("KvGraph.Web.wwwroot.", StringComparison.Ordinal))];

    internal static Assembly Assembly => typeof(ExplorerHost).Assembly;
}
