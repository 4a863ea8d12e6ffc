using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using KvGraph.Core.Model;

namespace KvGraph.Store.Sqlite;

/// <summary>
/// The one reader of a stored document (<see cref="StoreJson.Document"/>'s JSON, the <c>documents.json</c> column), by hand
/// over a <see cref="JsonDocument"/>. System.Text.Json's own deserialiser, even through the source-generated context,
/// instantiates its metadata over the model's value types (ints, enums, <c>DateOnly?</c>, doubles), which ReadyToRun cannot
/// precompile across assemblies: a CLI call that read one document (<c>show</c>) JIT-compiled about 400 methods for it.
/// This reader is precompiled. It reads every property the writer writes, by the same names (camelCase; the enums by
/// their <see cref="JsonStringEnumMemberNameAttribute"/>), into the types System.Text.Json would create (lists, a
/// dictionary in the stored order); a property missing reads as its default, a required one missing is an error.
/// StoreJsonTests writes every document of the real corpus and of a generated one back to the same bytes.
/// </summary>
internal static class StoreDocumentReader
{
    public static ExtractedDocument Read(string json)
    {
        using var parsed = JsonDocument.Parse(json);
        var root = parsed.RootElement;
        return new ExtractedDocument
        {
            File = Required(root, "file").GetString()!,
            Format = Required(root, "format").GetString()!,
            Doc = Info(Required(root, "doc")),
            Text = Required(root, "text").GetString()!,
            Items = List(root, "items", e => new Item(
                Required(e, "id").GetString()!, EnumOf<ItemKind>(Required(e, "kind")), Numbers(e), Int(e, "start"), Int(e, "end"))),
            Citations = List(root, "citations", Citation),
            Entities = List(root, "entities", Entity),
            Metadata = Metadata(root),
            Warnings = Strings(root, "warnings"),
            Votes = List(root, "votes", e => new RecordedVote(
                Required(e, "target").GetString()!, Fate(Required(e, "fate")), Required(e, "quote").GetString()!, Int(e, "start"), Int(e, "end"))),
            ContentHash = Str(root, "contentHash"),
        };
    }

    /// <summary>A stored document's <c>doc</c> object alone (its JSON as SQLite extracts it from the document's), as <see cref="Read"/> reads it there.</summary>
    public static DocumentInfo ReadInfo(string json)
    {
        using var parsed = JsonDocument.Parse(json);
        return Info(parsed.RootElement);
    }

    private static DocumentInfo Info(JsonElement e) => new()
    {
        Kind = EnumOf<DocumentKind>(Required(e, "kind")),
        Id = Required(e, "id").GetString()!,
        Title = Str(e, "title"),
        Zaak = Str(e, "zaak"),
        Submitted = Date(e, "submitted"),
        Answered = Date(e, "answered"),
        Date = Date(e, "date"),
        Askers = List(e, "askers", a => new Asker(Required(a, "name").GetString()!, Str(a, "party"))),
        Answerers = List(e, "answerers", a => new Answerer(Required(a, "name").GetString()!, Str(a, "office"), Str(a, "party"))),
        PairedId = Str(e, "pairedId"),
        OwnIds = Strings(e, "ownIds"),
        Topics = Strings(e, "topics"),
        Dossier = Str(e, "dossier"),
        Number = Str(e, "number"),
        Sponsors = Strings(e, "sponsors"),
        Vergaderjaar = Str(e, "vergaderjaar"),
        SourceUrl = Str(e, "sourceUrl"),
        Fate = TryValue(e, "fate", out var fate) ? Fate(fate) : null,
    };

    private static MotionFate Fate(JsonElement e) => new()
    {
        Outcome = Str(e, "outcome"),
        Decision = Str(e, "decision"),
        VoteKind = Str(e, "voteKind"),
        VotesFor = NullableInt(e, "votesFor"),
        VotesAgainst = NullableInt(e, "votesAgainst"),
        VotesOther = NullableInt(e, "votesOther"),
        CabinetAdvice = Str(e, "cabinetAdvice"),
        Date = Date(e, "date"),
        PartyVotes = List(e, "partyVotes", v => new PartyVote(
            Required(v, "party").GetString()!, Required(v, "vote").GetString()!, NullableInt(v, "seats"), Bool(v, "mistake"))),
        OthersVoted = Str(e, "othersVoted"),
        Unanimous = Bool(e, "unanimous"),
    };

    private static Citation Citation(JsonElement e) => new(
        EnumOf<CitationKind>(Required(e, "kind")), Str(e, "target"), Str(e, "sponsor"), Required(e, "quote").GetString()!, Int(e, "start"), Int(e, "end"),
        TryValue(e, "confidence", out var confidence) ? confidence.GetDouble() : 0)
    {
        Item = Str(e, "item"),
        Sponsors = Strings(e, "sponsors"),
        Reference = Str(e, "reference"),
        Corrected = Bool(e, "corrected"),
        OriginalText = Str(e, "originalText"),
        Date = Date(e, "date"),
        Subject = Str(e, "subject"),
        Footnote = NullableInt(e, "footnote"),
    };

    private static Entity Entity(JsonElement e) => new(
        EnumOf<EntityKind>(Required(e, "kind")), Required(e, "id").GetString()!, Required(e, "name").GetString()!, Int(e, "start"), Int(e, "end"))
    {
        Item = Str(e, "item"),
        Precision = TryValue(e, "precision", out var p) ? EnumOf<DatePrecision>(p) : null,
        Relative = Bool(e, "relative"),
        Role = Str(e, "role"),
        Party = Str(e, "party"),
        Initials = Str(e, "initials"),
        FirstName = Str(e, "firstName"),
        Quote = Str(e, "quote"),
    };

    private static Dictionary<string, string> Metadata(JsonElement root)
    {
        var metadata = new Dictionary<string, string>();
        if (TryValue(root, "metadata", out var m))
        {
            foreach (var p in m.EnumerateObject())
            {
                metadata[p.Name] = p.Value.GetString()!;
            }
        }

        return metadata;
    }

    // The property's value, unless it is missing or JSON null (System.Text.Json leaves such a property at its default). No
    // Nullable<JsonElement> nor generic code over value types here: those would be JIT-compiled, as the deserialiser's are.
    private static bool TryValue(JsonElement e, string name, out JsonElement value) =>
        e.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static JsonElement Required(JsonElement e, string name) =>
        TryValue(e, name, out var value) ? value : throw new JsonException($"A stored document lacks its required property '{name}'.");

    private static string? Str(JsonElement e, string name) => TryValue(e, name, out var v) ? v.GetString() : null;

    private static int Int(JsonElement e, string name) => TryValue(e, name, out var v) ? v.GetInt32() : 0;

    private static int? NullableInt(JsonElement e, string name) => TryValue(e, name, out var v) ? v.GetInt32() : null;

    private static bool Bool(JsonElement e, string name) => TryValue(e, name, out var v) && v.GetBoolean();

    private static DateOnly? Date(JsonElement e, string name) =>
        TryValue(e, name, out var v) ? DateOnly.ParseExact(v.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private static List<int> Numbers(JsonElement e)
    {
        var numbers = new List<int>();
        if (TryValue(e, "numbers", out var array))
        {
            foreach (var n in array.EnumerateArray())
            {
                numbers.Add(n.GetInt32());
            }
        }

        return numbers;
    }

    private static List<string> Strings(JsonElement e, string name) => List(e, name, s => s.GetString()!);

    private static List<T> List<T>(JsonElement e, string name, Func<JsonElement, T> read)
    {
        var list = new List<T>();
        if (TryValue(e, name, out var array))
        {
            foreach (var item in array.EnumerateArray())
            {
                list.Add(read(item));
            }
        }

        return list;
    }

    // An enum's value by its contract name: the one table of them, which the writer's names come from.
    private static T EnumOf<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(JsonElement e)
        where T : struct, Enum =>
        Core.Extraction.ExtractionJson.ValueOf<T>(e.GetString());
}
