using KvGraph.Core.Entities;

namespace KvGraph.Core.Tests.Entities;

public sealed class CountryRecognizerSpec
{
    private static readonly CountryRecognizer Recognizer = new();

    [Theory]
    [InlineData("met de Chinese ambassadeur opgebracht", "CN", "Chinese")] // adjective
    [InlineData("de bilaterale dialoog met Nederland opgeschort", "NL", "Nederland")] // name
    [InlineData("Mensenrechtenambassadeurs van Duitsland, Frankrijk, Spanje", "FR", "Frankrijk")] // name in a list
    [InlineData("Litouwen, Luxemburg en het Verenigd Koninkrijk.", "GB", "Verenigd Koninkrijk")] // two words
    [InlineData("Nederland, Canada, het\nVK en Duitsland", "GB", "VK")] // abbreviation after a line break
    [InlineData("een bijeenkomst van de VS over", "US", "VS")] // abbreviation
    [InlineData("gesteund door Nederland,\nAustralié, Canada", "AU", "Australié")] // OCR é for ë
    [InlineData("de oorlog in Oekraïne", "UA", "Oekraïne")] // diaeresis
    [InlineData("de Nederlandse Zorgautoriteit", "NL", "Nederlandse")] // an adjective inside a name is still the country
    [InlineData("sancties tegen Wit-Rusland", "BY", "Wit-Rusland")] // longest: not Rusland
    [InlineData("hulp aan Guinee-Bissau", "GW", "Guinee-Bissau")] // longest: not Guinee
    [InlineData("activisten uit China (inclusief Hongkong)", "HK", "Hongkong")] // territory with its own code
    [InlineData("de Zuid-Afrikaanse regering", "ZA", "Zuid-Afrikaanse")] // compound adjective
    public void Finds_countries(string text, string code, string quote)
    {
        var found = EntityKit.Run(Recognizer, text);
        Assert.Contains(found, e => e.Id == code && e.Quote == quote);
    }

    [Theory]
    [InlineData("Eurocommissaris Frans Timmermans sprak", "FR")] // first name, not the adjective
    [InlineData("leerlingen van het VSO", "US")] // VS inside a word
    [InlineData("de Zuid-Amerikaanse landen", "US")] // Amerikaanse inside a compound is not the US
    [InlineData("hij las Turks fruit", "TR")] // a novel
    [InlineData("een bord chili con carne", "CL")] // lower case: food, not Chili
    [InlineData("de Tibetaanse diaspora", "CN")] // Tibet is not mapped to a state
    [InlineData("de mensenrechtensituatie in Papoea-Nieuw-Guinea", "GN")] // longest: PG, not Guinee
    [InlineData("de staat Georgia in de VS", "GE")] // the US state is not Georgië
    [InlineData("het Indiase Oceaan-gebied", "IN")] // the ocean is no country
    [InlineData("een vluchtelingenkamp in Nieuw-Guinea", "GN")] // region, blocked
    [InlineData("nieuwsberichten over de Europese Unie", "EU")] // no country code for the EU
    [InlineData("de Verenigde Naties in New York", "US")] // New York is not matched as the US, the UN is not a country
    [InlineData("mevrouw Fransen (VVD)", "FR")] // surname Fransen is not the French
    public void Does_not_find(string text, string code)
    {
        var found = EntityKit.Run(Recognizer, text);
        Assert.DoesNotContain(found, e => e.Id == code);
    }

    [Fact]
    public void Normalize_reads_names_adjectives_and_ocr()
    {
        Assert.Equal("DE", Countries.Normalize("Duitse")?.Code);
        Assert.Equal("AU", Countries.Normalize("Australié")?.Code);
        Assert.Equal("PS", Countries.Normalize("Palestijnse Gebieden")?.Code);
        Assert.Null(Countries.Normalize("Frans"));
        Assert.Null(Countries.Normalize("Duitsland en Frankrijk"));
    }

    [Fact]
    public void Covers_the_un_members_with_unique_codes()
    {
        // 193 UN members plus observers and territories documents name; each code is two capitals.
        Assert.True(Countries.All.Count >= 195, $"only {Countries.All.Count} countries");
        Assert.All(Countries.All, c => Assert.Matches("^[A-Z]{2}$", c.Code));
    }
}
