using System.Globalization;
using KvGraph.Store.Sqlite;
using KvGraph.TestSupport;

namespace KvGraph.Store.Tests;

/// <summary>
/// The write session's own read of the <c>files</c> table (its columns read directly, its times parsed digit by digit):
/// every file as the store's other reader (<see cref="IKvStore.Files"/>) reads it, to the 100 ns tick of its time.
/// </summary>
public sealed class StoredFilesTests
{
    [Fact]
    public void A_write_session_reads_every_stored_file_as_the_stores_reader_does()
    {
        var dir = StoreFixtures.CopyToTemp(TestFixtures.Seeds);
        using var store = KvStore.Open(TestFixtures.StorePath(dir));
        StoreFixtures.WriteAll(store, dir);

        // A failed file with a reason, one with a name outside ASCII and an odd time (a tick past a leap day), one with another extractor.
        var input = Path.Combine(dir, "input");
        var leapDay = new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999);
        using (var session = store.BeginWrite())
        {
            session.Write(new FileRecord(Path.Combine(input, "kapot.pdf"), "00", 2, DateTimeOffset.UnixEpoch, StoreFixtures.Extractor, [], "not a PDF: ‘geen’ bytes"));
            session.Write(new FileRecord(Path.Combine(input, "Daniëlle – één.pdf"), "01", 3, leapDay, StoreFixtures.Extractor, [], "empty"));
            session.Write(new FileRecord(Path.Combine(input, "other.pdf"), "02", 4, new DateTimeOffset(1999, 12, 31, 0, 0, 0, TimeSpan.Zero).AddTicks(1), "another:extractor", [], "x"));
            session.Commit();
        }

        var read = store.Files();
        Assert.True(read.Count >= 5, $"only {read.Count} files stored");
        using (var session = store.BeginWrite())
        {
            Assert.Equal(read.Count, session.Files.Count);
            foreach (var file in read)
            {
                var own = session.Files[file.Path];
                Assert.Equal(file, own);
                Assert.Equal(file.Modified.Offset, own.Modified.Offset);
                Assert.Equal(file.Modified.Ticks, own.Modified.Ticks);
            }

            Assert.Equal(leapDay, session.Files[Path.Combine(input, "Daniëlle – één.pdf")].Modified);
            Assert.Equal("another:extractor", session.Files[Path.Combine(input, "other.pdf")].Extractor);
            Assert.Contains(read, f => f.Error is null);
        }
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)] // 0001-01-01T00:00:00.0000001
    [InlineData(638_000_000_000_000_001L)] // a tick past a second in 2022
    [InlineData(630_822_815_999_999_999L)] // 1999-12-31T23:59:59.9999999
    [InlineData(3_155_378_975_999_999_999L)] // the last tick of 9999
    public void A_stored_round_trip_time_is_read_to_the_tick(long ticks)
    {
        var time = new DateTimeOffset(ticks, TimeSpan.Zero);
        var stored = time.ToString("O", CultureInfo.InvariantCulture);
        var read = SqliteKvStore.ReadMtime(stored);
        Assert.Equal(time, read);
        Assert.Equal((ticks, TimeSpan.Zero), (read.Ticks, read.Offset));
    }

    [Fact]
    public void Random_times_read_back_exactly_as_the_general_round_trip_parse_reads_them()
    {
        var random = new Random(9);
        for (var i = 0; i < 20_000; i++)
        {
            var time = new DateTimeOffset(random.NextInt64(DateTime.MaxValue.Ticks), TimeSpan.Zero);
            var stored = time.ToString("O", CultureInfo.InvariantCulture);
            var general = DateTimeOffset.ParseExact(stored, "O", CultureInfo.InvariantCulture);
            var read = SqliteKvStore.ReadMtime(stored);
            Assert.Equal((general.Ticks, general.Offset), (read.Ticks, read.Offset));
        }
    }

    [Theory]
    [InlineData("2026-11-30T10:00:00.0000000+01:00")] // another offset: the same instant as 09:00 UTC
    [InlineData("2026-11-30T09:00:00.0000000Z")]
    [InlineData("2026-11-30T09:00:00Z")]
    [InlineData("2026-11-30T09:00:00.0000000-00:00")]
    public void Other_forms_an_older_store_may_hold_are_parsed_as_before(string stored)
    {
        var read = SqliteKvStore.ReadMtime(stored);
        var before = DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture);
        Assert.Equal((before.Ticks, before.Offset), (read.Ticks, read.Offset));
        Assert.Equal(new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc), read.UtcDateTime);
    }

    [Theory]
    [InlineData("2026-02-30T09:00:00.0000000+00:00")] // no such day
    [InlineData("2026-11-30T24:00:00.0000000+00:00")]
    [InlineData("2026-11-30T09:00:0x.0000000+00:00")]
    public void A_time_that_is_not_a_time_is_refused_as_before(string stored) =>
        Assert.Throws<FormatException>(() => SqliteKvStore.ReadMtime(stored));
}
