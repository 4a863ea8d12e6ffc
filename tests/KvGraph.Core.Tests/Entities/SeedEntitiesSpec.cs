using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Entities;

/// <summary>The golden entity facts of issue 2 §7, through the whole extractor on the two seeds.</summary>
public sealed class SeedEntitiesSpec
{
    private static readonly Lazy<ExtractedDocument> Seed000 = new(() => Extract(TestPaths.Seed000));
    private static readonly Lazy<ExtractedDocument> Seed004 = new(() => Extract(TestPaths.Seed004));

    [Theory]
    [InlineData("CN")]
    [InlineData("NL")]
    [InlineData("DE")]
    [InlineData("FR")]
    [InlineData("ES")]
    [InlineData("SE")]
    [InlineData("FI")]
    [InlineData("EE")]
    [InlineData("LT")]
    [InlineData("LU")]
    [InlineData("GB")]
    public void Seed000_names_the_countries_of_the_joint_statement(string code)
    {
        Assert.Contains(Seed000.Value.Entities, e => e.Kind == EntityKind.Country && e.Id == code);
    }

    [Fact]
    public void Seed000_names_no_other_countries()
    {
        // Nothing in the text names the US, Russia or France by first name; a false positive would show here.
        var codes = Seed000.Value.Entities.Where(e => e.Kind == EntityKind.Country).Select(e => e.Id).ToHashSet();
        Assert.Subset(new HashSet<string> { "CN", "NL", "DE", "FR", "ES", "SE", "FI", "EE", "LT", "LU", "GB" }, codes);
    }

    [Theory]
    [InlineData("11 maart jl.", "2021-03-11", DatePrecision.Day)] // answered 2021-04-12
    [InlineData("18 november jl.", "2020-11-18", DatePrecision.Day)] // after April: the year before
    [InlineData("16 december jl.", "2020-12-16", DatePrecision.Day)]
    [InlineData("begin maart", "2021-03", DatePrecision.PartOfMonth)]
    [InlineData("22 maart 2021", "2021-03-22", DatePrecision.Day)]
    [InlineData("8 december 2020", "2020-12-08", DatePrecision.Day)]
    public void Seed000_relative_dates_resolve_against_the_answer_date(string quote, string id, DatePrecision precision)
    {
        var date = Seed000.Value.Entities.First(e => e.Kind == EntityKind.Date && e.Quote == quote);
        Assert.Equal(id, date.Id);
        Assert.Equal(precision, date.Precision);
        var text = Seed000.Value.Text;
        Assert.Equal(quote, text[date.Start..date.End]);
    }

    [Theory]
    [InlineData("24 september jl.", "2019-09-24", DatePrecision.Day)] // no answer date: zaak 2019Z19189
    [InlineData("8 juli jl.", "2019-07-08", DatePrecision.Day)]
    [InlineData("maart jl.", "2019-03", DatePrecision.Month)]
    public void Seed004_relative_dates_use_the_zaak_year(string quote, string id, DatePrecision precision)
    {
        var date = Seed004.Value.Entities.First(e => e.Kind == EntityKind.Date && e.Quote == quote);
        Assert.Equal(id, date.Id);
        Assert.Equal(precision, date.Precision);
        Assert.True(date.Relative);
    }

    [Fact]
    public void Seed004_letter_date_is_a_day()
    {
        Assert.Contains(Seed004.Value.Entities, e => e.Kind == EntityKind.Date && e.Id == "2018-08-27" && e.Precision == DatePrecision.Day);
    }

    [Theory]
    [InlineData("org:vn-mensenrechtenraad")]
    [InlineData("org:eu")]
    [InlineData("org:oeso")]
    [InlineData("org:vno-ncw")]
    [InlineData("org:vn-hoge-commissaris-mensenrechten")]
    public void Seed000_organisations(string id) =>
        Assert.Contains(Seed000.Value.Entities, e => e.Kind == EntityKind.Organisation && e.Id == id);

    [Theory]
    [InlineData("org:vn-mensenrechtenraad")]
    [InlineData("org:vn-algemene-vergadering")]
    [InlineData("org:vn")]
    [InlineData("org:amnesty-international")]
    public void Seed004_organisations(string id) =>
        Assert.Contains(Seed004.Value.Entities, e => e.Kind == EntityKind.Organisation && e.Id == id);

    [Fact]
    public void Seed004_countries_include_australia_written_by_ocr()
    {
        // The source has "Australié"; whether or not the reader repairs it, it is AU.
        var countries = Seed004.Value.Entities.Where(e => e.Kind == EntityKind.Country).ToList();
        Assert.Contains(countries, e => e.Id == "AU" && e.Quote is "Australié" or "Australië");
        Assert.Contains(countries, e => e.Id == "US" && e.Quote == "VS");
        Assert.Contains(countries, e => e.Id == "HK");
    }

    [Fact]
    public void Seed000_people_and_parties()
    {
        var e = Seed000.Value.Entities;
        Assert.Contains(e, x => x.Kind == EntityKind.Person && x.Id == "person:kaag" && x.Role == "minister" && x.Start >= 0);
        Assert.Contains(e, x => x.Kind == EntityKind.Person && x.Id == "person:kuzu" && x.Role == "sponsor");
        Assert.Contains(e, x => x.Kind == EntityKind.Person && x.Id == "person:van-den-hul");
        Assert.Contains(e, x => x.Kind == EntityKind.Party && x.Id == "party:gl");
        Assert.Contains(e, x => x.Kind == EntityKind.Party && x.Id == "party:pvda");
        Assert.Contains(e, x => x.Kind == EntityKind.Office && x.Id == "office:buitenlandse-zaken");
        Assert.Contains(e, x => x.Kind == EntityKind.Office && x.Id == "office:buitenlandse-handel-en-ontwikkelingssamenwerking");
    }

    [Fact]
    public void Seed004_people()
    {
        var e = Seed004.Value.Entities;
        Assert.Contains(e, x => x.Kind == EntityKind.Person && x.Id == "person:kuzu" && x.Party == "party:denk" && x.Start >= 0);
        Assert.Contains(e, x => x.Kind == EntityKind.Person && x.Id == "person:blok" && x.Role == "minister" && x.Start >= 0);
    }

    [Fact]
    public void Every_seed_entity_quotes_its_span()
    {
        foreach (var doc in new[] { Seed000.Value, Seed004.Value })
        {
            foreach (var e in doc.Entities.Where(e => e.Start >= 0 && e.Quote is not null))
            {
                Assert.Equal(e.Quote, doc.Text[e.Start..e.End]);
            }
        }
    }

    private static ExtractedDocument Extract(string path) =>
        Extractor.Default.Extract(new SourceDocument(path, File.ReadAllText(path)));
}
