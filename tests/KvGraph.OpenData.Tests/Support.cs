using System.Text.Json.Nodes;
using KvGraph.Cli.Hosting;
using KvGraph.TestSupport;
using Spectre.Console;

namespace KvGraph.OpenData.Tests;

/// <summary>What the fetch tests share: a fetcher with short back-off aimed at a stand-in, the CLI in-process, the folder's files.</summary>
internal static class Support
{
    public const string NoCorpus = "the real corpus (../shared/corpus/raw/tkmoties-index) is not beside the clone";

    /// <summary>Options for tests: the stand-in's address, no rate wait to speak of, back-off in milliseconds.</summary>
    public static FetchOptions Options(ODataStandIn standIn, int? pageSize = null) => new()
    {
        BaseUrl = standIn.BaseUrl,
        PageSize = pageSize,
        RequestsPerSecond = 1000,
        BaseBackoff = TimeSpan.FromMilliseconds(20),
        MaxBackoff = TimeSpan.FromMilliseconds(200),
        MaxAttempts = 4,
        RequestTimeout = TimeSpan.FromSeconds(20),
    };

    public static async Task<FetchReport> FetchAsync(FetchOptions options, string folder, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        return await new MotionFetcher(http, options).RunAsync(folder, null, cancellationToken);
    }

    /// <summary>The zaak files of an output folder by Nummer, with their bytes.</summary>
    public static Dictionary<string, byte[]> Files(string folder)
    {
        var zaak = Path.Combine(folder, "zaak");
        return Directory.Exists(zaak)
            ? Directory.GetFiles(zaak).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal)
            : new Dictionary<string, byte[]>(StringComparer.Ordinal);
    }

    /// <summary>Asserts every file is the record exactly as the stand-in serves it, and that there is one per served record.</summary>
    public static void AssertFilesAreServed(ODataStandIn standIn, string folder, IEnumerable<JsonObject> zaken)
    {
        var files = Files(folder);
        var expected = zaken.Select(z => (string)z["Nummer"]!).ToList();
        Assert.Equal(expected.Select(n => n + ".json").Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
        foreach (var nummer in expected)
        {
            Assert.True(standIn.Served(nummer).AsSpan().SequenceEqual(files[nummer + ".json"]), $"{nummer}.json is not the record as served");
        }
    }

    /// <summary>Runs the real <c>kvgraph</c> command line in-process with a recording console.</summary>
    public static async Task<(int Exit, string Out, string Err)> Kvgraph(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 400;
        var exit = await CliApp.RunAsync(args, console, error);
        return (exit, output.ToString(), error.ToString());
    }

    public static string NewFolder() => TestPaths.NewTempDir("kvgraph-fetch");
}
