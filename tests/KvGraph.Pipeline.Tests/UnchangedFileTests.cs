using KvGraph.Store;
using KvGraph.TestSupport;

namespace KvGraph.Pipeline.Tests;

/// <summary>
/// How a build tells an unchanged file without reading it: the stored size and modification time (as git and make do),
/// the hash when asked (--rehash) or when the time cannot be trusted (written too soon before it was hashed), and the
/// new time of a touched file stored so the next build can skip it.
/// </summary>
public sealed class UnchangedFileTests
{
    private static readonly DateTime AnHourAgo = DateTime.UtcNow.AddHours(-1);

    [Fact]
    public void A_file_with_its_stored_size_and_time_is_not_read_and_rehash_reads_it()
    {
        var (input, file, store) = Built();
        using (store)
        {
            var stored = StoredOf(store, file);
            Assert.Equal(new DateTimeOffset(AnHourAgo), stored.Modified);

            // Same size, same time, other bytes: taken as unchanged without reading it (the "2021" of the zaak becomes "2020").
            SameSizeOtherBytes(file);
            var trusting = new CountingExtractor();
            var report = BuildPipeline.Run(store, [input], new BuildOptions { Extractor = trusting });
            Assert.Equal(0, trusting.Count);
            Assert.Equal(2, report.Unchanged);
            Assert.Equal(stored.Hash, StoredOf(store, file).Hash);

            // --rehash: the bytes are hashed, so the change is found and the file extracted again.
            var rehashing = new CountingExtractor();
            report = BuildPipeline.Run(store, [input], new BuildOptions { Extractor = rehashing, Rehash = true });
            Assert.Equal([Path.GetFileName(file)], rehashing.Files);
            Assert.Equal(1, report.Extracted);
            Assert.NotEqual(stored.Hash, StoredOf(store, file).Hash);
        }
    }

    [Fact]
    public void A_file_whose_size_changed_under_the_same_time_is_extracted_again()
    {
        var (input, file, store) = Built();
        using (store)
        {
            File.AppendAllText(file, "\n");
            File.SetLastWriteTimeUtc(file, AnHourAgo);
            var second = new CountingExtractor();
            BuildPipeline.Run(store, [input], new BuildOptions { Extractor = second });
            Assert.Equal([Path.GetFileName(file)], second.Files);
        }
    }

    [Fact]
    public void A_touched_file_is_not_extracted_and_its_new_time_is_stored_without_changing_the_store()
    {
        var (input, file, store) = Built();
        using (store)
        {
            var version = store.CurrentVersion;
            var touched = AnHourAgo.AddMinutes(10);
            File.SetLastWriteTimeUtc(file, touched);

            var second = new CountingExtractor();
            var report = BuildPipeline.Run(store, [input], new BuildOptions { Extractor = second });
            Assert.Equal(0, second.Count);
            Assert.False(report.Changed);
            Assert.Equal(version, store.CurrentVersion);
            Assert.Equal(new DateTimeOffset(touched), StoredOf(store, file).Modified);

            // The new time is trusted now: other bytes of the same size under it are not read.
            SameSizeOtherBytes(file);
            File.SetLastWriteTimeUtc(file, touched);
            var third = new CountingExtractor();
            BuildPipeline.Run(store, [input], new BuildOptions { Extractor = third });
            Assert.Equal(0, third.Count);
        }
    }

    [Fact]
    public void A_file_whose_time_moved_by_one_tick_under_the_same_size_is_read_and_its_change_found()
    {
        var (input, file, store) = Built();
        using (store)
        {
            // Other bytes, the same size, the time 100 ns (one tick, the stored precision) later: the time tells.
            SameSizeOtherBytes(file);
            var later = AnHourAgo.AddTicks(1);
            File.SetLastWriteTimeUtc(file, later);
            Assert.Equal(later, File.GetLastWriteTimeUtc(file));
            var second = new CountingExtractor();
            var report = BuildPipeline.Run(store, [input], new BuildOptions { Extractor = second });
            Assert.Equal([Path.GetFileName(file)], second.Files);
            Assert.Equal((1, 1), (report.Extracted, report.Unchanged));
            Assert.Equal(new DateTimeOffset(later), StoredOf(store, file).Modified);

            // Back one tick: the time is not the stored one, so the file is hashed; the same bytes, so not extracted, and the time is stored.
            File.SetLastWriteTimeUtc(file, AnHourAgo);
            var third = new CountingExtractor();
            report = BuildPipeline.Run(store, [input], new BuildOptions { Extractor = third });
            Assert.Equal(0, third.Count);
            Assert.Equal(new DateTimeOffset(AnHourAgo), StoredOf(store, file).Modified);
        }
    }

    [Fact]
    public void A_file_hashed_right_after_it_was_written_is_hashed_again_next_time()
    {
        var dir = PipelineFixtures.CopyToTemp(TestFixtures.Seeds);
        var input = Path.Combine(dir, "input");
        var file = Path.Combine(input, Path.GetFileName(TestPaths.Seed000));

        // Written just now: its time cannot tell a write within the same step of the file system's clock apart.
        File.WriteAllBytes(file, File.ReadAllBytes(file));
        var written = File.GetLastWriteTimeUtc(file);
        using var store = KvStore.Open(TestFixtures.StorePath(dir));
        BuildPipeline.Run(store, [input], new BuildOptions { Extractor = new CountingExtractor() });
        Assert.Equal(FileWorker.Smudged, StoredOf(store, file).Modified);

        // Written again with the same size, and the same time as the file system may well give it: found by its hash.
        SameSizeOtherBytes(file);
        File.SetLastWriteTimeUtc(file, written);
        var second = new CountingExtractor();
        BuildPipeline.Run(store, [input], new BuildOptions { Extractor = second });
        Assert.Equal([Path.GetFileName(file)], second.Files);
    }

    [Fact]
    public void The_default_extractor_made_only_when_needed_has_the_fingerprint_stores_hold()
    {
        // The pipeline leaves the default extractor unmade until a file is extracted; the fingerprint it stores with every
        // file must be the one the made extractor gives, or every store would be extracted anew.
        var options = new BuildOptions();
        var unmade = new FileWorker(null, options, 1).Fingerprint;
        Assert.Equal(new FileWorker(KvGraph.Core.Extraction.Extractor.Default, options, 1).Fingerprint, unmade);
        Assert.EndsWith(":KvGraph.Core.Extraction.Extractor", unmade, StringComparison.Ordinal);
        Assert.NotEqual(new FileWorker(new CountingExtractor(), options, 1).Fingerprint, unmade);

        // And a store built with it finds every file unchanged the next time.
        var dir = PipelineFixtures.CopyToTemp(TestFixtures.Seeds);
        var input = Path.Combine(dir, "input");
        foreach (var f in Directory.EnumerateFiles(input))
        {
            File.SetLastWriteTimeUtc(f, AnHourAgo);
        }

        using var store = KvStore.Open(TestFixtures.StorePath(dir));
        Assert.Equal(2, BuildPipeline.Run(store, [input]).Extracted);
        Assert.All(store.Files(), f => Assert.Equal(unmade, f.Extractor));
        var again = BuildPipeline.Run(store, [input]);
        Assert.Equal((0, 2), (again.Extracted, again.Unchanged));
    }

    [Theory]
    [InlineData(0.0, true)] // hashed in the same instant as the write
    [InlineData(1.999, true)] // within two seconds (a FAT file system's step)
    [InlineData(2.0, false)] // two seconds later: a later write gets another time
    [InlineData(3600.0, false)] // written long before
    [InlineData(-5.0, true)] // a time in the future (a clock set wrong): not trusted
    public void A_time_within_two_seconds_of_the_hash_is_racy(double secondsLater, bool racy)
    {
        var mtime = new DateTimeOffset(2026, 11, 30, 4, 0, 0, TimeSpan.Zero);
        Assert.Equal(racy, FileWorker.Racy(mtime, mtime.AddSeconds(secondsLater)));
    }

    /// <summary>Seed 000 and 004 built into a new store, their times an hour back, so both are stored with their own time.</summary>
    private static (string Input, string File, IKvStore Store) Built()
    {
        var dir = PipelineFixtures.CopyToTemp(TestFixtures.Seeds);
        var input = Path.Combine(dir, "input");
        foreach (var f in Directory.EnumerateFiles(input))
        {
            File.SetLastWriteTimeUtc(f, AnHourAgo);
        }

        var store = KvStore.Open(TestFixtures.StorePath(dir));
        var first = new CountingExtractor();
        BuildPipeline.Run(store, [input], new BuildOptions { Extractor = first });
        Assert.Equal(2, first.Count);
        return (input, Path.Combine(input, Path.GetFileName(TestPaths.Seed000)), store);
    }

    private static StoredFile StoredOf(IKvStore store, string file) => Assert.Single(store.Files(), f => f.Path == Path.GetFullPath(file));

    /// <summary>Changes one digit of the file's zaak number: other bytes, the same size; the time is put back as it was.</summary>
    private static void SameSizeOtherBytes(string file)
    {
        var time = File.GetLastWriteTimeUtc(file);
        var bytes = File.ReadAllBytes(file);
        var at = bytes.AsSpan().IndexOf("2021Z02286"u8);
        Assert.True(at >= 0);
        bytes[at + 3] = (byte)'0';
        File.WriteAllBytes(file, bytes);
        File.SetLastWriteTimeUtc(file, time);
    }
}
