using System.Diagnostics;
using KvGraph.TestSupport;
using Xunit.Abstractions;

namespace KvGraph.OpenData.Tests;

/// <summary><c>kvgraph fetch</c> itself: killed as a real process and resumed, its exit codes, and fetch → build → show end to end.</summary>
public sealed class CliFetchTests
{
    private readonly ITestOutputHelper _output;

    public CliFetchTests(ITestOutputHelper output) => _output = output;

    /// <summary>
    /// A real <c>kvgraph fetch</c> process is killed (SIGKILL) while its 6th page request hangs; the next run resumes at
    /// that page. The folder then holds exactly what one uninterrupted fetch writes, and across the killed and the
    /// resumed run every page was asked for once, except the one in flight at the kill, asked for twice.
    /// </summary>
    [SkippableFact]
    public async Task A_fetch_killed_mid_page_resumes_there_and_ends_with_the_same_files_as_an_uninterrupted_one()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, Support.NoCorpus);
        var zaken = ODataStandIn.CorpusZaken();
        await using var standIn = await ODataStandIn.StartAsync(zaken);
        standIn.FailOn(6, Fault.Hang);
        var killed = Support.NewFolder();

        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // kvgraph.dll from this test folder, run with this folder's own deps file: the test project's ASP.NET Core
        // framework reference means packages the CLI brings (Microsoft.Extensions.Hosting) come from the shared framework.
        var bin = AppContext.BaseDirectory;
        foreach (var arg in new[] { "exec", "--runtimeconfig", Path.Combine(bin, "KvGraph.OpenData.Tests.runtimeconfig.json"), "--depsfile", Path.Combine(bin, "KvGraph.OpenData.Tests.deps.json"), Path.Combine(bin, "kvgraph.dll"), "fetch", killed, "--base-url", standIn.BaseUrl.ToString(), "--rate", "50" })
        {
            psi.ArgumentList.Add(arg);
        }

        using (var process = Process.Start(psi)!)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var clock = Stopwatch.StartNew();
            while (standIn.Requests.Count < 6 && !process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(20);
            }

            if (process.HasExited)
            {
                Assert.Fail($"kvgraph fetch ended by itself: {await stdout}{await process.StandardError.ReadToEndAsync()}");
            }

            var seen = standIn.Requests;
            Assert.True(seen.Count == 6, string.Join('\n', seen.Select(r => $"{r.Number} {r.At:HH:mm:ss.fff} {r.PathAndQuery}")));
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            _output.WriteLine(await stdout);
        }

        var atKill = FetchState.Load(killed)!;
        Assert.True(atKill.InProgress);
        Assert.Equal(5, atKill.WalkPages);
        Assert.Equal(standIn.Requests[5].PathAndQuery, atKill.NextLink!.PathAndQuery);
        Assert.Equal(1250, Support.Files(killed).Count); // five server pages of 250

        var resume = await Support.Kvgraph("fetch", killed, "--base-url", standIn.BaseUrl.ToString(), "--rate", "50");
        _output.WriteLine(resume.Out);
        Assert.True(resume.Exit == 0, resume.Err);
        Assert.Contains("Resuming the walk stopped after page 5.", resume.Out, StringComparison.Ordinal);
        Assert.Contains("page 29: 71 records, 71 new", resume.Out, StringComparison.Ordinal);
        Assert.Contains("24 pages, 5821 records: 5821 new, 0 updated, 0 unchanged, 0 deleted; 0 retries", resume.Out, StringComparison.Ordinal);
        var walk = standIn.Requests.Select(r => r.PathAndQuery).ToList();
        Assert.Equal(30, walk.Count);
        Assert.Equal(walk[5], walk[6]); // the page in flight at the kill, asked again
        Assert.Equal(29, walk.Distinct(StringComparer.Ordinal).Count());

        var straight = Support.NewFolder();
        var reference = await Support.Kvgraph("fetch", straight, "--base-url", standIn.BaseUrl.ToString(), "--rate", "50");
        Assert.True(reference.Exit == 0, reference.Err);
        var a = Support.Files(killed);
        var b = Support.Files(straight);
        Assert.Equal(7071, a.Count);
        Assert.Equal(b.Keys.Order(StringComparer.Ordinal), a.Keys.Order(StringComparer.Ordinal));
        Assert.All(b, kv => Assert.True(kv.Value.AsSpan().SequenceEqual(a[kv.Key]), kv.Key));
        Assert.Empty(Directory.GetFiles(killed, "*.tmp", SearchOption.AllDirectories));
        Assert.Equal(FetchState.Load(straight)!.Mark, FetchState.Load(killed)!.Mark);
    }

    [Fact]
    public async Task Persistent_503s_make_fetch_exit_non_zero_naming_url_and_status_and_the_next_run_resumes()
    {
        var zaken = ODataStandIn.StemmingFixture();
        await using var standIn = await ODataStandIn.StartAsync(zaken);
        standIn.FailFrom(2, new Fault(FaultKind.Status, 503, RetryAfterSeconds: 0));
        var folder = Support.NewFolder();
        string[] args = ["fetch", folder, "--base-url", standIn.BaseUrl.ToString(), "--page-size", "2", "--rate", "20"];

        var failed = await Support.Kvgraph(args);

        Assert.Equal(2, failed.Exit);
        Assert.Contains("kvgraph: fetch stopped: GET http://127.0.0.1:", failed.Err, StringComparison.Ordinal);
        Assert.Contains("failed after 6 attempts; the last answer was HTTP 503 Service Unavailable: The service is unavailable.", failed.Err, StringComparison.Ordinal);
        Assert.Contains("run the same command again to resume", failed.Err, StringComparison.Ordinal);
        Assert.Contains("retry after HTTP 503 (attempt 5), waiting 0.0 s as Retry-After asks", failed.Out, StringComparison.Ordinal);
        Assert.Equal(7, standIn.Requests.Count);
        var stateBytes = File.ReadAllBytes(FetchState.PathIn(folder));
        Assert.Equal(1, FetchState.Load(folder)!.WalkPages);

        standIn.FailFrom(int.MaxValue, Fault.Drop); // the server recovers
        var resumed = await Support.Kvgraph(args);

        Assert.True(resumed.Exit == 0, resumed.Err);
        Assert.Contains("Resuming the walk stopped after page 1.", resumed.Out, StringComparison.Ordinal);
        Assert.Equal(standIn.Requests[1].PathAndQuery, standIn.Requests[7].PathAndQuery);
        Assert.NotEqual(stateBytes, File.ReadAllBytes(FetchState.PathIn(folder)));
        Support.AssertFilesAreServed(standIn, folder, zaken);
    }

    [Fact]
    public async Task A_400_makes_fetch_exit_non_zero_with_the_url_and_the_servers_message()
    {
        await using var standIn = await ODataStandIn.StartAsync(ODataStandIn.StemmingFixture());
        standIn.FailOn(1, Fault.Http(400));
        var folder = Support.NewFolder();

        var (exit, _, err) = await Support.Kvgraph("fetch", folder, "--base-url", standIn.BaseUrl.ToString());

        Assert.Equal(2, exit);
        Assert.Contains($"GET {MotionQuery.FirstPage(standIn.BaseUrl, null)} answered HTTP 400 Bad Request", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_options_are_user_errors()
    {
        var folder = Support.NewFolder();
        Assert.Contains("--rate", (await Support.Kvgraph("fetch", folder, "--rate", "0", "--base-url", "http://127.0.0.1:9/")).Err, StringComparison.Ordinal);
        Assert.Contains("--since not-a-date", (await Support.Kvgraph("fetch", folder, "--since", "not-a-date")).Err, StringComparison.Ordinal);
        Assert.Contains("--base-url ftp://x/", (await Support.Kvgraph("fetch", folder, "--base-url", "ftp://x/")).Err, StringComparison.Ordinal);
        Assert.Empty(Support.Files(folder));
    }

    /// <summary>Fetch from the stand-in, build the folder into a fresh store, and show a motion's fate.</summary>
    [SkippableFact]
    public async Task Fetched_files_build_into_the_store_and_show_2022Z00782_as_verworpen()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, Support.NoCorpus);
        var zaken = ODataStandIn.CorpusZaken().Concat(ODataStandIn.StemmingFixture()).ToList();
        await using var standIn = await ODataStandIn.StartAsync(zaken);
        var folder = Support.NewFolder();
        var store = Path.Combine(Support.NewFolder(), "kvgraph.db");

        var fetch = await Support.Kvgraph("fetch", folder, "--base-url", standIn.BaseUrl.ToString(), "--rate", "50");
        Assert.True(fetch.Exit == 0, fetch.Err);
        Assert.Contains("29 pages, 7075 records: 7075 new", fetch.Out, StringComparison.Ordinal);

        var build = await Support.Kvgraph("build", folder, "--store", store);
        Assert.True(build.Exit == 0, build.Out + build.Err);
        Assert.Contains("7075 files: 7075 extracted", build.Out, StringComparison.Ordinal); // fetch-state.json is not a document

        var show = await Support.Kvgraph("show", "2022Z00782", "--store", store);
        Assert.True(show.Exit == 0, show.Err);
        _output.WriteLine(show.Out);
        Assert.Contains("verworpen", show.Out, StringComparison.Ordinal);
        Assert.Contains("Simons", show.Out, StringComparison.Ordinal);

        var fixture = await Support.Kvgraph("show", "2018Z99726", "--store", store);
        Assert.True(fixture.Exit == 0, fixture.Err);
        Assert.Contains("verworpen", fixture.Out, StringComparison.Ordinal);
    }
}
