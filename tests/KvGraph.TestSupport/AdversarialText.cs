using System.Text;

namespace KvGraph.TestSupport;

/// <summary>
/// Texts built to make extraction super-linear: a unit repeated to any length. Each unit is a near-miss or a
/// real citation phrasing that a recogniser, a settle rule or an entity recogniser sees again and again. The
/// linearity test and the benchmark both use these, so they measure the same inputs.
/// </summary>
public static class AdversarialText
{
    /// <summary>The patterns by name, each with the unit that is repeated.</summary>
    public static IReadOnlyList<(string Name, string Unit)> Patterns { get; } =
    [
        // one long run of digits: dossier, zaak, kenmerk and date patterns all start at every digit
        ("digits", "1234567890"),
        // "nr." with no number, again and again
        ("nr-nr", "nr. "),
        // a Kamerstuk prefix and dossier whose number never comes: one dossier citation per unit (issue 11)
        ("kamerstuk", "Kamerstuk 12 345, nr. "),
        // a motion whose number never comes: one unnumbered motion citation per unit (issue 11)
        ("motie-cs", "motie Van der Staaij c.s. (21 501-20, nr. "),
        // the sponsor first, again and again: "door het lid Klaver ingediende motie"
        ("sponsor-first", "door het lid Klaver ingediende motie "),
        // the motion keyword with nothing after it
        ("motie", "motie "),
        // brackets opened and never closed, then closed
        ("brackets", "((((((((((Kamerstuk (21 501-20, nr. (motie ("),
        // dates without end: one date entity per unit (issue 11: 10 M characters took 2.9 GB)
        ("dates", "12 maart 2020 "),
        // question and answer items without end: thousands of items, each citation placed in its item
        ("items", "\nVraag 1\nZie Kamerstuk 21 501-20, nr. 1591.\nAntwoord 1\nZie antwoord vraag 1.\n"),
        // all of the above and real phrasings, mixed
        ("mixed",
            "Zie de motie Van den Nieuwenhuijzen c.s. (21 501-20, nr. 1591) en Kamerstuk 23 432, nr. 537. " +
            "Mijn brief van 10 september 2024 (Kamerstuk 23 432, nr. 537) en antwoord op vraag 2. nr. nr. 2019Z19189 " +
            "((motie Sjoerdsma/Kuzu 12 maart jl. 1234567890 Aanhangsel Handelingen II 2020/21, nr. 2302 [1] "),
    ];

    /// <summary>The unit of a pattern by name.</summary>
    public static string Unit(string name) => Patterns.Single(p => p.Name == name).Unit;

    /// <summary>The pattern's unit repeated to exactly <paramref name="length"/> characters.</summary>
    public static string Make(string name, int length)
    {
        var unit = Unit(name);
        var sb = new StringBuilder(length);
        while (sb.Length + unit.Length <= length)
        {
            sb.Append(unit);
        }

        sb.Append(unit, 0, length - sb.Length);
        return sb.ToString();
    }
}
