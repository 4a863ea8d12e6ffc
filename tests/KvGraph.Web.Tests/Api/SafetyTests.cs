using System.Net;
using KvGraph.Web.Hosting;
using KvGraph.Web.Tests.Support;

namespace KvGraph.Web.Tests.Api;

/// <summary>Read-only, validated input, bounded results, problem responses, no files outside the embedded pages.</summary>
public sealed class SafetyTests(SeedCorpus corpus) : ApiTestBase(corpus)
{
    [Theory]
    [InlineData("/api/document", "id")]
    [InlineData("/api/document?id=../../etc/passwd", "id")]
    [InlineData("/api/document?id=%3Cscript%3E", "id")]
    [InlineData("/api/search?q=", "q")]
    [InlineData("/api/search?q=x&pageSize=1000", "pageSize")]
    [InlineData("/api/search?q=x&page=0", "page")]
    [InlineData("/api/trace?id=kst-21501-20-1591&depth=99", "depth")]
    [InlineData("/api/neighbourhood?id=kst-21501-20-1591&limit=100000", "limit")]
    [InlineData("/api/cypher?view=..%2F..%2Fetc%2Fpasswd", "view")]
    [InlineData("/api/motions?pageSize=1000", "pageSize")]
    [InlineData("/api/motions?page=0", "page")]
    [InlineData("/api/motions?from=2021-02-30", "from")]
    [InlineData("/api/motions?to=morgen", "to")]
    [InlineData("/api/motions?party=%01", "party")]
    [InlineData("/api/motion?id=kst-1&limit=0", "limit")]
    public async Task Bad_input_is_a_400_problem_naming_the_field(string url, string field)
    {
        var (status, problem, mediaType) = await GetProblem(url);
        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task An_overlong_id_or_query_is_refused()
    {
        Assert.Equal(400, (await GetProblem("/api/document?id=" + new string('a', 201))).Status);
        Assert.Equal(400, (await GetProblem("/api/search?q=" + new string('a', 201))).Status);
        Assert.Equal(400, (await GetProblem("/api/motions?outcome=" + new string('a', 101))).Status);
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_problem()
    {
        var (status, problem, mediaType) = await GetProblem("/api/document?id=kst-99999-1");
        Assert.Equal(404, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Contains("kst-99999-1", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_is_read_only()
    {
        using var post = await Client.PostAsync(new Uri("/api/search?q=x", UriKind.Relative), new StringContent("{}"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        using var delete = await Client.DeleteAsync(new Uri($"/api/document?id={Enc(Corpus.Seed000Id)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
    }

    [Theory]
    [InlineData("/..%2f..%2fKvGraph.sln")]
    [InlineData("/app/..%2f..%2f..%2fseeds")]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/KvGraph.Web.csproj")]
    public async Task No_file_outside_the_embedded_pages_is_served(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Pages_and_cytoscape_are_served_from_the_app_itself_with_a_strict_content_security_policy()
    {
        using var index = await Client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", index.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        foreach (var page in new[] { "/index.html", "/doc.html", "/motion.html", "/motions.html", "/graph.html", "/person.html", "/party.html", "/dossier.html" })
        {
            var html = await Client.GetStringAsync(new Uri(page, UriKind.Relative));
            Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("href=\"http", html, StringComparison.OrdinalIgnoreCase);
        }

        var lib = await Client.GetStringAsync(new Uri("/lib/cytoscape.min.js", UriKind.Relative));
        Assert.True(lib.Length > 100_000, "cytoscape.min.js is the real library copied from npm");
        Assert.Contains("cytoscape", lib, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_is_documented_with_openapi()
    {
        var doc = await GetJson("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[] { "/api/search", "/api/document", "/api/neighbourhood", "/api/trace", "/api/related", "/api/motion", "/api/motions", "/api/motions/stats", "/api/cypher", "/api/overview", "/api/person", "/api/party", "/api/dossier", "/api/document/people", "/api/motions.csv" })
        {
            Assert.Contains(path, paths);
        }
    }

    [Fact]
    public async Task The_app_listens_on_loopback_unless_told_otherwise()
    {
        var app = ExplorerHost.Build([], _ => Corpus.Source);
        await using (app.ConfigureAwait(false))
        {
            Assert.Equal(ExplorerHost.DefaultUrl, app.Configuration["urls"]);
            Assert.StartsWith("http://127.0.0.1:", ExplorerHost.DefaultUrl, StringComparison.Ordinal);
        }

        var custom = ExplorerHost.Build(["--urls", "http://127.0.0.1:0"], _ => Corpus.Source);
        await using (custom.ConfigureAwait(false))
        {
            Assert.Equal("http://127.0.0.1:0", custom.Configuration["urls"]);
        }
    }
}
