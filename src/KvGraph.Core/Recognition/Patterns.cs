using KvGraph.Core.Text;

namespace KvGraph.Core.Recognition;

/// <summary>
/// Regex building blocks shared by the recognisers. They are constants so they can be concatenated into
/// <c>[GeneratedRegex]</c> attributes. Every quantifier is bounded and the alternatives start with distinct
/// literals, so the backtracking engine stays linear in the text length (no nested unbounded repetition).
/// Whitespace is <c>\s</c>, which also covers line breaks and non-breaking spaces in PDF text; PDF text glues
/// words ("nr.2870", "Kamerstuk33 529"), so most separators allow zero spaces. Digits are <c>[0-9]</c>, never <c>\d</c>,
/// which also matches the digits of other scripts that <c>int.Parse</c> refuses (a property test found "item 12꧒").
/// </summary>
internal static class Patterns
{
    /// <summary>
    /// How long one match of a recogniser's regex may take (milliseconds), as a backstop: the patterns are bounded, so a
    /// match that takes this long means a pattern went wrong on some text. The extractor then reports it as a warning on
    /// the document and keeps what was found before it; it never fails the document. Generous, because one scan for the
    /// next match may legitimately cross megabytes of text that hold none.
    /// </summary>
    public const int MatchTimeoutMs = 10_000;

    /// <summary>
    /// No match timeout, where the timeout's clock (started at every match and read in the pattern's loops: 2.7% of an
    /// <c>extract</c> run's CPU in clock reads alone) is pure cost because the pattern is proved linear in the text:
    /// <list type="bullet">
    /// <item>a pattern whose every quantifier is bounded (no <c>*</c>, <c>+</c> or <c>{n,}</c>, lookarounds included)
    /// reads at most a constant number of characters in one attempt at one position, however it backtracks, so a scan over
    /// the text is linear in its length; <c>BoundedPatternsSpec</c> checks every such pattern of this assembly;</item>
    /// <item>a pattern with an unbounded repetition only with a written argument at its declaration (the date pattern,
    /// anchored at candidate word starts) and a linearity test (LinearityTests).</item>
    /// </list>
    /// Every other pattern keeps <see cref="MatchTimeoutMs"/>.
    /// </summary>
    public const int NoTimeout = Timeout.Infinite;

    /// <summary>A vergaderjaar as written: "2019/20", "2024–2025", "2023-2024", "20242025", also damaged "2023–34".</summary>
    public const string Vergaderjaar =
        @"(?:(?:19|20)[0-9]{2}(?:19|20)[0-9]{2}(?![0-9])|(?:19|20)[0-9]{2}[ \u00a0]{0,2}[-\u2013/][ \u00a0]{0,2}(?:(?:19|20)[0-9]{2}|[0-9]{2})(?![0-9]))";

    /// <summary>
    /// A dossier number: five digits, optionally split "21 501" or "21.501", then at most two suffixes
    /// ("-20", "-02", " V", "-XV", " XVI", "-V"). A numeric suffix has one or two digits, so "21501-20-2128"
    /// leaves "-2128" for the number. Not preceded by a digit (phone numbers, amounts with more digits).
    /// </summary>
    public const string Dossier =
        @"(?<![0-9])(?<![0-9]\.)(?>[0-9]{2}[ \u00a0.]?[0-9]{3})(?![0-9])(?:[ \u00a0]{0,2}[-\u2013][ \u00a0]{0,2}(?:[0-9]{1,2}(?![0-9])|[IVXL]{1,6}(?![\p{L}0-9])|[A-Z](?![\p{L}0-9]))|[ \u00a0\n]{1,2}[IVXL]{1,6}(?![\p{L}0-9])|[ \u00a0][A-Z](?=[ \u00a0]{0,2},[ \u00a0\n]{0,3}nr)){0,2}";

    /// <summary>"nr." in its written forms: "nr.", "nr", "nrs.", "nummer", "nr.\n".</summary>
    public const string Nr = @"(?:nrs?\.?|nummers?)[ \u00a0\n]{0,3}";

    /// <summary>A follow-up number of a list ("nrs. 1200 en 1201", "nr. 679, nr. 684 en 685", "nrs. 10 t/m 12").</summary>
    public const string NrListTail =
        @"(?:[ \u00a0\n]{0,2}(?:,|en|t/m|tot[ \u00a0]en[ \u00a0]met|&)[ \u00a0\n]{0,2}(?:nrs?\.?[ \u00a0\n]{0,2})?[0-9]{1,5}(?![0-9\p{L}])(?![ \u00a0.]?[0-9]{3}(?![0-9]))(?![ \u00a0]{1,3}" + MonthNames + @")(?![ \u00a0]?[.,][0-9])){0,8}";

    /// <summary>"nr. 1591" plus an optional list tail.</summary>
    public const string NrList = Nr + @"[0-9]{1,5}(?![0-9])" + NrListTail;

    /// <summary>The chamber after "Kamerstukken"/"Handelingen": II, I, and PDF damage "ll", "Il", "I I".</summary>
    public const string Chamber = @"(?:II|ll|Il|lI|I[ \u00a0]I|I|1I|TK|EK)(?![\p{L}])";

    /// <summary>Dutch month names (long forms first).</summary>
    public const string MonthNames = DutchDates.MonthPattern;

    /// <summary>
    /// A day and month with an optional year: "27 augustus 2018", "10 september2024", "15 december jl.3", "12 maart".
    /// The year may carry a glued footnote digit ("20222" is 2022 and note 2).
    /// </summary>
    public const string Date =
        @"(?<day>[0-9]{1,2})(?![0-9])[ \u00a0\n]{0,3}(?<month>" + MonthNames + @")(?![\p{L}])(?:[ \u00a0\n]{0,3}(?<year>(?:19|20)[0-9]{2})(?![0-9]{3})|[ \u00a0\n]{0,2}(?<jl>jl\.?|j\.l\.|jongstleden|laatstleden|ll\.))?";

    /// <summary>A name particle (tussenvoegsel) in a surname.</summary>
    public const string Particle = @"(?:[Vv]an|[Dd]e[nr]?|[Tt]e[nr]?|[Hh]et|[Ii]n[ \u00a0]['\u2019]t|['\u2019]t|[Vv]on|[Ll]a|[Ll]e|[Dd]['\u2019])";

    /// <summary>Capitalised words that start sentences or name institutions, never a sponsor's surname.</summary>
    public const string NotAName =
        @"(?!(?:Het|De|Een|In|Op|Deze|Dit|Dat|Die|Ook|Zo|Voor|Met|Bij|Naar|Over|Ik|Wij|Zij|Hij|U|Uw|Zie|Kamer\p{L}*|Tweede|Eerste|Handelingen|Aanhangsel|Minister\p{L}*|Staatssecretaris|Regering|Kabinet|Vraag|Antwoord|Conform|Mede|Graag|Wel|Niet|Als|Zoals|Ten|Tot|Nu|Om|En|Of|Maar|Verder|Daarnaast|Hierbij|Tevens)(?![\p{L}]))";

    /// <summary>
    /// One capitalised name word: "Sjoerdsma", "Nieuwenhuijzen", glued "VanNispen"; "Joseph-Agema" is two joined by '-'.
    /// Atomic and ending at a non-letter, so a failing sponsor list never retries every shorter length of every word.
    /// </summary>
    public const string NameWord = NotAName + @"(?>\p{Lu}[\p{L}'\u2019]{1,30})(?![\p{L}])";

    /// <summary>One surname part: particles then a word, hyphen-joined parts ("Bikker-Van den Hil").</summary>
    public const string NamePart =
        @"(?:" + Particle + @"[ \u00a0\n]{1,2}){0,3}" + NameWord + @"(?:-(?:" + Particle + @"[ \u00a0]{1,2}){0,3}" + NameWord + @"){0,2}";

    /// <summary>A full surname of up to three parts ("Bruins Slot", "Olger van Dijk", "Van den Nieuwenhuijzen").</summary>
    public const string Name = NamePart + @"(?:[ \u00a0\n]{1,2}" + NamePart + @"){0,2}";

    /// <summary>A party in parentheses after a name: "(PVV)", "(GroenLinks-PvdA)", "(D66)".</summary>
    public const string PartyParen = @"(?:[ \u00a0]{0,2}\((?!Kamerstuk|TK|vergaderjaar)(?:\p{Lu}[\p{L}0-9\-]{0,24}|50PLUS)\))";

    /// <summary>"c.s." (cum suis) in its written forms.</summary>
    public const string Cs = @"(?:[ \u00a0\n]{0,2}c\.[ \u00a0]?s\.?)";

    /// <summary>A sponsor list: names joined by '/', ',' or 'en', each optionally with a party, then "c.s.".</summary>
    public const string SponsorList =
        Name + PartyParen + @"?(?:(?:[ \u00a0]{0,2}/[ \u00a0]{0,2}|[ \u00a0]{0,2},[ \u00a0\n]{1,2}|[ \u00a0\n]{1,2}en[ \u00a0\n]{0,2})" + Name + PartyParen + @"?){0,4}" + Cs + "?";
}
