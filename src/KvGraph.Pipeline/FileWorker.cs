using System.Security.Cryptography;
using KvGraph.Core.Extraction;
using KvGraph.Core.Graph;
using KvGraph.Core.Model;
using KvGraph.Core.Resolution;
using KvGraph.Ingest;
using KvGraph.Store;

namespace KvGraph.Pipeline;

/// <summary>
/// What a worker thread does with one input file: hash it, skip it when the store holds the same bytes from the same
/// extractor, else read and extract it and prepare each document's aliases, facts and stored form for the writer.
/// </summary>
internal sealed class FileWorker
{
    private readonly IExtractor _extractor;
    private readonly bool _force;
    private readonly int _jobs;

    public FileWorker(IExtractor extractor, bool force, int jobs)
    {
        _extractor = extractor;
        _force = force;
        _jobs = jobs;
        Fingerprint = $"{typeof(Extractor).Assembly.ManifestModule.ModuleVersionId:N}:{extractor.GetType().FullName}";
    }

    /// <summary>The extractor fingerprint stored with every file: the core assembly's MVID and the extractor type.</summary>
    public string Fingerprint { get; }

    public FileOutcome Process(string path, StoredFile? known)
    {
        string hash;
        long size;
        DateTimeOffset mtime;
        try
        {
            var info = new FileInfo(path);
            size = info.Length;
            mtime = info.LastWriteTimeUtc;
            using var stream = File.OpenRead(path);
            hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(path, string.Empty, 0, DateTimeOffset.UnixEpoch, $"cannot read the file ({e.Message})");
        }

        if (!_force && known is not null && known.Hash == hash && known.Extractor == Fingerprint)
        {
            return new FileOutcome(path, null, []);
        }

        IReadOnlyList<SourceDocument> sources;
        try
        {
            sources = FileSource.ReadAll(path);
        }
        catch (DocumentFormatException e)
        {
            return Failed(path, hash, size, mtime, e.Reason);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            return Failed(path, hash, size, mtime, $"cannot read the file ({e.Message})");
        }

        if (sources.Count == 0)
        {
            return Failed(path, hash, size, mtime, "the file holds no documents");
        }

        // A JSON Lines file holds thousands of records: extract them in parallel too, keeping their order.
        var slots = new DocumentRecord?[sources.Count];
        var slotFailures = new FileFailure?[sources.Count];
        void ExtractOne(int i)
        {
            var source = sources[i];
            try
            {
                slots[i] = Prepare(_extractor.Extract(source));
            }
            catch (DocumentFormatException e)
            {
                slotFailures[i] = new FileFailure(source.File, e.Reason);
            }
#pragma warning disable CA1031 // A bug in one recogniser must not stop the build; the file is reported with the reason.
            catch (Exception e)
#pragma warning restore CA1031
            {
                slotFailures[i] = new FileFailure(source.File, $"extraction failed ({e.GetType().Name}: {e.Message})");
            }
        }

        if (sources.Count > 8)
        {
            Parallel.For(0, sources.Count, new ParallelOptions { MaxDegreeOfParallelism = _jobs }, ExtractOne);
        }
        else
        {
            for (var i = 0; i < sources.Count; i++)
            {
                ExtractOne(i);
            }
        }

        var docs = slots.OfType<DocumentRecord>().ToList();
        var failures = slotFailures.OfType<FileFailure>().ToList();
        var error = failures.Count == 0 ? null
            : docs.Count == 0 && failures.Count == 1 ? failures[0].Reason
            : $"{failures.Count} of {sources.Count} documents failed; first: {failures[0].File}: {failures[0].Reason}";
        return new FileOutcome(path, new FileRecord(path, hash, size, mtime, Fingerprint, docs, error), failures);
    }

    /// <summary>A document with everything the writer needs, computed here on the worker thread.</summary>
    private static DocumentRecord Prepare(ExtractedDocument d) => new(d, DocumentAliases.For(d), GraphFacts.Facts(d));

    private FileOutcome Failed(string path, string hash, long size, DateTimeOffset mtime, string reason) =>
        new(path, new FileRecord(path, hash, size, mtime, Fingerprint, [], reason), [new FileFailure(path, reason)]);
}

/// <summary>A worker's result for one file: the record to write (null when unchanged) and the failures to report.</summary>
internal sealed record FileOutcome(string Path, FileRecord? Record, IReadOnlyList<FileFailure> Failures);
