using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using KvGraph.TestSupport;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace KvGraph.Cli.Tests;

/// <summary>
/// The native (ahead-of-time compiled) kvgraph against the JIT build these tests run beside (kvgraph.dll): the same
/// commands on the same real documents must print the same bytes on stdout and stderr and exit with the same code, and
/// the explorer must answer every endpoint with the same status, content type and body. The native binary is
/// <c>KVGRAPH_NATIVE</c> (tests/run.sh publishes it once); without it the fixture publishes it itself, as the README
/// says, so a machine that cannot build it fails here with the publish's output rather than skipping.
/// </summary>
public sealed partial class NativeExecutableTests(NativeExecutableTests.Binaries binaries, ITestOutputHelper output)
    : IClassFixture<NativeExecutableTests.Binaries>
{
    private static readonly string Raw = TestPaths.CorpusRaw;

    /// <summary>The corpus folders both builds read: motion texts, Handelingen XML, Q/A documents of two sources.</summary>
    private static readonly string[] BuildInputs =
    [
        Path.Combine(Raw, "moties-toegelicht"),
        Path.Combine(Raw, "handelingen-xml-2018"),
        Path.Combine(Raw, "kamervragen-limburg"),
        Path.Combine(Raw, "learninglion-kamervragen", "txt"),
    ];

    [Fact]
    public void Extract_prints_the_same_json_and_text_for_real_documents_of_every_format()
    {
        binaries.Require();
        string[] files =
        [
            First(Path.Combine(Raw, "learninglion-kamervragen", "txt"), "*.txt"),
            First(Path.Combine(Raw, "learninglion-kamervragen", "pdf"), "*.pdf"),
            First(Path.Combine(Raw, "moties-toegelicht", "motions"), "*.txt"),
            First(Path.Combine(Raw, "handelingen-xml-2018"), "*.xml"),
            First(Path.Combine(Raw, "kamervragen-limburg", "docs"), "*"),
        ];
        foreach (var format in new[] { "json", "text" })
        {
            foreach (var file in files)
            {
                Same(binaries.Scratch, ["extract", file, "--format", format]);
            }
        }

        Same(binaries.Scratch, ["extract", Path.Combine(Raw, "tkmoties-index", "moties_2022_2023.jsonl"), "--format", "jsonl"]);
        Same(binaries.Scratch, ["extract", Path.Combine(Raw, "handelingen-xml-2018"), "--format", "json"]);
        var missing = Same(binaries.Scratch, ["extract", Path.Combine(binaries.Scratch, "no-such-file.txt")]);
        Assert.NotEqual(0, missing.Exit);
    }

    [Fact]
    public void Build_of_corpus_folders_prints_the_same_summary_and_stores_the_same_rows()
    {
        binaries.Require();
        var (jit, native) = (binaries.JitBuild, binaries.NativeBuild);
        Assert.Equal(0, jit.Exit);
        // The summary names each store's own path and the build's wall time.
        Assert.Equal(
            jit with { Out = Untimed(jit.Out.Replace(binaries.JitStoreDir, "STORE", StringComparison.Ordinal)) },
            native with { Out = Untimed(native.Out.Replace(binaries.NativeStoreDir, "STORE", StringComparison.Ordinal)) });
        foreach (var table in StoreTables)
        {
            Assert.Equal(Rows(Path.Combine(binaries.JitStoreDir, "kvgraph.db"), table), Rows(Path.Combine(binaries.NativeStoreDir, "kvgraph.db"), table));
        }

        // The extractor's fingerprint (FileWorker: the module version ids of Core and Ingest, and the extractor type) is
        // left out of Rows() and compared here: every build maps its source paths (Directory.Build.props), so the native
        // publish, which compiles Core and Ingest again in another obj folder, gets the JIT build's ids, and a store built by
        // one binary is not extracted again by the other. Each build stores one fingerprint, on every file it read.
        var fingerprints = Distinct(Path.Combine(binaries.JitStoreDir, "kvgraph.db"));
        Assert.Single(fingerprints.Split(','));
        Assert.Contains(":KvGraph.Core.Extraction.", fingerprints, StringComparison.Ordinal);
        Assert.Equal(fingerprints, Distinct(Path.Combine(binaries.NativeStoreDir, "kvgraph.db")));
    }

    [Fact]
    public void Queries_print_the_same_bytes_in_every_format()
    {
        binaries.Require();
        var ids = binaries.Ids;
        var dir = binaries.JitStoreDir;
        foreach (var format in new[] { "table", "json", "jsonl", "csv" })
        {
            Same(dir, ["show", ids.Question, "--format", format]);
            Same(dir, ["show", ids.MostCited, "--format", format]);
            Same(dir, ["trace", ids.Answer, "--depth", "10", "--format", format]);
            Same(dir, ["trace", ids.MostCited, "--depth", "10", "--reverse", "--format", format]);
            Same(dir, ["related", ids.Question, "--format", format]);
            Same(dir, ["search", "motie", "--format", format]);
            Same(dir, ["stats", "--format", format]);
            Same(dir, ["unresolved", "--format", format]);
        }

        foreach (var format in new[] { "table", "json", "csv" })
        {
            Same(dir, ["motions", "--format", format]);
            Same(dir, ["motions", "--decided", "--limit", "5", "--format", format]);
        }

        Same(dir, ["show", ids.Motion, "--format", "json"]);
        Same(dir, ["show", ids.Person]);
        Same(dir, ["search", "belasting", "--kind", "question", "--from", "2020", "--format", "json"]);
        Assert.NotEqual(0, Same(dir, ["show", "kst-99999-999"]).Exit);
        Assert.NotEqual(0, Same(dir, ["trace", "not an id"]).Exit);
        Assert.NotEqual(0, Same(dir, ["search", "x", "--from", "2020-13"]).Exit);
        Assert.NotEqual(0, Same(dir, ["show", "x", "--store", Path.Combine(binaries.Scratch, "absent.db")]).Exit);
        Same(dir, ["--help"]);
        Same(dir, ["show", "--help"]);
    }

    [Fact]
    public void Export_writes_the_same_files_and_cypher_fails_the_same_without_a_server()
    {
        binaries.Require();
        foreach (var format in new[] { "neo4j-admin", "cypher", "graphml" })
        {
            var jitOut = Path.Combine(binaries.Scratch, $"export-{format}-jit");
            var nativeOut = Path.Combine(binaries.Scratch, $"export-{format}-native");
            var jit = binaries.Run(binaries.Jit, binaries.JitStoreDir, ["export", jitOut, "--format", format]);
            var native = binaries.Run(binaries.Native, binaries.JitStoreDir, ["export", nativeOut, "--format", format]);
            Assert.Equal(0, jit.Exit);
            Assert.Equal(jit with { Out = jit.Out.Replace(jitOut, "OUT", StringComparison.Ordinal) }, native with { Out = native.Out.Replace(nativeOut, "OUT", StringComparison.Ordinal) });
            var jitFiles = Directory.GetFiles(jitOut, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(jitOut, f)).Order(StringComparer.Ordinal).ToList();
            Assert.NotEmpty(jitFiles);
            Assert.Equal(jitFiles, Directory.GetFiles(nativeOut, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(nativeOut, f)).Order(StringComparer.Ordinal));
            foreach (var f in jitFiles)
            {
                Assert.True(File.ReadAllBytes(Path.Combine(jitOut, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(nativeOut, f))), $"{format}: {f} differs");
            }
        }

        // Nothing listens on a port just released: both must report the same connection failure.
        var closed = $"http://127.0.0.1:{FreePort()}";
        Assert.NotEqual(0, Same(binaries.JitStoreDir, ["cypher", "MATCH (n) RETURN count(n)", "--neo4j", closed]).Exit);
        Assert.NotEqual(0, Same(binaries.JitStoreDir, ["push", "--neo4j", closed]).Exit);
    }

    [Fact]
    public async Task Serve_answers_every_api_endpoint_and_page_with_the_same_bytes()
    {
        binaries.Require();
        var ids = binaries.Ids;
        string[] paths =
        [
            "/", "/motion.html", "/app/common.js", "/openapi/v1.json",
            "/api/status",
            "/api/search?q=motie", "/api/search?q=belasting&kind=question&from=2020&page=1&pageSize=5", "/api/search", "/api/search?q=x&from=2020-13",
            $"/api/document?id={ids.Question}", $"/api/document?id={ids.MostCited}", $"/api/document?id={ids.Motion}", "/api/document?id=kst-99999-999",
            $"/api/neighbourhood?id={ids.MostCited}&limit=50",
            $"/api/trace?id={ids.Answer}&depth=10", $"/api/trace?id={ids.MostCited}&depth=10&reverse=true", "/api/trace?id=x&depth=99",
            $"/api/related?id={ids.Question}",
            $"/api/motion?id={ids.Motion}",
            "/api/motions", "/api/motions?decided=true&pageSize=5", "/api/motions?page=0",
            "/api/motions/stats",
            $"/api/cypher?view=trace&id={ids.Answer}&depth=3", "/api/cypher?view=search&q=motie", "/api/cypher?view=nothing",
            "/api/overview", "/api/overview?format=csv&list=recentAnswers",
            $"/api/person?id={ids.Person}", $"/api/party?id={ids.Party}", $"/api/dossier?id={ids.Dossier}",
            $"/api/document/people?id={ids.Question}",
            "/api/motions.csv?pageSize=20", "/api/search.csv?q=motie",
        ];
        await using var jit = await Explorer.Start(binaries, binaries.Jit);
        await using var native = await Explorer.Start(binaries, binaries.Native);
        var differ = new List<string>();
        foreach (var path in paths)
        {
            var a = await jit.Get(path);
            var b = await native.Get(path);
            output.WriteLine($"{path} → {a.Status} {a.Body.Length} bytes{(a == b ? string.Empty : $"; native: {b.Status} {b.Body.Length} bytes, differs")}");
            if (a != b)
            {
                differ.Add(path);
            }
        }

        Assert.True(differ.Count == 0, $"the native explorer answers differently: {string.Join(", ", differ)} (the test output has each)");
    }

    // Every table a build fills from the documents (not the migrations' or builds' times in migrations and meta; files
    // apart, below).
    private static readonly string[] StoreTables =
        ["files", "documents", "aliases", "nodes", "edges", "rnodes", "redges", "rfeatures", "rcases", "rmerged", "rcounts", "person_short", "documents_fts_content"];

    // A table's rows by content: files are numbered in the order parallel extraction finishes them, so a row names its
    // file by path, and the numbers (file ids, document rowids) are left out, as is the extractor's fingerprint.
    private static List<string> Rows(string store, string table)
    {
        using var db = Open(store);
        var columns = new List<string>();
        using (var info = db.CreateCommand())
        {
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
            using var r = info.ExecuteReader();
            while (r.Read())
            {
                columns.Add(r.GetString(0));
            }
        }

        string[] numbers = table is "files" or "documents_fts_content" ? ["id", "rowid", "file_id", "extractor"] : ["rowid", "file_id"];
        var kept = columns.Where(c => !numbers.Contains(c)).Select(c => $"t.{c}").ToList();
        if (columns.Contains("file_id"))
        {
            kept.Insert(0, "(SELECT path FROM files WHERE id = t.file_id)");
        }

        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT {string.Join(", ", kept)} FROM {table} t";
        using var reader = cmd.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('\u001f', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static string Distinct(string store)
    {
        using var db = Open(store);
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT group_concat(DISTINCT extractor) FROM files";
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }

    private static SqliteConnection Open(string store)
    {
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store, Mode = SqliteOpenMode.ReadOnly }.ToString());
        db.Open();
        return db;
    }

    // Wall times in what a command prints: a build's summary ("... 0 pruned, in 4.42 s"), a retried connection's
    // message ("still failing after 5 retries over 5.6 s").
    private static string Untimed(string text) => BuildTime().Replace(text, "$1 <t> s");

    [GeneratedRegex(@"\b(in|over) \d+(\.\d+)? s\b")]
    private static partial Regex BuildTime();

    [GeneratedRegex("\"traceId\":\"[0-9a-f-]+\"")]
    private static partial Regex TraceId();

    private static string First(string folder, string pattern) =>
        Directory.GetFiles(folder, pattern).Where(f => !Path.GetFileName(f).Equals("PROVENANCE.md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).First();

    private Result Same(string workDir, string[] args)
    {
        var jit = binaries.Run(binaries.Jit, workDir, args);
        var native = binaries.Run(binaries.Native, workDir, args);
        output.WriteLine($"kvgraph {string.Join(' ', args)} → {jit.Exit}, {jit.Out.Length} + {jit.Err.Length} chars");
        Assert.Equal(jit with { Out = Untimed(jit.Out), Err = Untimed(jit.Err) }, native with { Out = Untimed(native.Out), Err = Untimed(native.Err) });
        return jit;
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public sealed record Result(int Exit, string Out, string Err);

    public sealed record Response(HttpStatusCode Status, string? ContentType, string Body);

    /// <summary>One <c>kvgraph serve</c> over the JIT-built store on a free loopback port, stopped at the end.</summary>
    private sealed class Explorer : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly HttpClient _http;

        private Explorer(Process process, Uri root)
        {
            _process = process;
            _http = new HttpClient { BaseAddress = root, Timeout = TimeSpan.FromMinutes(1) };
        }

        public static async Task<Explorer> Start(Binaries binaries, string[] command)
        {
            var root = new Uri($"http://127.0.0.1:{FreePort()}");
            var psi = binaries.StartInfo(command, binaries.JitStoreDir, ["serve", "--urls", root.ToString().TrimEnd('/'), "--cypher", TestPaths.Cypher]);
            var process = Process.Start(psi)!;
            var started = new TaskCompletionSource();
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data?.Contains("KvGraph explorer on", StringComparison.Ordinal) == true)
                {
                    started.TrySetResult();
                }
            };
            var errors = new StringBuilder();
            process.ErrorDataReceived += (_, e) => errors.AppendLine(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var explorer = new Explorer(process, root);
            if (await Task.WhenAny(started.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(2))) != started.Task)
            {
                await explorer.DisposeAsync();
                Assert.Fail($"{string.Join(' ', command)} serve did not start: {errors}");
            }

            return explorer;
        }

        public async Task<Response> Get(string path)
        {
            using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
            // A problem response's traceId is new per request, and the OpenAPI document names the server's own address.
            var body = TraceId().Replace(await response.Content.ReadAsStringAsync(), "\"traceId\":\"…\"")
                .Replace(_http.BaseAddress!.Authority, "127.0.0.1:PORT", StringComparison.Ordinal);
            return new Response(response.StatusCode, response.Content.Headers.ContentType?.ToString(), body);
        }

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }
    }

    /// <summary>The ids the query tests ask about, read from the JIT-built store: one of each kind and the most cited target.</summary>
    public sealed record StoreIds(string Question, string Answer, string Motion, string MostCited, string Person, string Party, string Dossier);

    /// <summary>
    /// The two kvgraphs (the JIT build beside the tests, the native binary) and a store built from the corpus folders by
    /// each, once for the class.
    /// </summary>
    public sealed class Binaries : IDisposable
    {
        public Binaries()
        {
            Scratch = TestPaths.NewTempDir("kvgraph-native");
            Jit = ["dotnet", Path.Combine(AppContext.BaseDirectory, "kvgraph.dll")];
            if (!TestPaths.CorpusAvailable)
            {
                Error = $"the real corpus is not at {TestPaths.CorpusRaw} (set KVGRAPH_CORPUS)";
                return;
            }

            var native = Environment.GetEnvironmentVariable("KVGRAPH_NATIVE") is { Length: > 0 } given ? given : Publish(Path.Combine(Scratch, "native"));
            if (native is null)
            {
                return;
            }

            if (!File.Exists(native))
            {
                Error = $"KVGRAPH_NATIVE names {native}, which does not exist";
                return;
            }

            Native = [native];
            JitStoreDir = Directory.CreateDirectory(Path.Combine(Scratch, "jit")).FullName;
            NativeStoreDir = Directory.CreateDirectory(Path.Combine(Scratch, "native-store")).FullName;
            JitBuild = Run(Jit, JitStoreDir, ["build", .. BuildInputs]);
            NativeBuild = Run(Native, NativeStoreDir, ["build", .. BuildInputs]);
            if (JitBuild.Exit == 0)
            {
                Ids = ReadIds(Path.Combine(JitStoreDir, "kvgraph.db"));
            }
        }

        public string Scratch { get; }

        public string[] Jit { get; }

        public string[] Native { get; } = [];

        public string JitStoreDir { get; } = string.Empty;

        public string NativeStoreDir { get; } = string.Empty;

        public Result JitBuild { get; } = new(-1, string.Empty, string.Empty);

        public Result NativeBuild { get; } = new(-1, string.Empty, string.Empty);

        public StoreIds Ids { get; } = new(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);

        public string? Error { get; private set; }

        /// <summary>Fails (never skips) when the native binary could not be had, saying why.</summary>
        public void Require()
        {
            Assert.True(Error is null, Error);
            Assert.True(JitBuild.Exit == 0, $"the JIT build of the corpus failed: {JitBuild.Err}");
        }

        public ProcessStartInfo StartInfo(string[] command, string workDir, string[] args)
        {
            var psi = new ProcessStartInfo(command[0])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = workDir,
            };
            foreach (var a in command.Skip(1).Concat(args))
            {
                psi.ArgumentList.Add(a);
            }

            psi.Environment.Remove("KVGRAPH_STORE");
            psi.Environment["NO_COLOR"] = "1";
            psi.Environment["DOTNET_DbgEnableMiniDump"] = "0";
            return psi;
        }

        public Result Run(string[] command, string workDir, string[] args)
        {
            using var p = Process.Start(StartInfo(command, workDir, args))!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(TimeSpan.FromMinutes(10)))
            {
                p.Kill(entireProcessTree: true);
                throw new TimeoutException($"{string.Join(' ', command)} {string.Join(' ', args)} did not finish in 10 minutes");
            }

            return new Result(p.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Scratch, recursive: true);
            }
            catch (IOException)
            {
                // A serve child still closing its store: the temp folder is left behind.
            }
        }

        // The README's native publish, into the test's own folder.
        private string? Publish(string outDir)
        {
            var project = Path.Combine(TestPaths.RepoRoot, "src", "KvGraph.Cli");
            var publish = Run(["dotnet"], TestPaths.RepoRoot, ["publish", project, "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", outDir]);
            var exe = Path.Combine(outDir, "kvgraph");
            if (publish.Exit != 0 || !File.Exists(exe))
            {
                Error = $"KVGRAPH_NATIVE is not set and the native publish failed (exit {publish.Exit}):\n{publish.Out}\n{publish.Err}";
                return null;
            }

            return exe;
        }

        private static StoreIds ReadIds(string store)
        {
            using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store, Mode = SqliteOpenMode.ReadOnly }.ToString());
            db.Open();
            string One(string sql)
            {
                using var cmd = db.CreateCommand();
                cmd.CommandText = sql;
                return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)
                    ?? throw new InvalidOperationException($"the corpus store has no row for: {sql}");
            }

            return new StoreIds(
                One("SELECT d.id FROM documents d JOIN edges e ON e.source = d.id AND e.type = 'CITES' WHERE d.kind = 'question' ORDER BY d.id LIMIT 1"),
                One("SELECT d.id FROM documents d JOIN edges e ON e.source = d.id AND e.type = 'CITES' WHERE d.kind = 'answer' ORDER BY d.id LIMIT 1"),
                One("SELECT id FROM documents WHERE kind = 'motion' ORDER BY id LIMIT 1"),
                One("SELECT target FROM edges WHERE type = 'CITES' GROUP BY target ORDER BY count(*) DESC, target LIMIT 1"),
                One("SELECT n.id FROM nodes n JOIN edges e ON e.target = n.id WHERE n.label = 'Person' GROUP BY n.id ORDER BY count(*) DESC, n.id LIMIT 1"),
                One("SELECT n.id FROM nodes n JOIN edges e ON e.target = n.id WHERE n.label = 'Party' GROUP BY n.id ORDER BY count(*) DESC, n.id LIMIT 1"),
                One("SELECT n.id FROM nodes n JOIN edges e ON e.target = n.id WHERE n.label = 'Dossier' GROUP BY n.id ORDER BY count(*) DESC, n.id LIMIT 1"));
        }
    }
}
