using KvGraph.Core.Entities;

namespace KvGraph.Core.Tests.Entities;

public sealed class PartiesSpec
{
    private static readonly PartyRecognizer Recognizer = new();

    [Theory]
    [InlineData("GL", "party:gl", "GroenLinks")] // abbreviation
    [InlineData("(GroenLinks)", "party:gl", "GroenLinks")] // in brackets
    [InlineData("GroenLinks-PvdA", "party:gl-pvda", "GroenLinks-PvdA")] // the merged party, not GL
    [InlineData("GL-PvdA", "party:gl-pvda", "GroenLinks-PvdA")] // its abbreviation
    [InlineData("Partij voor de Dieren", "party:pvdd", "Partij voor de Dieren")] // full name
    [InlineData("christenunie", "party:cu", "ChristenUnie")] // case does not matter in Normalize
    [InlineData("Groep Van Haga", "party:bvnl", "BVNL")] // a group, later BVNL
    [InlineData("NSC", "party:nsc", "Nieuw Sociaal Contract")] // abbreviation to display name
    public void Normalize(string raw, string id, string name)
    {
        Assert.Equal((id, name), Parties.Normalize(raw));
    }

    [Theory]
    [InlineData("minister buitenlandse zaken")] // an office
    [InlineData("2021")] // a year
    [InlineData("")] // nothing
    [InlineData("Partij")] // a word
    public void Normalize_rejects(string raw) => Assert.Null(Parties.Normalize(raw));

    [Theory]
    [InlineData("Bram van Ojik (GL), Kirsten van den Hul (PvdA)", "party:pvda", "PvdA")] // header
    [InlineData("op vragen van Kuzu (DENK) over", "party:denk", "DENK")] // capitals
    [InlineData("de fractie van GroenLinks-PvdA stemde", "party:gl-pvda", "GroenLinks-PvdA")] // longest
    [InlineData("een motie van de VVD en D66", "party:d66", "D66")] // digits in the name
    [InlineData("het lid Van der Plas (BBB)", "party:bbb", "BBB")] // new party
    [InlineData("de Partij voor de Dieren diende in", "party:pvdd", "Partij voor de Dieren")] // full name in text
    public void Finds_parties(string text, string id, string quote)
    {
        Assert.Contains(EntityKit.Run(Recognizer, text), e => e.Id == id && e.Quote == quote);
    }

    [Theory]
    [InlineData("ik denk dat het goed is")] // the verb 'denk'
    [InlineData("een spanning van 230 Volt")] // a unit
    [InlineData("de SPD in Duitsland")] // another country's party, not SP
    [InlineData("het ABCDA-project")] // letters of a party inside a longer token
    [InlineData("de groenlinkse kiezer")] // lower case adjective
    [InlineData("de Vrijheid van meningsuiting")] // a word from a party name
    public void Does_not_find_parties(string text)
    {
        Assert.Empty(EntityKit.Run(Recognizer, text));
    }

    [Fact]
    public void Every_party_has_a_unique_id() =>
        Assert.Equal(Parties.All.Count, Parties.All.Select(p => p.Id).Distinct().Count());
}
