using System.Text.Json.Serialization;

namespace KvGraph.Core.Model;

/// <summary>
/// A citation found in a document, with its evidence: the exact quote and its span in the cleaned text.
/// </summary>
/// <param name="Kind">What is cited.</param>
/// <param name="Target">Canonical id of the cited thing (<c>kst-21501-20-1591</c>, <c>2019Z10940</c>, <c>letter:2018-08-27</c>, <c>#a2</c> for an answer in the same document); null for an unnumbered motion.</param>
/// <param name="Sponsor">For motions: the sponsor phrase as written ("Van den Nieuwenhuijzen c.s.", "Sjoerdsma/Kuzu").</param>
/// <param name="Quote">The exact text of <c>CleanText[Start..End]</c>.</param>
/// <param name="Start">Start offset in the cleaned text (inclusive).</param>
/// <param name="End">End offset in the cleaned text (exclusive).</param>
/// <param name="Confidence">0..1; below 1 when a reading was repaired or inferred.</param>
public sealed record Citation(
    CitationKind Kind,
    string? Target,
    string? Sponsor,
    string Quote,
    int Start,
    int End,
    double Confidence)
{
    /// <summary>The question/answer item the citation stands in (<c>q2</c>, <c>a2,3,6</c>), or null in header text.</summary>
    public string? Item { get; init; }

    /// <summary>Sponsor names split out of <see cref="Sponsor"/> ("Sjoerdsma", "Kuzu"); "c.s." is not a name.</summary>
    public IReadOnlyList<string> Sponsors { get; init; } = [];

    /// <summary>A kenmerk or reference given with the citation ("kenmerk 2018715781" on a letter).</summary>
    public string? Reference { get; init; }

    /// <summary>True when the target was repaired from OCR damage (<c>2019219189</c> → <c>2019Z19189</c>).</summary>
    public bool Corrected { get; init; }

    /// <summary>The original text of a repaired token, when <see cref="Corrected"/>.</summary>
    public string? OriginalText { get; init; }

    /// <summary>Date of a cited letter or document, when the text gives it (ISO yyyy-mm-dd in JSON and graph properties).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Free text from the citation, such as a letter's subject ("over Xinjiang").</summary>
    public string? Subject { get; init; }

    /// <summary>
    /// The number of the footnote the target came from, when the mention carries a footnote marker and the note gives
    /// the number ("de motie van het lid Van Zanten c.s.⁶" with note 6 "Kamerstuk 36 410 VIII, nr. 82").
    /// </summary>
    public int? Footnote { get; init; }

    public Citation Validate()
    {
        if (Start < 0 || End < Start)
        {
            throw new ArgumentOutOfRangeException(nameof(Start), $"Bad span {Start}..{End} for {Kind} citation.");
        }

        if (Confidence is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Confidence), $"Confidence {Confidence} not in 0..1.");
        }

        if (Footnote is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Footnote), $"Footnote number {Footnote} must be positive.");
        }

        if (Target is null && Kind != CitationKind.Motion)
        {
            throw new ArgumentException($"A {Kind} citation needs a target.", nameof(Target));
        }

        return this;
    }
}

/// <summary>A named entity with its span in the cleaned text.</summary>
/// <param name="Kind">Person, party, office, country, organisation, topic or date.</param>
/// <param name="Id">Canonical id: ISO 3166 alpha-2 for countries, ISO 8601 for dates, a normalised key otherwise.</param>
/// <param name="Name">The display name ("Van den Nieuwenhuijzen-Wittens", "GroenLinks", "China").</param>
/// <param name="Start">Start offset in the cleaned text, or -1 when the entity comes from metadata only.</param>
/// <param name="End">End offset (exclusive), or -1.</param>
public sealed record Entity(EntityKind Kind, string Id, string Name, int Start, int End)
{
    /// <summary>The item the mention stands in, if any.</summary>
    public string? Item { get; init; }

    /// <summary>For dates: how precise the date is.</summary>
    public DatePrecision? Precision { get; init; }

    /// <summary>For dates: true when resolved from a relative phrase ("11 maart jl.").</summary>
    public bool Relative { get; init; }

    /// <summary>For people: their role here (asker, answerer, sponsor, minister, mentioned).</summary>
    public string? Role { get; init; }

    /// <summary>For people: their party id, when known.</summary>
    public string? Party { get; init; }

    /// <summary>For people: the initials the source gave ("J.J." of the open-data ZaakActor "J.J. (Jasper) van Dijk"), when not in <see cref="Name"/>.</summary>
    public string? Initials { get; init; }

    /// <summary>For people: the first name the source gave ("Jasper"), when not in <see cref="Name"/>.</summary>
    public string? FirstName { get; init; }

    /// <summary>The exact quote, when the entity has a span.</summary>
    public string? Quote { get; init; }
}

/// <summary>A member of parliament who asked the questions.</summary>
public sealed record Asker(string Name, string? Party);

/// <summary>A minister or state secretary who answered.</summary>
/// <param name="Name">Surname as used in parliament ("Kaag", "Blok").</param>
/// <param name="Office">The office ("minister zonder portefeuille buitenlandse zaken", "Minister van Buitenlandse Zaken").</param>
/// <param name="Party">Party abbreviation when known.</param>
public sealed record Answerer(string Name, string? Office, string? Party);

/// <summary>One question or answer block of a document.</summary>
/// <param name="Id">"q1", "a1", or "a2,3,6" for an answer to several questions.</param>
/// <param name="Kind">Question or answer.</param>
/// <param name="Numbers">The question numbers this item belongs to.</param>
/// <param name="Start">Start of the item's text in the cleaned text.</param>
/// <param name="End">End (exclusive).</param>
public sealed record Item(string Id, ItemKind Kind, IReadOnlyList<int> Numbers, int Start, int End);

/// <summary>The document-level facts: what the document is, who asked and who answered.</summary>
public sealed record DocumentInfo
{
    public required DocumentKind Kind { get; init; }

    /// <summary>Canonical id (<c>ah-tk-20202021-2302</c>, <c>kv-tk-2021Z02286</c>, <c>kst-21501-20-1591</c>); falls back to <c>file:&lt;name&gt;</c>.</summary>
    public required string Id { get; init; }

    public string? Title { get; init; }

    /// <summary>The zaak number of the questions (2021Z02286).</summary>
    public string? Zaak { get; init; }

    /// <summary>Date the questions were submitted (ingezonden); ISO text in JSON and graph properties.</summary>
    public DateOnly? Submitted { get; init; }

    /// <summary>Date the answer was received (beantwoord / ontvangen); ISO text in JSON and graph properties.</summary>
    public DateOnly? Answered { get; init; }

    /// <summary>Date of the document itself (motion "Voorgesteld", letter date); ISO text in JSON and graph properties.</summary>
    public DateOnly? Date { get; init; }

    public IReadOnlyList<Asker> Askers { get; init; } = [];

    public IReadOnlyList<Answerer> Answerers { get; init; } = [];

    /// <summary>The paired document: for an answer its question id (<c>kv-tk-…</c>), for a question its answer id.</summary>
    public string? PairedId { get; init; }

    /// <summary>The document's own identifiers other than <see cref="Id"/>: its zaak, TK document number, ministry reference (<c>BZDOC-693942081-24</c>). Never citations.</summary>
    public IReadOnlyList<string> OwnIds { get; init; } = [];

    /// <summary>Topics as listed in the metadata (Onderwerpen) or the motion's onderwerp.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>For motions and Kamerstukken: the dossier (<c>21501-20</c>).</summary>
    public string? Dossier { get; init; }

    /// <summary>For motions and Kamerstukken: the number within the dossier.</summary>
    public string? Number { get; init; }

    /// <summary>For motions: the sponsors (indieners) by surname.</summary>
    public IReadOnlyList<string> Sponsors { get; init; } = [];

    /// <summary>Vergaderjaar as <c>20202021</c>, when known.</summary>
    public string? Vergaderjaar { get; init; }

    /// <summary>Where the source text came from (URL), when the document says.</summary>
    public string? SourceUrl { get; init; }

    /// <summary>For motions: what became of it (outcome, votes, the cabinet's advice), when the source says.</summary>
    public MotionFate? Fate { get; init; }
}

/// <summary>
/// What became of a motion, as a source states it (the Tweede Kamer's open-data Besluit/Stemming): the outcome
/// ("aangenomen", "verworpen", "aangehouden", "ingetrokken", …), how it was voted on, the vote counts and the
/// cabinet's appreciation ("Ontraden", "Oordeel Kamer", "Overgenomen", …).
/// </summary>
public sealed record MotionFate
{
    /// <summary>The outcome in lower case, as the decision names it ("verworpen" from "Stemmen - verworpen").</summary>
    public string? Outcome { get; init; }

    /// <summary>The decision as written ("Stemmen - verworpen").</summary>
    public string? Decision { get; init; }

    /// <summary>How the vote was taken ("Met handopsteken", "Hoofdelijk").</summary>
    public string? VoteKind { get; init; }

    public int? VotesFor { get; init; }

    public int? VotesAgainst { get; init; }

    /// <summary>Members not taking part or otherwise not for or against.</summary>
    public int? VotesOther { get; init; }

    /// <summary>The cabinet's appreciation ("Ontraden", "Oordeel Kamer").</summary>
    public string? CabinetAdvice { get; init; }

    /// <summary>The day of the vote (or of the decision), when the source says.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>How each party voted, when the source says (the Tweede Kamer's Stemming rows, the chair's finding).</summary>
    public IReadOnlyList<PartyVote> PartyVotes { get; init; } = [];

    /// <summary>
    /// How the parties not named in <see cref="PartyVotes"/> voted, when the source says so only as "de overige fracties"
    /// ("… voor deze motie hebben gestemd en de leden van de overige fracties ertegen"): <c>tegen</c> or <c>voor</c>.
    /// </summary>
    public string? OthersVoted { get; init; }

    /// <summary>True for "met algemene stemmen": every party voted for.</summary>
    public bool Unanimous { get; init; }
}

/// <summary>One party's vote on a motion.</summary>
/// <param name="Party">The party as the source names it ("GroenLinks", "de PvdA" → "PvdA").</param>
/// <param name="Vote"><c>voor</c>, <c>tegen</c> or <c>niet deelgenomen</c> (lower case, as the Stemming's Soort).</param>
/// <param name="Seats">The party's size at the vote (FractieGrootte), when the source says.</param>
/// <param name="Mistake">The Stemming's Vergissing flag: the party said afterwards it voted by mistake.</param>
public sealed record PartyVote(string Party, string Vote, int? Seats = null, bool Mistake = false)
{
    public string Party { get; } = string.IsNullOrWhiteSpace(Party) ? throw new ArgumentException("A party vote needs a party.", nameof(Party)) : Party.Trim();

    public string Vote { get; } = Vote is "voor" or "tegen" or "niet deelgenomen" ? Vote
        : throw new ArgumentException($"A party vote is voor, tegen or niet deelgenomen, not '{Vote}'.", nameof(Vote));

    /// <summary>The vote from a Stemming's Soort ("Voor", "Tegen", "Niet deelgenomen"); null for anything else.</summary>
    public static string? VoteOf(string? soort) => soort?.Trim().ToLowerInvariant() switch
    {
        "voor" => "voor",
        "tegen" => "tegen",
        "niet deelgenomen" => "niet deelgenomen",
        _ => null,
    };
}

/// <summary>
/// A vote on a motion recorded in another document: the Handelingen's "In stemming komt de motie-Wassenberg (21501-08,
/// nr. 721). … Ik constateer dat de leden van de fracties van … voor deze motie hebben gestemd …, zodat zij is aangenomen."
/// </summary>
/// <param name="Target">The motion (<c>kst-21501-08-721</c>).</param>
/// <param name="Fate">What the record says became of it.</param>
/// <param name="Quote">The chair's finding, as written.</param>
/// <param name="Start">Start of the quote in the cleaned text.</param>
/// <param name="End">End of the quote in the cleaned text.</param>
public sealed record RecordedVote(string Target, MotionFate Fate, string Quote, int Start, int End);

/// <summary>Everything extracted from one file.</summary>
public sealed record ExtractedDocument
{
    /// <summary>The file name (or path) as given to the extractor.</summary>
    public required string File { get; init; }

    /// <summary>The detected source format (openkamer, ocr-letter, aanhangsel, answer-docx, question, motion, …).</summary>
    public required string Format { get; init; }

    public required DocumentInfo Doc { get; init; }

    /// <summary>The cleaned text every span refers to.</summary>
    public required string Text { get; init; }

    public IReadOnlyList<Item> Items { get; init; } = [];

    public IReadOnlyList<Citation> Citations { get; init; } = [];

    public IReadOnlyList<Entity> Entities { get; init; } = [];

    /// <summary>Metadata lifted out of the body, such as ministry sidebars ("Directie Azië en Oceanië", "Onze Referentie").</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Things the extractor noticed but could not settle.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Votes on motions this document records (the Handelingen's stemmingen), each with its evidence.</summary>
    public IReadOnlyList<RecordedVote> Votes { get; init; } = [];

    /// <summary>SHA-256 of the source bytes, used for incremental builds.</summary>
    public string? ContentHash { get; init; }
}
