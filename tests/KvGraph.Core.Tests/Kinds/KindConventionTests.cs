using System.Reflection;
using KvGraph.Core.Extraction;
using KvGraph.Core.Identity;
using KvGraph.Core.Kinds;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;
using KvGraph.Core.Tests.Recognition;

namespace KvGraph.Core.Tests.Kinds;

/// <summary>
/// Convention tests over the kind registry: every citation kind is registered once, owns its recognisers, has a URL
/// rule for the id schemes it owns and a placeholder label, and has a spec table with positive and negative rows.
/// Adding a kind without any of these fails here.
/// </summary>
public sealed class KindConventionTests
{
    /// <summary>Where each kind's spec table lives: (test class, table of real phrasings, table of negative rows).</summary>
    private static readonly Dictionary<CitationKind, (Type Class, string Positive, string Negative)> SpecTables = new()
    {
        [CitationKind.Motion] = (typeof(MotionRecognizerTests), "Positive", "Negative"),
        [CitationKind.Kamerstuk] = (typeof(KamerstukRecognizerTests), "Positive", "Negative"),
        [CitationKind.Dossier] = (typeof(DossierRecognizerTests), "Positive", "Negative"),
        [CitationKind.Aanhangsel] = (typeof(AanhangselHandelingenTests), "Aanhangsel", "Negative"),
        [CitationKind.Handelingen] = (typeof(AanhangselHandelingenTests), "Handelingen", "Negative"),
        [CitationKind.Answer] = (typeof(AnswerRecognizerTests), "Earlier", "Negative"),
        [CitationKind.Letter] = (typeof(LetterRecognizerTests), "Positive", "Negative"),
        [CitationKind.Zaak] = (typeof(IdRecognizerTests), "Zaak", "Negative"),
        [CitationKind.TkDocument] = (typeof(IdRecognizerTests), "TkDocument", "Negative"),
        [CitationKind.Reference] = (typeof(IdRecognizerTests), "Reference", "Negative"),
        [CitationKind.Ecli] = (typeof(IdRecognizerTests), "Ecli", "Negative"),
    };

    [Fact]
    public void Every_citation_kind_is_registered_exactly_once()
    {
        var registered = CitationKinds.All.Select(m => m.Kind).ToList();
        Assert.Equal(registered.Count, registered.Distinct().Count());
        Assert.Equal(Enum.GetValues<CitationKind>().Order(), registered.Order());
    }

    [Fact]
    public void Every_recogniser_belongs_to_one_kind_and_every_kind_has_one()
    {
        Assert.All(CitationKinds.All, m => Assert.NotEmpty(m.Recognizers));
        var owned = CitationKinds.All.SelectMany(m => m.Recognizers).ToList();
        Assert.Equal(owned.Count, owned.Distinct().Count());
        Assert.Equal(owned, CitationRecognizers.Default);
        Assert.Equal(owned, ExtractorOptions.Default.CitationRecognizers);
    }

    [Fact]
    public void Every_document_id_scheme_has_one_owner_with_a_url_rule_and_a_placeholder_label()
    {
        var documentSchemes = Enum.GetValues<IdScheme>().Where(s => s < IdScheme.Person).ToList();
        foreach (var scheme in documentSchemes)
        {
            var owners = CitationKinds.All.Where(m => m.OwnedSchemes.Contains(scheme)).ToList();
            Assert.True(owners.Count == 1, $"{scheme} has {owners.Count} owners");
        }

        Assert.All(CitationKinds.All, m =>
        {
            Assert.False(string.IsNullOrWhiteSpace(m.PlaceholderLabel));
            Assert.Contains(m.Name, m.PlaceholderLabel, StringComparison.Ordinal);
            Assert.All(m.TargetSchemes, s => Assert.NotNull(CitationKinds.All.FirstOrDefault(o => o.OwnedSchemes.Contains(s))));
        });
    }

    [Fact]
    public void Every_kind_has_a_spec_table_with_positive_and_negative_rows()
    {
        Assert.Equal(CitationKinds.All.Select(m => m.Kind).Order(), SpecTables.Keys.Order());
        foreach (var (kind, (type, positive, negative)) in SpecTables)
        {
            Assert.True(Rows(type, positive) >= 3, $"{kind}: {type.Name}.{positive} has fewer than 3 rows");
            Assert.True(Rows(type, negative) >= 3, $"{kind}: {type.Name}.{negative} has fewer than 3 negative rows");
        }
    }

    /// <summary>One URL rule per id scheme; the rows are the addresses officielebekendmakingen, the Tweede Kamer and rechtspraak.nl use.</summary>
    public static TheoryData<string, string?> Urls => new()
    {
        // a motion or other Kamerstuk: its publication
        { "kst-21501-20-1591", "https://zoek.officielebekendmakingen.nl/kst-21501-20-1591.html" },
        // an Eerste Kamer lettered stuk is published under the same scheme
        { "kst-36373-H", "https://zoek.officielebekendmakingen.nl/kst-36373-H.html" },
        // a dossier: its dossier page
        { "dossier:21501-20", "https://zoek.officielebekendmakingen.nl/dossier/21501-20" },
        // an answer in the Aanhangsel
        { "ah-tk-20202021-2302", "https://zoek.officielebekendmakingen.nl/ah-tk-20202021-2302.html" },
        // written questions as published
        { "kv-tk-2021Z02286", "https://zoek.officielebekendmakingen.nl/kv-tk-2021Z02286.html" },
        // Handelingen
        { "h-tk-20232024-45-12", "https://zoek.officielebekendmakingen.nl/h-tk-20232024-45-12.html" },
        // a bare zaak: the zaak's page (not a search for the text)
        { "2019Z19189", "https://www.tweedekamer.nl/kamerstukken/detail?id=2019Z19189" },
        // an answer known by its zaak: the same page; the id's prefix never leaks into the address
        { "answer:2019Z19189", "https://www.tweedekamer.nl/kamerstukken/detail?id=2019Z19189" },
        // an open-data motion record
        { "zaak:2022Z00782", "https://www.tweedekamer.nl/kamerstukken/detail?id=2022Z00782" },
        // a court decision
        { "ECLI:NL:HR:2024:123", "https://uitspraken.rechtspraak.nl/details?id=ECLI%3ANL%3AHR%3A2024%3A123" },
        // a letter without number has no public address of its own
        { "letter:2018-08-27:buitenlandse-zaken", null },
        // an unresolved motion mention neither
        { "motion:simons@ah-tk-20232024-1481", null },
        // a ministry reference is internal
        { "BZDOC-693942081-24", null },
        // a TK document number needs its zaak for an address
        { "2024D12345", null },
        // people are not documents
        { "person:kaag", null },
    };

    [Theory]
    [MemberData(nameof(Urls))]
    public void Official_url_comes_from_the_kind_that_owns_the_id(string id, string? url) =>
        Assert.Equal(url, CitationKinds.OfficialUrl(id));

    /// <summary>What a kept citation covers, decided by its kind (the settle stage drops covered citations).</summary>
    public static TheoryData<CitationKind, string, int, int, CitationKind, string, int, int, bool> Covering => new()
    {
        // seed 000: "motie Van den Nieuwenhuijzen c.s. (21 501-20, nr. 1591)" covers the Kamerstuk number inside it
        { CitationKind.Motion, "kst-21501-20-1591", 0, 55, CitationKind.Kamerstuk, "kst-21501-20-1591", 35, 54, true },
        // a motion covers any reading inside it with its target
        { CitationKind.Motion, "kst-21501-20-1591", 0, 55, CitationKind.Dossier, "kst-21501-20-1591", 35, 45, true },
        // an answer's Aanhangsel number read again as a bare Kamerstuk says nothing new
        { CitationKind.Answer, "ah-tk-20242025-135", 0, 80, CitationKind.Kamerstuk, "ah-tk-20242025-135", 40, 79, true },
        // negative: another target inside (a letter's kenmerk zaak is its own citation)
        { CitationKind.Letter, "letter:2018-08-27", 0, 60, CitationKind.Zaak, "2018Z15781", 40, 58, false },
        // negative: a Kamerstuk does not swallow the motion reading of the same number
        { CitationKind.Kamerstuk, "kst-21501-20-1591", 0, 30, CitationKind.Motion, "kst-21501-20-1591", 5, 25, false },
        // negative: same target, but not inside
        { CitationKind.Motion, "kst-21501-20-1591", 0, 20, CitationKind.Kamerstuk, "kst-21501-20-1591", 30, 50, false },
    };

    [Theory]
    [MemberData(nameof(Covering))]
    public void Each_kind_decides_what_it_covers(CitationKind kind, string target, int start, int end, CitationKind otherKind, string otherTarget, int otherStart, int otherEnd, bool covers)
    {
        var mine = new Citation(kind, target, null, new string('x', end - start), start, end, 1.0);
        var other = new Citation(otherKind, otherTarget, null, new string('x', otherEnd - otherStart), otherStart, otherEnd, 1.0);
        Assert.Equal(covers, CitationKinds.Covers(mine, other));
    }

    private static int Rows(Type type, string property)
    {
        var p = type.GetProperty(property, BindingFlags.Public | BindingFlags.Static) ?? throw new InvalidOperationException($"{type.Name}.{property} is missing");
        return ((System.Collections.IEnumerable)p.GetValue(null)!).Cast<object>().Count();
    }
}
