using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KvGraph.Neo4j.Tests;

/// <summary>One statement for the linter.</summary>
internal sealed record LintItem(string Name, string Statement, IReadOnlyDictionary<string, object?> Parameters, bool Console = false);

/// <summary>A diagnostic of Neo4j's own Cypher front end.</summary>
internal sealed record LintDiagnostic(string Name, string Version, string Severity, string Message, int Line, int Column, string Text)
{
    public override string ToString() => $"{Name} [{Version}] {Severity} at {Line}:{Column} `{Text}`: {Message}";
}

/// <summary>
/// Runs tests/cypher-lint/lint.mjs (lintCypherQuery from @neo4j-cypher/language-support) over statements.
/// Installs the tool with `npm ci` the first time.
/// </summary>
internal static class CypherLint
{
    private static readonly Lazy<string?> Unavailable = new(Prepare);

    public static string? UnavailableReason => Unavailable.Value;

    public static IReadOnlyList<LintDiagnostic> Run(IReadOnlyList<LintItem> items)
    {
        var input = new JsonArray(items.Select(i => (JsonNode)new JsonObject
        {
            ["name"] = i.Name,
            ["statement"] = i.Statement,
            ["parameters"] = new JsonObject(i.Parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value?.ToString() ?? "x")))),
            ["console"] = i.Console,
        }).ToArray());
        var file = Path.Combine(Path.GetTempPath(), $"kvgraph-lint-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, input.ToJsonString());
        try
        {
            var (code, stdout, stderr) = Exec("node", [Path.Combine(Repo.LintTool, "lint.mjs"), file], Repo.LintTool);
            Assert.True(code == 0, $"lint.mjs failed ({code}): {stderr}");
            using var doc = JsonDocument.Parse(stdout);
            var list = new List<LintDiagnostic>();
            foreach (var r in doc.RootElement.EnumerateArray())
            {
                foreach (var d in r.GetProperty("diagnostics").EnumerateArray())
                {
                    list.Add(new LintDiagnostic(
                        r.GetProperty("name").GetString()!, r.GetProperty("version").GetString()!, d.GetProperty("severity").GetString()!,
                        d.GetProperty("message").GetString()!, d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32(), d.GetProperty("text").GetString()!));
                }
            }

            // Every statement was checked under both language versions.
            Assert.Equal(items.Count * 2, doc.RootElement.GetArrayLength());
            return list;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string? Prepare()
    {
        if (Exec("node", ["--version"], Repo.LintTool).Code != 0)
        {
            return "node is not installed, so Neo4j's Cypher linter (npm @neo4j-cypher/language-support) cannot run.";
        }

        if (!Directory.Exists(Path.Combine(Repo.LintTool, "node_modules", "@neo4j-cypher", "language-support")))
        {
            var (code, _, err) = Exec("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], Repo.LintTool);
            if (code != 0)
            {
                return $"npm ci in tests/cypher-lint failed: {err}";
            }
        }

        return null;
    }

    private static (int Code, string Stdout, string Stderr) Exec(string tool, string[] args, string cwd)
    {
        try
        {
            var psi = new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = cwd };
            using var p = Process.Start(psi)!;
            var o = p.StandardOutput.ReadToEndAsync();
            var e = p.StandardError.ReadToEndAsync();
            // The linter takes a few hundred milliseconds per statement; on a busy machine much longer.
            if (!p.WaitForExit(TimeSpan.FromMinutes(20)))
            {
                p.Kill(entireProcessTree: true);
                return (-1, string.Empty, $"{tool} did not finish within 20 minutes");
            }

            return (p.ExitCode, o.Result, e.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, string.Empty, ex.Message);
        }
    }
}
