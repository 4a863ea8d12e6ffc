using KvGraph.Core.Entities;

namespace KvGraph.Core.Tests.Entities;

public sealed class OrganisationsSpec
{
    private static readonly OrganisationRecognizer Recognizer = new();

    [Theory]
    [InlineData("25 andere EU-lidstaten in de VN Mensenrechtenraad aandacht", "org:vn-mensenrechtenraad", "VN Mensenrechtenraad")] // space
    [InlineData("Tijdens\nde VN-Mensenrechtenraad van maart", "org:vn-mensenrechtenraad", "VN-Mensenrechtenraad")] // hyphen
    [InlineData("25 andere EU-lidstaten in de", "org:eu", "EU")] // EU inside a compound
    [InlineData("de Hoge Commissaris\nvoor de Mensenrechten van de VN.", "org:vn-hoge-commissaris-mensenrechten", "Hoge Commissaris\nvoor de Mensenrechten van de VN")] // longest, over a line break
    [InlineData("de Algemene Vergadering van de VN in New York", "org:vn-algemene-vergadering", "Algemene Vergadering van de VN")] // longest
    [InlineData("de voorzitter van VNO-NCW om", "org:vno-ncw", "VNO-NCW")] // Dutch employers' organisation
    [InlineData("conform de OESO-richtlijnen", "org:oeso", "OESO")] // compound
    [InlineData("met International Campaign for Tibet en Amnesty\nInternational", "org:amnesty-international", "Amnesty\nInternational")] // wrapped
    [InlineData("de NAVO-top in Vilnius", "org:navo", "NAVO")] // NATO
    [InlineData("bij de Verenigde Naties (in Geneve", "org:vn", "Verenigde Naties")] // full name
    [InlineData("de Nederlandse Zorgautoriteit (NZa)", "org:nza", "Nederlandse Zorgautoriteit")] // Dutch body
    public void Finds_organisations(string text, string id, string quote)
    {
        Assert.Contains(EntityKit.Run(Recognizer, text), e => e.Id == id && e.Quote == quote);
    }

    [Theory]
    [InlineData("de VN Mensenrechtenraad", "org:vn")] // not also the VN at the same span
    [InlineData("de leden van VNO-NCW", "org:vn")] // VNO is not VN
    [InlineData("het is een internationale om-weg", "org:om")] // lower case om
    [InlineData("de ns-vlag", "org:ns")] // lower case
    [InlineData("bij de EC-richtlijn", "org:europese-commissie")] // EC is left out as too ambiguous
    [InlineData("amnestie voor de demonstranten", "org:amnesty-international")] // Dutch word amnestie
    [InlineData("de who-is-who van Den Haag", "org:who")] // lower-case who
    [InlineData("de Raad van State en de Raad van Europa", "org:eu")] // Europa is not the EU
    [InlineData("het lid Van der Werf", "org:icc")] // people are no organisations
    [InlineData("Vietnam en Laos", "org:vn")] // Vietnam is not the VN
    [InlineData("zijn INDruk", "org:ind")] // letters inside a word
    public void Does_not_find(string text, string id)
    {
        Assert.DoesNotContain(EntityKit.Run(Recognizer, text), e => e.Id == id);
    }

    [Fact]
    public void Normalize_spelling_variants()
    {
        Assert.Equal("org:vn-mensenrechtenraad", Organisations.Normalize("VN Mensenrechtenraad")?.Id);
        Assert.Equal("org:vn-mensenrechtenraad", Organisations.Normalize("VN-Mensenrechtenraad")?.Id);
        Assert.Equal("org:navo", Organisations.Normalize("NATO")?.Id);
        Assert.Null(Organisations.Normalize("VN en EU"));
    }
}
