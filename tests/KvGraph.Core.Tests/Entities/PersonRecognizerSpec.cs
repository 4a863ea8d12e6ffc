using KvGraph.Core.Entities;

namespace KvGraph.Core.Tests.Entities;

public sealed class PersonRecognizerSpec
{
    private static readonly PersonRecognizer Recognizer = new();

    [Theory]
    [InlineData("de motie van het lid Bikker over", "person:bikker", "Bikker", "member", null)] // het lid
    [InlineData("van de leden Piri en Veldkamp over", "person:veldkamp", "Veldkamp", "member", null)] // second of a pair
    [InlineData("van de leden Piri en Veldkamp over", "person:piri", "Piri", "member", null)] // first of a pair
    [InlineData("heeft Minister Kaag gesproken met", "person:kaag", "Kaag", "minister", null)] // minister, capital M
    [InlineData("volgens minister Van Weel is", "person:van-weel", "Van Weel", "minister", null)] // capitalised tussenvoegsel
    [InlineData("de staatssecretaris Van der Burg schreef", "person:van-der-burg", "Van der Burg", "staatssecretaris", null)] // two-part tussenvoegsel
    [InlineData("gesteld van de leden Van den Hul, Van Ojik en Van den Nieuwenhuijzen over", "person:van-ojik", "Van Ojik", "member", null)] // list with commas
    [InlineData("op vragen van\nKuzu (DENK) over de situatie", "person:kuzu", "Kuzu", "member", "party:denk")] // party in brackets
    [InlineData("Indieners Tom van den Nieuwenhuijzen-Wittens (GL), Bram van Ojik (GL)", "person:van-den-nieuwenhuijzen-wittens", "Van den Nieuwenhuijzen-Wittens", "member", "party:gl")] // first name and double surname
    [InlineData("Beantwoord door Sigrid Kaag (minister zonder portefeuille buitenlandse zaken) (D66), Stef Blok", "person:kaag", "Kaag", "minister", "party:d66")] // office between name and party
    [InlineData("De Minister van Buitenlandse Zaken,\n\nStef Blok\n", "person:blok", "Blok", "minister", null)] // signature
    [InlineData("De Minister van Buitenlandse Zaken, Stef Blok\n\nAntwoorden", "person:blok", "Blok", "minister", null)] // signature joined on one line
    [InlineData("conform de moties Sjoerdsma c.s. (21 501-20, nr. 1596), Ploumen (35 570 V, nr. 43) en Kuzu (35 570 V, nr. 53).", "person:ploumen", "Ploumen", "sponsor", null)] // motion sponsors between citations
    [InlineData("aldus Kamerlid Omtzigt in het debat", "person:omtzigt", "Omtzigt", "member", null)] // Kamerlid
    [InlineData("Minister-President Rutte zei", "person:rutte", "Rutte", "minister", null)] // prime minister
    [InlineData("In mijn appreciatie van de motie Van Dijk (PVV) omtrent", "person:van-dijk", "Van Dijk", "sponsor", "party:pvv")] // capitalised tussenvoegsel is not a first name
    [InlineData("de uitvoering van de motie-Van Nispen c.s. (Kamerstuk", "person:van-nispen", "Van Nispen", "sponsor", null)] // motie- with a hyphen
    [InlineData("vragen van de leden Paternotte (D66), Van der Burg (VVD) en", "person:van-der-burg", "Van der Burg", "member", "party:vvd")] // party after each name in a list
    [InlineData("Minister Faber-Van de Klashorst (Asiel en Migratie)", "person:faber-van-de-klashorst", "Faber-Van de Klashorst", "minister", null)] // tussenvoegsel after the hyphen
    [InlineData("het lid El Abassi (DENK) aan de", "person:el-abassi", "El Abassi", "member", "party:denk")] // Arabic particle
    [InlineData("Vragen van het lid Edgar Mulder over het bericht", "person:mulder", "Mulder", "member", null)] // first name without tussenvoegsel
    [InlineData("Antwoord van Minister Yes\u0327ilgo\u0308z-Zegerius (Justitie en Veiligheid)", "person:yesilgoz-zegerius", "Yes\u0327ilgo\u0308z-Zegerius", "minister", null)] // combining diacritics
    [InlineData("het lid Inge van Dijk (CDA), Vijlbrief", "person:van-dijk", "Van Dijk", "member", "party:cda")] // first name after the title
    public void Finds_people(string text, string id, string name, string role, string? party)
    {
        var found = EntityKit.Run(Recognizer, text);
        var person = Assert.Single(found, e => e.Id == id);
        Assert.Equal(name, person.Name);
        Assert.Equal(role, person.Role);
        Assert.Equal(party, person.Party);
    }

    [Theory]
    [InlineData("De Minister van Buitenlandse Zaken heeft")] // office, not a person
    [InlineData("de Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking")] // minister without portfolio
    [InlineData("het ministerie van Buitenlandse Zaken spreekt")] // ministry
    [InlineData("antwoorden van de minister. Nederland blijft")] // sentence ends after the title
    [InlineData("Minister Van Buitenlandse Zaken")] // capitalised office after a title
    [InlineData("lid 2 van artikel 3")] // 'lid' of an article
    [InlineData("de leden van de fractie")] // lower-case words after 'leden'
    [InlineData("op vragen van Kuzu over de situatie")] // no title, no party: not found by name alone
    [InlineData("de stemming (VVD) was")] // a party in brackets after a common word
    [InlineData("het kabinet (uitgave 2021) meldt")] // brackets that hold no party
    [InlineData("de minister Nederland vertegenwoordigt")] // a country after a title
    [InlineData("de minister President")] // title words are no names
    [InlineData("Kamerleden EU en NAVO")] // abbreviations are not surnames
    [InlineData("de motie Oekraïne")] // a country after motie
    [InlineData("De Minister van Buitenlandse Zaken, Nederland en de EU hebben")] // not a signature: the line goes on
    [InlineData("het lid 5 van de wet")] // a numbered paragraph
    [InlineData("aan de Minister Klimaat en Groene Groei over")] // an office without 'van' after the title, listed words included
    [InlineData("de Minister Justitie en Veiligheid over")] // idem
    [InlineData("de motie-indiener heeft")] // lower case after motie-
    [InlineData("de leden In de Kamer")] // capitalised words that are no name: 'In de Kamer'
    [InlineData("In Den Haag (VVD-fractie)")] // brackets hold no party
    [InlineData("de Minister van Asiel en Migratie (PVV)")] // an office before a party is no person
    [InlineData("Kamerleden NAVO-breed")] // organisation
    public void Does_not_find_people(string text)
    {
        Assert.Empty(EntityKit.Run(Recognizer, text));
    }

    [Theory]
    [InlineData("Van den Hul", "person:van-den-hul")] // the documented form
    [InlineData("van den Hul", "person:van-den-hul")] // case of the tussenvoegsel does not matter
    [InlineData("Kröger", "person:kroger")] // diacritics folded
    [InlineData("Van 't Wout", "person:van-t-wout")] // apostrophe
    [InlineData("Dekker-Abdulaziz", "person:dekker-abdulaziz")] // double surname kept whole
    [InlineData("Faber-Van de Klashorst", "person:faber-van-de-klashorst")] // tussenvoegsel of the second surname
    public void Person_ids(string surname, string id) => Assert.Equal(id, PersonIds.For(surname));

    [Theory]
    [InlineData("Tom van den Nieuwenhuijzen-Wittens", "Van den Nieuwenhuijzen-Wittens")]
    [InlineData("Stef Blok", "Blok")]
    [InlineData("J.J. Klaver", "Klaver")]
    [InlineData("Van Ojik", "Van Ojik")]
    [InlineData("Kuzu", "Kuzu")]
    [InlineData("Marjolein Faber-Van de Klashorst", "Faber-Van de Klashorst")]
    public void Surnames_from_full_names(string full, string surname) => Assert.Equal(surname, PersonIds.SurnameOf(full));

    [Fact]
    public void Short_form_id_links_a_short_double_name()
    {
        Assert.Equal(PersonIds.For("Van den Nieuwenhuijzen"), KvGraph.Core.Entities.People.PersonIdentity.ShortFormId("Van den Nieuwenhuijzen-Wittens"));
        Assert.Null(KvGraph.Core.Entities.People.PersonIdentity.ShortFormId("Kaag"));
    }
}
