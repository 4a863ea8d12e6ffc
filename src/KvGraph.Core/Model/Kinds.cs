using System.Text.Json.Serialization;

namespace KvGraph.Core.Model;

/// <summary>What a citation points at. The JSON names are the stable contract of <c>kvgraph extract</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CitationKind>))]
public enum CitationKind
{
    /// <summary>A motion ("motie Van den Nieuwenhuijzen c.s. (21 501-20, nr. 1591)"); target <c>kst-…</c> or null when unnumbered.</summary>
    [JsonStringEnumMemberName("motion")] Motion,

    /// <summary>Any other Kamerstuk with dossier and number; target <c>kst-…</c>.</summary>
    [JsonStringEnumMemberName("kamerstuk")] Kamerstuk,

    /// <summary>A dossier without a number; target <c>dossier:…</c>.</summary>
    [JsonStringEnumMemberName("dossier")] Dossier,

    /// <summary>Aanhangsel van de Handelingen; target <c>ah-tk-…</c>.</summary>
    [JsonStringEnumMemberName("aanhangsel")] Aanhangsel,

    /// <summary>Handelingen; target <c>h-tk-…</c>.</summary>
    [JsonStringEnumMemberName("handelingen")] Handelingen,

    /// <summary>A zaak number (2021Z02286).</summary>
    [JsonStringEnumMemberName("zaak")] Zaak,

    /// <summary>A Tweede Kamer document number (2024D12345).</summary>
    [JsonStringEnumMemberName("tkdocument")] TkDocument,

    /// <summary>An earlier letter identified by its date; target <c>letter:yyyy-mm-dd</c>.</summary>
    [JsonStringEnumMemberName("letter")] Letter,

    /// <summary>A ministry reference or kenmerk that is not a zaak number.</summary>
    [JsonStringEnumMemberName("reference")] Reference,

    /// <summary>A court decision by ECLI.</summary>
    [JsonStringEnumMemberName("ecli")] Ecli,

    /// <summary>An answer: an earlier answer elsewhere, or another answer in the same document ("Zie antwoord vraag 2").</summary>
    [JsonStringEnumMemberName("answer")] Answer,
}

/// <summary>The kind of a document node.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DocumentKind>))]
public enum DocumentKind
{
    [JsonStringEnumMemberName("question")] Question,
    [JsonStringEnumMemberName("answer")] Answer,
    [JsonStringEnumMemberName("letter")] Letter,
    [JsonStringEnumMemberName("motion")] Motion,
    [JsonStringEnumMemberName("kamerstuk")] Kamerstuk,
    [JsonStringEnumMemberName("handelingen")] Handelingen,
    /// <summary>A notice that answering is deferred ("Uitstel beantwoording").</summary>
    [JsonStringEnumMemberName("deferral")] Deferral,
    /// <summary>Cited but not (yet) in the corpus.</summary>
    [JsonStringEnumMemberName("placeholder")] Placeholder,
    [JsonStringEnumMemberName("unknown")] Unknown,
}

/// <summary>The kind of a named entity found in a document.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EntityKind>))]
public enum EntityKind
{
    [JsonStringEnumMemberName("person")] Person,
    [JsonStringEnumMemberName("party")] Party,
    /// <summary>A ministry, a minister's office or another government body.</summary>
    [JsonStringEnumMemberName("office")] Office,
    /// <summary>A country; id is ISO 3166 alpha-2.</summary>
    [JsonStringEnumMemberName("country")] Country,
    [JsonStringEnumMemberName("organisation")] Organisation,
    [JsonStringEnumMemberName("topic")] Topic,
    /// <summary>A date; id is ISO 8601 at its precision (2021, 2021-03, 2021-03-11).</summary>
    [JsonStringEnumMemberName("date")] Date,
}

/// <summary>How precisely a date is known.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DatePrecision>))]
public enum DatePrecision
{
    [JsonStringEnumMemberName("day")] Day,
    /// <summary>Part of a month ("begin maart").</summary>
    [JsonStringEnumMemberName("part-of-month")] PartOfMonth,
    [JsonStringEnumMemberName("month")] Month,
    [JsonStringEnumMemberName("year")] Year,
}

/// <summary>Whether an item is a question or an answer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ItemKind>))]
public enum ItemKind
{
    [JsonStringEnumMemberName("question")] Question,
    [JsonStringEnumMemberName("answer")] Answer,
}
