using KvGraph.Core.Identity;

namespace KvGraph.Core.Tests.Identity;

/// <summary>A parsed id knows its scheme; nothing else looks at prefixes.</summary>
public sealed class DocIdTests
{
    public static TheoryData<string, IdScheme> Schemes => new()
    {
        // seed 000: a motion
        { "kst-21501-20-1591", IdScheme.Kamerstuk },
        // an Eerste Kamer lettered stuk
        { "kst-36373-H", IdScheme.Kamerstuk },
        { "dossier:21501-20", IdScheme.Dossier },
        { "ah-tk-20202021-2302", IdScheme.Aanhangsel },
        { "h-tk-20232024-45-12", IdScheme.Handelingen },
        { "kv-tk-2021Z02286", IdScheme.Question },
        // seed 004: an answer known only by its zaak
        { "answer:2019Z19189", IdScheme.Answer },
        // an open-data motion record
        { "zaak:2022Z00782", IdScheme.ZaakDocument },
        { "2019Z10940", IdScheme.Zaak },
        { "2024D12345", IdScheme.TkDocument },
        // a motion text without kst footer
        { "tkdoc:0a24c346-5c39-444e-8353-7c3b021beb15", IdScheme.TkDocument },
        { "letter:2018-08-27:buitenlandse-zaken", IdScheme.Letter },
        { "motion:simons@ah-tk-20232024-1481", IdScheme.Motion },
        { "file:notitie", IdScheme.File },
        { "ECLI:NL:HR:2024:123", IdScheme.Ecli },
        // a ministry reference has no prefix and no zaak shape
        { "BZDOC-693942081-24", IdScheme.Reference },
        // a zaak with a lower-case z is not canonical: a reference until a recogniser repairs it
        { "2024z00081", IdScheme.Reference },
        // ten digits (an OCR-damaged zaak) are not a zaak by shape
        { "2019219189", IdScheme.Reference },
        { "person:van-den-hul", IdScheme.Person },
        { "party:gl", IdScheme.Party },
    };

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Scheme_is_decided_once_from_the_shape(string text, IdScheme scheme)
    {
        var id = DocId.Parse(text);
        Assert.Equal(scheme, id.Scheme);
        Assert.Equal(text, id.Value);
        Assert.Equal(text, id.ToString());
    }

    [Fact]
    public void Zaak_and_dossier_are_read_from_the_id()
    {
        Assert.Equal("2019Z19189", DocId.Parse("answer:2019Z19189").Zaak);
        Assert.Equal("2021Z02286", DocId.Parse("kv-tk-2021Z02286").Zaak);
        Assert.Equal("2022Z00782", DocId.Parse("zaak:2022Z00782").Zaak);
        Assert.Null(DocId.Parse("kst-21501-20-1591").Zaak);
        Assert.Equal("21501-20", DocId.Parse("kst-21501-20-1591").Dossier);
        Assert.Equal("35570-V", DocId.Parse("kst-35570-V-43").Dossier);
        Assert.Equal("21501-20", DocId.Parse("dossier:21501-20").Dossier);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Empty_text_is_no_id(string? text)
    {
        Assert.False(DocId.TryParse(text, out _));
        Assert.Throws<FormatException>(() => DocId.Parse(text!));
    }

    [Fact]
    public void Ids_are_equal_when_their_text_is() =>
        Assert.Equal(DocId.Parse(" kst-36373-H "), DocId.Parse("kst-36373-H"));
}
