using KvGraph.Core.Entities;
using KvGraph.Core.Entities.People;

namespace KvGraph.Core.Tests.Entities.People;

/// <summary>The identity rule on real name phrasings from the corpus and the seeds.</summary>
public sealed class PersonIdentitySpec
{
    [Theory]
    [InlineData("S.H. Simons", "Simons")] // open-data ZaakActor (tkmoties-index): initials dropped
    [InlineData("S.H. (Sylvana) Simons", "Simons")] // the same member with her roepnaam in brackets
    [InlineData("Simons", "Sylvana Simons")] // the motion's "het lid Simons" vs a first name
    [InlineData("J.F. Klaver", "Klaver")] // ZaakActor of a 2022 motion
    [InlineData("Klaver", "Klaver")] // "Vragen van het lid Klaver (GroenLinks-PvdA)", learninglion
    [InlineData("Tom van den Nieuwenhuijzen-Wittens", "Van den Nieuwenhuijzen-Wittens")] // seed 000 asker, first name given
    [InlineData("Van den Nieuwenhuijzen-Wittens", "van den Nieuwenhuijzen-Wittens")] // tussenvoegsel in either case
    [InlineData("C.G. van der Staaij", "Van der Staaij")] // ZaakActor with a lower-case tussenvoegsel
    [InlineData("P.E. (Pieter) Heerma", "Pieter Heerma")] // roepnaam in brackets vs "Motie van de leden Van der Staaij en Pieter Heerma"
    [InlineData("Yeşilgöz-Zegerius", "Yesilgöz-Zegerius")] // diacritics folded (both spellings are in the corpus)
    [InlineData("VAN DER STAAIJ", "Van der Staaij")] // motion text header in capitals (moties-toegelicht)
    [InlineData("Kirsten van den Hul", "Van den Hul")] // seed 000 asker vs the answer's "Volledige titel"
    public void Same_person(string a, string b)
    {
        Assert.True(PersonIdentity.Same(a, b), $"{a} / {b}");
        Assert.Equal(PersonIdentity.IdOf(a), PersonIdentity.IdOf(b));
    }

    [Theory]
    [InlineData("Van den Nieuwenhuijzen", "C. van Nieuwenhuizen Wijbenga")] // Handelingen 2018 minister vs the GL member
    [InlineData("I. (Inge) van Dijk", "J. (Jimmy) Dijk")] // the tussenvoegsel is part of the surname
    [InlineData("T.M.T. van der Lee", "Lee")] // idem, 'Van der'
    [InlineData("L.W.E. (Léon) de Jong", "Jong")] // idem, 'de'
    [InlineData("H. Dekker-Abdulaziz", "R.J. Dekker")] // a double surname is kept whole: two members in the 2022–23 records
    [InlineData("N.J.F. Pouw-Verweij", "Verweij")] // the second part of a double name is not the person
    [InlineData("Kuik", "Kuiken")] // a prefix of a surname is another surname
    [InlineData("Van Haga", "Haga")] // tussenvoegsel kept
    [InlineData("Van Ojik", "Van Oijk")] // one letter apart is another name
    [InlineData("Klaver", "Klaver-Westerveld")] // "amendement Klaver-Westerveld" (learninglion): a double name is not its first part by itself
    [InlineData("El Abassi", "Abassi")] // Arabic particle kept
    [InlineData("Van 't Wout", "Wout")] // apostrophe particle kept
    public void Different_people(string a, string b) => Assert.NotEqual(PersonIdentity.IdOf(a), PersonIdentity.IdOf(b));

    [Theory]
    [InlineData("Tom van den Nieuwenhuijzen-Wittens", "person:van-den-nieuwenhuijzen")] // seed 000: short form the motion uses
    [InlineData("H. Dekker-Abdulaziz", "person:dekker")] // a short form exists; PersonDirectory decides whether it is her
    [InlineData("Faber-Van de Klashorst", "person:faber")] // tussenvoegsel of the second part
    [InlineData("Van Nieuwenhuizen Wijbenga", null)] // a double surname with a space has no short form
    [InlineData("Klaver", null)] // single surname
    public void Short_forms(string name, string? shortId) => Assert.Equal(shortId, PersonIdentity.ShortFormId(name));

    [Theory]
    [InlineData("S.H. Simons", null, "Simons")] // initials are not part of the shown name
    [InlineData("P.E. (Pieter) Heerma", null, "Heerma")] // nor the roepnaam
    [InlineData("Tom van den Nieuwenhuijzen-Wittens", "Tom", "Van den Nieuwenhuijzen-Wittens")] // first name kept as Given
    public void Parses(string phrasing, string? given, string display)
    {
        var p = PersonIdentity.TryParse(phrasing)!;
        Assert.Equal(display, PersonIdentity.DisplayName(phrasing));
        if (given is not null)
        {
            Assert.Equal(given, p.Given);
        }
        else
        {
            Assert.NotNull(p.Given); // initials or roepnaam were there and are kept apart from the surname
        }
    }

    [Theory]
    [InlineData("party:volt", "Volt")] // the id users saw raw
    [InlineData("party:gl", "GroenLinks")] // id
    [InlineData("GL", "GroenLinks")] // openkamer header abbreviation
    [InlineData("party:gl-pvda", "GroenLinks-PvdA")] // the merged party
    [InlineData("GroenLinks-PvdA", "GroenLinks-PvdA")] // as written in learninglion
    [InlineData("party:bij1", "BIJ1")] // digits
    [InlineData("Omtzigt", "Lid Omtzigt")] // ZaakActor ActorFractie of a one-member group
    [InlineData("Fractie Den Haan", "Fractie Den Haan")] // idem
    [InlineData("party:unknown-group", "unknown group")] // not known: shown as written, never as an id
    public void Party_display_names(string idOrName, string shown) => Assert.Equal(shown, Parties.DisplayName(idOrName));

    [Theory]
    [InlineData("het lid Omtzigt")] // a one-member group's alias is not a party in running text
    [InlineData("de leden Den Haan en Ephraim")] // idem
    public void One_member_group_aliases_stay_out_of_running_text(string text) =>
        Assert.DoesNotContain(Parties.Lexicon.Find(text), m => m.Value.Id.StartsWith("party:lid-", StringComparison.Ordinal) || m.Value.Id == "party:fractie-den-haan");
}
