using KvGraph.Core.Model;

namespace KvGraph.Core.Tests.Evaluation;

/// <summary>The scoring rules of the evaluation, on citations shaped like the seed's own.</summary>
public sealed class CitationMatcherTests
{
    private static readonly HashSet<string> Own = new(StringComparer.OrdinalIgnoreCase) { "ah-tk-20202021-2302" };

    [Fact]
    public void RepeatedCitationsCountAsAMultiset()
    {
        var gold = Doc(
            Gold("answer", "#a2", "Zie antwoord vraag 2."),
            Gold("answer", "#a2", "Zie antwoord vraag 2."));

        var once = CitationMatcher.Score(gold, [Predicted(CitationKind.Answer, "#a2")], Own);
        Assert.Single(once.TruePositives);
        Assert.Single(once.FalseNegatives);

        var thrice = CitationMatcher.Score(gold, [Predicted(CitationKind.Answer, "#a2"), Predicted(CitationKind.Answer, "ah-tk-20202021-2302#a2"), Predicted(CitationKind.Answer, "#a2")], Own);
        Assert.Equal(2, thrice.TruePositives.Count);
        Assert.Single(thrice.FalsePositives);
        Assert.Empty(thrice.FalseNegatives);
    }

    [Fact]
    public void KindAndNormalisedTargetMustBothAgree()
    {
        var gold = Doc(Gold("motion", "kst-35570-V-43", "Ploumen (35 570 V, nr. 43)"));

        Assert.Single(CitationMatcher.Score(gold, [Predicted(CitationKind.Motion, "KST-35570-v-43")], Own).TruePositives);
        var wrongKind = CitationMatcher.Score(gold, [Predicted(CitationKind.Kamerstuk, "kst-35570-V-43")], Own);
        Assert.Empty(wrongKind.TruePositives);
        Assert.Single(wrongKind.FalsePositives);
        Assert.Single(wrongKind.FalseNegatives);
        Assert.Empty(CitationMatcher.Score(gold, [Predicted(CitationKind.Motion, "kst-35570-V-53")], Own).TruePositives);
    }

    [Theory]
    [InlineData("motion:vannispen", "Van Nispen c.s.", true)]
    [InlineData("motion:vannispen", "het lid VanNispen", true)]
    [InlineData("motion:joseph", "Joseph-Agema", true)]
    [InlineData("motion:bruinsslot", "Bruins Slot/Pia Dijkstra", true)]
    [InlineData("motion:elyassini", "El Yassini en Peters", true)]
    [InlineData("motion:vannispen", "Van Dijk", false)]
    [InlineData("motion:piri", null, false)]
    public void UnnumberedMotionsMatchByFirstSponsor(string goldTarget, string? sponsor, bool matches)
    {
        var gold = Doc(Gold("motion", goldTarget, "motie"));
        var predicted = new Citation(CitationKind.Motion, null, sponsor, "motie", 0, 5, 1);

        Assert.Equal(matches, CitationMatcher.Score(gold, [predicted], Own).TruePositives.Count == 1);
    }

    [Fact]
    public void AnAlternativeReadingSatisfiesTheEntryOnce()
    {
        var gold = Doc(
            Gold("motion", "motion:elyassini", "motie El Yassini enPeters") with { Alt = [new GoldReading { Kind = "motion", Target = "kst-36229-29" }] },
            Gold("kamerstuk", "kst-36229-29", "Kamerstukken II, vergaderjaar 2022/2023 36 229, nr. 29") with { Alt = [new GoldReading { Kind = "motion", Target = "kst-36229-29" }] });

        // A linker that resolves both the body mention and the footnote to the motion satisfies both entries.
        var linked = CitationMatcher.Score(gold, [Predicted(CitationKind.Motion, "kst-36229-29"), Predicted(CitationKind.Motion, "kst-36229-29")], Own);
        Assert.Equal(2, linked.TruePositives.Count);
        Assert.All(linked.TruePositives, t => Assert.True(t.ViaAlternative || t.Gold.Kind == "motion"));

        // Three identical predictions for two entries: one is a false positive.
        var tooMany = CitationMatcher.Score(gold, [.. Enumerable.Repeat(Predicted(CitationKind.Motion, "kst-36229-29"), 3)], Own);
        Assert.Single(tooMany.FalsePositives);
    }

    [Fact]
    public void OptionalEntriesAreNeitherRewardedNorPunished()
    {
        var gold = Doc(
            Gold("letter", "letter:2018-08-27", "Kamerbrief over Xinjiang van 27 augustus 2018"),
            Gold("reference", "2018715781", "(kenmerk 2018715781)") with { Optional = true });

        var without = CitationMatcher.Score(gold, [Predicted(CitationKind.Letter, "letter:2018-08-27")], Own);
        Assert.Single(without.TruePositives);
        Assert.Empty(without.FalseNegatives);

        var with = CitationMatcher.Score(gold, [Predicted(CitationKind.Letter, "letter:2018-08-27"), Predicted(CitationKind.Reference, "2018715781")], Own);
        Assert.Single(with.TruePositives);
        Assert.Single(with.OptionalMatches);
        Assert.Empty(with.FalsePositives);
    }

    [Fact]
    public void ARequiredEntryKeepsItsPredictionWhenAnOptionalOneWantsIt()
    {
        // Listed optional first: the matching must still give the only prediction to the required entry.
        var gold = Doc(
            Gold("aanhangsel", "ah-tk-20202021-2345", "Kamervragen (Aanhangsel) 2020–2021, nr. 2345") with { Optional = true },
            Gold("aanhangsel", "ah-tk-20202021-2345", "ah-tk-20202021–2345"));

        var score = CitationMatcher.Score(gold, [Predicted(CitationKind.Aanhangsel, "ah-tk-20202021–2345")], Own);
        Assert.Single(score.TruePositives);
        Assert.Empty(score.FalseNegatives);
    }

    private static GoldDocument Doc(params GoldCitation[] citations) =>
        new() { File = "seeds/000_test.txt", GoldFile = "test.json", Citations = citations };

    private static GoldCitation Gold(string kind, string target, string quote) =>
        new() { Kind = kind, Target = target, Quote = quote };

    private static Citation Predicted(CitationKind kind, string target) => new(kind, target, null, target, 0, target.Length, 1);
}
