using BenchmarkDotNet.Running;
using KvGraph.Benchmarks;

// `dotnet run -c Release -- scale [N] [--jobs J]`: build a store over the corpus replicated N times (altered ids) and
// report documents per second and memory. `linear [--sizes …] [--patterns …] [--stages]`: extraction time against
// input size on adversarial text (LinearExtraction). Anything else goes to BenchmarkDotNet (e.g. `--filter *Extraction*`).
if (args.Length > 0 && args[0] == "scale")
{
    var n = args.Length > 1 && int.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var x) ? x : 3;
    var jobs = Array.IndexOf(args, "--jobs") is var j and >= 0 && j + 1 < args.Length ? int.Parse(args[j + 1], System.Globalization.CultureInfo.InvariantCulture) : 0;
    return ScaledBuild.Run(n, jobs, Console.Out);
}

if (args.Length > 0 && args[0] == "linear")
{
    return LinearExtraction.Run(args[1..], Console.Out);
}

if (args.Length > 0 && args[0] == "dump")
{
    return ExtractionDump.Run(args[1..], Console.Out);
}

// `load --store <db> [--url U [--pid N] | --kvgraph <dll>] [--clients C] [--seconds T] [--seed S]`: a bounded load on
// `kvgraph serve` (LoadCommand, LoadDriver): per endpoint requests, throughput, p50/p99, errors; server RSS over time.
if (args.Length > 0 && args[0] == "load")
{
    return LoadCommand.RunAsync(args[1..], Console.Out).GetAwaiter().GetResult();
}

if (args.Length > 0 && args[0] == "profile")
{
    return StageProfile.Run(args[1..], Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(ExtractionBenchmarks).Assembly).Run(args);
return 0;
