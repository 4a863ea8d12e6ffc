using KvGraph.Core.Entities;

namespace KvGraph.Core.Tests.Entities;

public sealed class OfficesSpec
{
    private static readonly OfficeRecognizer Recognizer = new();

    [Theory]
    [InlineData("in samenwerking met het Ministerie van Buitenlandse Zaken een sessie", "office:buitenlandse-zaken", "Ministerie van Buitenlandse Zaken")] // ministry
    [InlineData("Antwoorden van de Minister van Buitenlandse Zaken op vragen", "office:buitenlandse-zaken", "Minister van Buitenlandse Zaken")] // minister of a ministry
    [InlineData("Zo heeft de Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking de", "office:buitenlandse-handel-en-ontwikkelingssamenwerking", "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking")] // post without ministry
    [InlineData("de ministeries van VWS en OCW", "office:volksgezondheid-welzijn-en-sport", "VWS")] // abbreviation
    [InlineData("brief van de minister van J&V aan", "office:justitie-en-veiligheid", "minister van J&V")] // ampersand abbreviation
    [InlineData("de staatssecretaris van Infrastructuur en Waterstaat", "office:infrastructuur-en-waterstaat", "staatssecretaris van Infrastructuur en Waterstaat")] // staatssecretaris
    [InlineData("het ministerie van AZ", "office:algemene-zaken", "ministerie van AZ")] // short abbreviation after 'ministerie van'
    [InlineData("daarover heeft Defensie gezegd", "office:defensie", "Defensie")] // one-word ministry with a capital
    [InlineData("Volksgezondheid, Welzijn en Sport", "office:volksgezondheid-welzijn-en-sport", "Volksgezondheid, Welzijn en Sport")] // commas inside the name
    public void Finds_offices(string text, string id, string quote)
    {
        Assert.Contains(EntityKit.Run(Recognizer, text), e => e.Id == id && e.Quote == quote);
    }

    [Theory]
    [InlineData("AZ won van Ajax")] // the football club
    [InlineData("De Raad Buitenlandse Zaken heeft")] // the EU Council, not the ministry
    [InlineData("de uitgaven aan defensie stijgen")] // the topic in lower case
    [InlineData("de EZ-regeling")] // EZ without 'ministerie van'
    [InlineData("zij sprak over financiën")] // lower-case word
    [InlineData("BZDOC-693942081-24")] // reference code with BZ inside a token
    [InlineData("een OS-programma")] // OS without 'ministerie van'
    [InlineData("bij de sport")] // a word of a portfolio
    [InlineData("de minister heeft")] // a title without portfolio
    public void Does_not_find_offices(string text)
    {
        Assert.Empty(EntityKit.Run(Recognizer, text));
    }

    [Theory]
    [InlineData("minister zonder portefeuille buitenlandse zaken", "office:buitenlandse-zaken")] // openkamer header of Kaag
    [InlineData("minister buitenlandse zaken", "office:buitenlandse-zaken")] // openkamer header of Blok
    [InlineData("Minister van Buitenlandse Zaken", "office:buitenlandse-zaken")] // letter
    [InlineData("staatssecretaris van Justitie en Veiligheid", "office:justitie-en-veiligheid")]
    [InlineData("BZK", "office:binnenlandse-zaken-en-koninkrijksrelaties")]
    public void Normalize(string raw, string id) => Assert.Equal(id, Offices.IdOf(raw));

    [Fact]
    public void Normalize_rejects_what_names_no_office()
    {
        Assert.Null(Offices.Normalize("Kamerlid"));
        Assert.Null(Offices.Normalize("Raad Buitenlandse Zaken"));
    }
}
