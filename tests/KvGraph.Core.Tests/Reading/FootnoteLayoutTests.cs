using KvGraph.Core.Reading;

namespace KvGraph.Core.Tests.Reading;

/// <summary>
/// Footnote layouts of pdftotext Aanhangsel text, as real pages write them: a column of note numbers apart from the
/// notes, numbers out of order, and a marker at the start of the next line. Lines are separated by '|' in the tables.
/// </summary>
public sealed class FootnoteLayoutTests
{
    private static List<string> Lines(string page) => [.. page.Split('|')];

    [Theory]
    // ll-1432 page 1: the column "1 2", the colophon, then the two notes in order.
    [InlineData("1|2||ah-tk-20232024-1432|ISSN 0921 - 7398|’s-Gravenhage 2024||Kamerstuk 36 410 VIII, nr. 106|Kamerstuk 36 410 VIII, nr. 82||Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel", 1,
        "1=Kamerstuk 36 410 VIII, nr. 106|2=Kamerstuk 36 410 VIII, nr. 82")]
    // ll-1481 page 1: one number, the colophon, one note.
    [InlineData("1||ah-tk-20232024-1481|ISSN 0921 - 7398|’s-Gravenhage 2024||Kamerstuk 36 200 IV, nr. 25.||Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel", 1,
        "1=Kamerstuk 36 200 IV, nr. 25.")]
    // ll-1980 page 2: the column "5 6" and then the notes, no colophon.
    [InlineData("5|6||Kamerstukken II 2023–34, 23 235, nr. 240.|Kamerstukken II2015–16, 34 104, nr. 128.||Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel", 5,
        "5=Kamerstukken II 2023–34, 23 235, nr. 240.|6=Kamerstukken II2015–16, 34 104, nr. 128.")]
    // ll-2271 page 2: numbers printed out of order between the notes; the notes are in order.
    [InlineData("2||Zie de website www.firsteetkit.nl|Zie www.zorgkaart.eetstoornissennetwerk.nl|4|Kamerstukken II, 2023/2024, 31 839, nr. 1024|3||Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel", 2,
        "2=Zie de website www.firsteetkit.nl|3=Zie www.zorgkaart.eetstoornissennetwerk.nl|4=Kamerstukken II, 2023/2024, 31 839, nr. 1024")]
    // ll-1432 page 2: one number with its note on a line of its own.
    [InlineData("3||bis: culturele basisinfrastructuur||Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel", 3,
        "3=bis: culturele basisinfrastructuur")]
    public void A_number_column_takes_its_notes_in_order(string page, int expected, string notes)
    {
        var zone = AanhangselReader.ColumnZoneAt(Lines(page), 0, expected);
        Assert.NotNull(zone);
        Assert.Equal(notes, string.Join('|', zone.Value.Notes.Select(n => $"{n.Number}={n.Text}")));
    }

    [Theory]
    // ll-1432 page 1 as a body line would be read with notes 1 and 2 already taken: 1 is no longer expected.
    [InlineData("1|2||ah-tk-20232024-1432|ISSN 0921 - 7398||Kamerstuk 36 410 VIII, nr. 106|Kamerstuk 36 410 VIII, nr. 82", 3)]
    // Two numbers, three note lines: which line starts which note is unknown.
    [InlineData("5|6||Kamerstukken II 2023–34, 23 235, nr. 240.|Kamerstukken II2015–16, 34 104, nr. 128.|www.stormaanpak.nl||Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel", 5)]
    // A gap in the numbers (5 and 7, no 6): not a column of notes.
    [InlineData("5|7||Kamerstukken II 2023–34, 23 235, nr. 240.|Kamerstukken II2015–16, 34 104, nr. 128.||Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel", 5)]
    // kl-023: a marker left on a line of its own before a heading is no note.
    [InlineData("1|Antwoord 1|Ja.", 1)]
    // A year on a line of its own is no note number.
    [InlineData("2024||Kamerstuk 36 410 VIII, nr. 106", 1)]
    // A page with a number and no text before the footer.
    [InlineData("2||Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel", 2)]
    public void Other_number_lines_are_no_column(string page, int expected) =>
        Assert.Null(AanhangselReader.ColumnZoneAt(Lines(page), 0, expected));

    [Theory]
    // kl-023: the marker of note 5 at the start of the next line.
    [InlineData("In de Kamerbrief van 4 november 2022|5 is uitgebreid ingegaan op het", "In de Kamerbrief van 4 november 2022[5]|is uitgebreid ingegaan op het")]
    // kl-048: after a question mark, before a capital.
    [InlineData("wet te accepteren»?|6 Is het niet passender om te spreken van het niet naleven", "wet te accepteren»?[6]|Is het niet passender om te spreken van het niet naleven")]
    // kl-048: after a comma.
    [InlineData("een externe audit in2015,|3 nu volledig uitgevoerd? Zo nee, wanneer wél?", "een externe audit in2015,[3]|nu volledig uitgevoerd? Zo nee, wanneer wél?")]
    // A count after "van": "van" asks for the number.
    [InlineData("een bedrag van|5 is genoemd", "een bedrag van|5 is genoemd")]
    // A count: "5 miljoen".
    [InlineData("De regering trekt hiervoor|5 miljoen euro uit", "De regering trekt hiervoor|5 miljoen euro uit")]
    // A date: "3 november".
    [InlineData("Het overleg vond plaats op dinsdag|3 november in Den Haag", "Het overleg vond plaats op dinsdag|3 november in Den Haag")]
    // A list: "3 en 4".
    [InlineData("Zie de antwoorden op de vragen 1, 2,|3 en 4.", "Zie de antwoorden op de vragen 1, 2,|3 en 4.")]
    // "nr." asks for the number.
    [InlineData("Kamerstuk 36 410 VIII, nr.|6 is aangenomen", "Kamerstuk 36 410 VIII, nr.|6 is aangenomen")]
    // kl-074: the marker of the motion before a clause that starts with "en".
    [InlineData("Deze monitor is mede opgezet naar aanleiding van de motie El Yassini enPeters|2 en over de invulling van deze monitor heb ik uw Kamer reeds", "Deze monitor is mede opgezet naar aanleiding van de motie El Yassini enPeters[2]|en over de invulling van deze monitor heb ik uw Kamer reeds")]
    // A list of numbers across the line break: "en" with a number after it.
    [InlineData("De antwoorden op de vragen 1,|2 en 3 volgen later.", "De antwoorden op de vragen 1,|2 en 3 volgen later.")]
    // A range: "tot" with a number after it.
    [InlineData("De maatregelen gelden in de fasen 1,|2 tot 4 van het plan", "De maatregelen gelden in de fasen 1,|2 tot 4 van het plan")]
    // No note 9 on this page: the number stays.
    [InlineData("In de Kamerbrief van 4 november 2022|9 is uitgebreid ingegaan op het", "In de Kamerbrief van 4 november 2022|9 is uitgebreid ingegaan op het")]
    public void A_known_marker_at_the_start_of_the_next_line_moves_back(string input, string output)
    {
        var lines = Lines(input);
        var notes = new Dictionary<int, string> { [2] = "Kamerstukken II, vergaderjaar 2022/2023 36 229, nr. 29", [3] = "Kamerstuk 33 842, nr. 3", [5] = "Kamerstuk 32 317, nr. 787", [6] = "Kamerstuk 29 628, nr. 859" };
        AanhangselReader.MarkersAtLineStart(lines, notes);
        Assert.Equal(output, string.Join('|', lines));
    }
}
