using KvGraph.Core.Entities;
using KvGraph.Core.Model;

namespace KvGraph.Core.Tests.Entities;

public sealed class TopicsSpec
{
    private static readonly TopicRecognizer Recognizer = new();

    [Theory]
    [InlineData("ernstig zorgen over de mensenrechtensituatie in Xinjiang", "topic:mensenrechten", "mensenrechtensituatie")] // compound form
    [InlineData("ernstig zorgen over de mensenrechtensituatie in Xinjiang", "topic:xinjiang", "Xinjiang")] // place as topic
    [InlineData("Oeigoerse dwangarbeid", "topic:dwangarbeid", "dwangarbeid")] // keyword
    [InlineData("Oeigoerse dwangarbeid", "topic:oeigoeren", "Oeigoerse")] // adjective form
    [InlineData("de mogelijkheid over te gaan tot sancties?", "topic:sancties", "sancties")] // plural
    [InlineData("het Stikstofuitstoot-dossier", "topic:stikstof", "Stikstofuitstoot")] // any case
    [InlineData("de kosten van de jeugdzorg", "topic:gezondheidszorg", "jeugdzorg")] // care compound
    public void Finds_keyword_topics(string text, string id, string quote)
    {
        Assert.Contains(EntityKit.Run(Recognizer, text), e => e.Id == id && e.Quote == quote);
    }

    [Theory]
    [InlineData("het kabinet maakt zich ernstig zorgen")] // 'zorgen' is worry, not care
    [InlineData("zij zorgt ervoor dat")] // verb
    [InlineData("de sanctiepakketten-achtige")] // not a listed form
    [InlineData("de Oeigoerstraat")] // a street name that merely starts with a topic word
    [InlineData("het klimaatje in de kamer")] // diminutive of another word
    [InlineData("een asielbeleidje")] // not a listed form
    [InlineData("de Tibetaan")] // not a listed form
    public void Does_not_find_topics(string text)
    {
        Assert.Empty(EntityKit.Run(Recognizer, text));
    }

    [Fact]
    public void Metadata_topics_have_no_span()
    {
        var found = EntityKit.Run(Recognizer, "Geen trefwoorden hier.", topics: ["burgerlijk recht", "openbare orde en veiligheid", "burgerlijk recht"]);
        Assert.Equal(2, found.Count);
        Assert.All(found, e => Assert.Equal((-1, -1, EntityKind.Topic), (e.Start, e.End, e.Kind)));
        Assert.Contains(found, e => e.Id == "topic:openbare-orde-en-veiligheid" && e.Name == "openbare orde en veiligheid");
    }
}
