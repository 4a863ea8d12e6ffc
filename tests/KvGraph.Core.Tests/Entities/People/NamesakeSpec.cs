using KvGraph.Core.Entities.People;
using KvGraph.Core.Graph;

namespace KvGraph.Core.Tests.Entities.People;

/// <summary>
/// Namesakes on real names: the directory is built from real open-data ZaakActors (tkmoties-index, name, ActorFractie
/// and GestartOp of each member's first record), and each row is a real phrasing of a mention with the party and date
/// its document gives.
/// </summary>
public sealed class NamesakeSpec
{
    // (ZaakActor as written, ActorFractie, GestartOp of the first record naming the member)
    private static readonly (string Name, string Party, string Date)[] Actors =
    [
        ("I. (Inge) van Dijk", "party:cda", "2022-01-25"), // 2022Z01058
        ("G.J. (Gijs) van Dijk", "party:pvda", "2022-01-27"), // 2022Z01365
        ("J.J. (Jasper) van Dijk", "party:sp", "2022-02-03"), // 2022Z01974
        ("D.J.H. (Diederik) van Dijk", "party:sgp", "2023-12-13"), // 2023Z20093
        ("S.H. Simons", "party:bij1", "2022-01-19"), // 2022Z00782
        ("S.H. (Sylvana) Simons", "party:bij1", "2022-03-23"), // 2022Z05594
        ("C. (Chris) Simons", "party:vvd", "2023-04-18"), // 2023Z06783
        ("R.H. (Romke) de Jong", "party:d66", "2022-02-02"), // 2022Z01808
        ("L.W.E. (Léon) de Jong", "party:pvv", "2022-02-22"), // 2022Z03396
        ("C. Teunissen", "party:pvdd", "2022-02-03"), // 2022Z01975
        ("J.C.M. (Hans) Teunissen", "party:d66", "2023-10-19"), // 2023Z17920
        ("J.F. Klaver", "party:gl", "2022-01-19"), // 2022Z00782
    ];

    private static readonly PersonDirectory Directory = PersonDirectory.Of(
        Actors.Select(a => new GraphNode(PersonIdentity.IdOf(a.Name), NodeLabel.Person, PersonIdentity.DisplayName(a.Name), new Dictionary<string, object?>())),
        Actors.Select(a => MemberOf(a.Name, a.Party, a.Date)));

    [Theory]
    [InlineData("J.J. (Jasper) van Dijk", null, null, "J.J. (Jasper) van Dijk")] // the ZaakActor itself
    [InlineData("Jasper van Dijk", null, null, "J.J. (Jasper) van Dijk")] // signature of kst-32317-809 «KRÖGER EN JASPER VAN DIJK»: his first name
    [InlineData("Inge van Dijk", "party:cda", "2022-10-13", "I. (Inge) van Dijk")] // «Vragen van het lid Inge vanDijk (CDA)», ah-tk-20232024-878
    [InlineData("Van Dijk", "party:sgp", "2024-01-16", "D.J.H. (Diederik) van Dijk")] // «het lid Van Dijk (SGP)»: the one Van Dijk of the SGP
    [InlineData("Van Dijk", "party:sp", "2022-11-10", "J.J. (Jasper) van Dijk")] // «Vragen van het lid Van Dijk (SP)»: party at the date
    [InlineData("S.H. Simons", "party:bij1", "2022-01-19", "S.H. (Sylvana) Simons")] // 2022Z00782 without the roepnaam, same initials
    [InlineData("Sylvana Simons", null, null, "S.H. Simons")] // «Motie van het lid Sylvana Simons»: her first name
    [InlineData("C. Teunissen", "party:pvdd", "2022-02-03", "C. (Christine) Teunissen")] // 2022Z04545 and 2023Z13199: same initial
    [InlineData("Romke de Jong", null, null, "R.H. (Romke) de Jong")] // heading of kst-36200-IX-29 «ROMKE DE JONG EN GRINWIS»
    [InlineData("J.F. Klaver", "party:gl", "2022-01-19", "Klaver")] // a single-person surname keeps its id
    public void Same_person(string mention, string? party, string? date, string actor) =>
        Assert.Equal(Id(actor, null, null), Id(mention, party, date));

    [Theory]
    [InlineData("C. (Chris) Simons", "party:vvd", "2023-04-18", "S.H. (Sylvana) Simons")] // 2023Z08598 vs 2022Z11102: other initials, other party
    [InlineData("I. (Inge) van Dijk", "party:cda", "2022-01-25", "J.J. (Jasper) van Dijk")] // 2022Z03562 vs 2023Z18483
    [InlineData("Diederik van Dijk", null, null, "J.J. (Jasper) van Dijk")] // first name of the SGP member
    [InlineData("L.W.E. (Léon) de Jong", "party:pvv", "2023-10-12", "R.H. (Romke) de Jong")] // 2023Z17372 vs 2022Z04385
    [InlineData("Hans Teunissen", null, null, "C. Teunissen")] // «Motie van het lid Hans Teunissen»: the D66 member
    [InlineData("Van Dijk", null, null, "I. (Inge) van Dijk")] // «motie Van Dijk» with nothing else: stays the surname, no one's node
    [InlineData("Van Dijk", "party:gl-pvda", "2024-02-01", "G.J. (Gijs) van Dijk")] // a party none of them had in their records: the surname
    [InlineData("Emiel van Dijk", "party:pvv", "2023-12-14", "J.J. (Jasper) van Dijk")] // a first name no Van Dijk here is known by, initial E: no one
    [InlineData("J. (Jimmy) Dijk", "party:sp", "2023-12-06", "J.J. (Jasper) van Dijk")] // the tussenvoegsel is part of the surname: another person
    [InlineData("Simons", "party:bij1", "2022-01-19", "C. (Chris) Simons")] // BIJ1 at the date is Sylvana, not Chris
    public void Different_people(string mention, string? party, string? date, string actor) =>
        Assert.NotEqual(Id(actor, null, null), Id(mention, party, date));

    [Fact]
    public void Only_surnames_with_different_initials_gain_a_disambiguator()
    {
        Assert.Equal(["person:de-jong", "person:simons", "person:teunissen", "person:van-dijk"], Directory.Namesakes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["person:van-dijk~djh", "person:van-dijk~gj", "person:van-dijk~i", "person:van-dijk~jj"], Directory.Namesakes["person:van-dijk"].Select(n => n.Id));
        Assert.Equal(["Chris Simons", "Sylvana Simons"], Directory.Namesakes["person:simons"].Select(n => n.Name).Order(StringComparer.Ordinal)); // shown by first name
        Assert.Equal("Jasper van Dijk", Directory.Namesakes["person:van-dijk"].Single(n => n.Id.EndsWith("~jj", StringComparison.Ordinal)).Name);
    }

    [Fact]
    public void The_directory_does_not_depend_on_the_order_of_its_evidence()
    {
        var reversed = PersonDirectory.Of(Actors.Reverse().Select(a => new GraphNode(PersonIdentity.IdOf(a.Name), NodeLabel.Person, PersonIdentity.DisplayName(a.Name), new Dictionary<string, object?>())), Actors.Reverse().Select(a => MemberOf(a.Name, a.Party, a.Date)));
        Assert.Equal(Snapshot(Directory), Snapshot(reversed));
    }

    private static string Id(string mention, string? party, string? date) =>
        Directory.IdOf(PersonIdentity.IdOf(mention), PersonMention.Of(mention), party, date);

    private static GraphEdge MemberOf(string name, string party, string date)
    {
        var props = PartyMembership.EdgeProperties(date);
        foreach (var (k, v) in PersonMention.Of(name).Properties())
        {
            props[k] = v;
        }

        return new GraphEdge(PersonIdentity.IdOf(name), party, EdgeType.MemberOf, props);
    }

    private static List<string> Snapshot(PersonDirectory d) =>
        [.. d.Namesakes.SelectMany(kv => kv.Value.Select(n => $"{kv.Key} {n.Id} {n.Name} {string.Join(",", n.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}")).Order(StringComparer.Ordinal)];
}
