using KvGraph.Core.Resolution;

namespace KvGraph.Core.Tests.Resolution;

/// <summary>A letter is never identified by its date alone: date and sender, then kenmerk or subject.</summary>
public sealed class LetterIdentityTests
{
    /// <summary>Offices as the corpus writes them → the sending ministry.</summary>
    public static TheoryData<string, string> Offices => new()
    {
        // seed 000 header
        { "Minister van Buitenlandse Zaken", "buitenlandse-zaken" },
        // a state secretary's letter is the ministry's letter
        { "Staatssecretaris van Justitie en Veiligheid", "justitie-en-veiligheid" },
        // kamervragen-limburg: a minister without portfolio
        { "Minister voor Klimaat en Groene Groei", "klimaat-en-groene-groei" },
        // learninglion 2271: the portfolio in brackets is not the ministry
        { "Staatssecretaris van Volksgezondheid, Welzijn en Sport (Jeugd, Preventie en Sport)", "volksgezondheid-welzijn-en-sport" },
        // learninglion 1786: the portfolio after a dash
        { "Staatssecretaris van Financiën - Fiscaliteit en Belastingdienst", "financien" },
        // learninglion 2129: the letterhead abbreviation
        { "BZ", "buitenlandse-zaken" },
        // the old and new names of BHO are one sender
        { "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking", "buitenlandse-handel-en-ontwikkelingshulp" },
    };

    [Theory]
    [MemberData(nameof(Offices))]
    public void The_sender_is_the_ministry(string office, string sender) => Assert.Equal(sender, Senders.FromOffice(office));

    /// <summary>Letter mentions that name their sender, and ones that do not (the citing document's answerer sent them).</summary>
    public static TheoryData<string, string?> Named => new()
    {
        // kamervragen-limburg 571
        { "brief vanuit de Europese Commissie van 15 juli jl.", "europese-commissie" },
        // kamervragen-limburg question 2024Z18890
        { "brandbrief van enkele fracties inzake voortgang van de Hersteloperatie Toeslagen", "kamerleden" },
        // a minister named in the mention
        { "de brief van de minister van Financiën van 3 mei 2024", "financien" },
        // negative: the answerer's own letter
        { "mijn brief van 10 september 2024", null },
        // negative: a Kamerbrief without sender
        { "Kamerbrief van 4 november 2022", null },
        // negative: the predecessor is the same ministry, not named
        { "Kamerbrief van mijn voorganger over de voortgang waterstof van 30 mei jl.", null },
        // negative: "minister" without a ministry
        { "de brief van de minister van 3 mei", null },
    };

    [Theory]
    [MemberData(nameof(Named))]
    public void A_mention_may_name_its_sender(string quote, string? sender) => Assert.Equal(sender, Senders.NamedIn(quote));

    [Fact]
    public void Two_letters_of_one_day_and_sender_stay_apart_by_subject()
    {
        // The case: on 27 June 2024 a climate letter (Delta Rhine Corridor) and a Verzamelbrief justitiële jeugd;
        // here two subjects of one sender, which must not merge; a bare mention of that day cannot tell which and stays alone.
        var key = LetterIdentity.Key("2024-06-27", "justitie-en-veiligheid");
        var identity = LetterIdentity.Create(
        [
            new LetterMention(key, null, "Verzamelbrief justitiële jeugd", "ah-tk-20242025-604"),
            new LetterMention(key, null, "Delta Rhine Corridor waterstof", "ah-tk-20232024-2210"),
            new LetterMention(key, null, null, "ah-tk-20242025-999"),
        ]);
        var jeugd = identity.Resolve(key, null, "Verzamelbrief justitiële jeugd", "ah-tk-20242025-604");
        var drc = identity.Resolve(key, null, "Delta Rhine Corridor waterstof", "ah-tk-20232024-2210");
        var bare = identity.Resolve(key, null, null, "ah-tk-20242025-999");
        Assert.NotEqual(jeugd.Id, drc.Id);
        Assert.NotEqual(bare.Id, jeugd.Id);
        Assert.NotEqual(bare.Id, drc.Id);
        Assert.Equal(LinkMethod.Unresolved, bare.Method);
    }

    [Fact]
    public void Mentions_of_one_letter_by_date_and_sender_are_one_node_and_different_senders_are_not()
    {
        var vws = LetterIdentity.Key("2024-06-21", "volksgezondheid-welzijn-en-sport");
        var ezk = LetterIdentity.Key("2024-06-21", "klimaat-en-groene-groei");
        var identity = LetterIdentity.Create(
        [
            new LetterMention(vws, null, null, "ah-tk-20232024-2271"),
            new LetterMention(vws, null, "voortgang jeugd", "ah-tk-20232024-2395"),
            new LetterMention(ezk, null, null, "ah-tk-20232024-2210"),
        ]);
        Assert.Equal(identity.Resolve(vws, null, null, "ah-tk-20232024-2271").Id, identity.Resolve(vws, null, "voortgang jeugd", "ah-tk-20232024-2395").Id);
        Assert.NotEqual(identity.Resolve(vws, null, null, "ah-tk-20232024-2271").Id, identity.Resolve(ezk, null, null, "ah-tk-20232024-2210").Id);
    }

    [Fact]
    public void Without_a_sender_a_mention_is_never_joined_on_its_date()
    {
        var key = LetterIdentity.Key("2024-10-24", null);
        var identity = LetterIdentity.Create([new LetterMention(key, null, null, "kv-tk-2024Z18558"), new LetterMention(key, null, null, "kv-tk-2024Z18559")]);
        Assert.NotEqual(identity.Resolve(key, null, null, "kv-tk-2024Z18558").Id, identity.Resolve(key, null, null, "kv-tk-2024Z18559").Id);
    }

    [Fact]
    public void Kenmerken_that_differ_are_different_letters()
    {
        var key = LetterIdentity.Key("2024-11-11", "buitenlandse-zaken");
        var identity = LetterIdentity.Create([new LetterMention(key, "BZ2407724", null, "a"), new LetterMention(key, "BZ2407999", null, "b")]);
        Assert.NotEqual(identity.Resolve(key, "BZ2407724", null, "a").Id, identity.Resolve(key, "BZ2407999", null, "b").Id);
        Assert.All(new[] { identity.Resolve(key, "BZ2407724", null, "a"), identity.Resolve(key, "BZ2407999", null, "b") }, m => Assert.Equal(LinkMethod.DateSender, m.Method));
    }
}
