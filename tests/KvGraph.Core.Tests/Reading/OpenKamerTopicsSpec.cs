using KvGraph.Core.Reading;

namespace KvGraph.Core.Tests.Reading;

/// <summary>
/// openkamer's <c>Onderwerpen</c> line: one space-separated run of category names. Each row is a real line (seed,
/// fixtures) or a run of real openkamer category names; "|" separates the expected topics.
/// </summary>
public sealed class OpenKamerTopicsSpec
{
    [Theory]
    [InlineData("burgerlijk recht criminaliteit openbare orde en veiligheid recht", "burgerlijk recht|criminaliteit|openbare orde en veiligheid|recht")] // seed 000
    [InlineData("internationale betrekkingen", "internationale betrekkingen")]                                           // fixtures/graph
    [InlineData("natuur en milieu", "natuur en milieu")]                                                                 // fixtures/motions
    [InlineData("zorg en gezondheid", "zorg en gezondheid")]                                                             // fixtures/readers
    [InlineData("informatiebeveiliging", "informatiebeveiliging")]                                                       // fixtures/web: a one-word name
    [InlineData("ontwikkelingssamenwerking internationale samenwerking", "ontwikkelingssamenwerking|internationale samenwerking")] // two names around "samenwerking"
    [InlineData("werk sociale zekerheid", "werk|sociale zekerheid")]                                                     // "werk" as a name of its own
    [InlineData("Zorg en Gezondheid economie", "Zorg en Gezondheid|economie")]                                           // any case
    public void A_run_of_category_names_gives_each_name_whole(string line, string expected) =>
        Assert.Equal(expected, string.Join('|', OpenKamerReader.SplitTopics(line)));

    [Theory]
    [InlineData("ontwikkelingssamenwerking", "werk")]                       // "werk" is not found inside a longer word
    [InlineData("staatsrecht bestuursrecht", "recht")]                      // nor "recht" inside "staatsrecht"
    [InlineData("internationale samenwerking", "internationale")]           // a multi-word name is not split into words
    [InlineData("internationale betrekkingen", "betrekkingen")]
    [InlineData("openbare orde en veiligheid", "en")]                       // no stopword topic from inside a name
    [InlineData("natuur en milieu energie", "natuur")]                      // nor the first word of a name on its own
    [InlineData("burgerlijk recht", "recht")]                               // the longest name wins over its last word
    [InlineData("zorg en gezondheid", "zorg")]
    public void No_topic_is_a_fragment_of_a_name(string line, string fragment) =>
        Assert.DoesNotContain(fragment, OpenKamerReader.SplitTopics(line));
}
