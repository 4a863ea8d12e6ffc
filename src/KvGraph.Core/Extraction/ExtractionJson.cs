using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Diagnostics.CodeAnalysis;
using KvGraph.Core.Model;
using KvGraph.Core.Text;

namespace KvGraph.Core.Extraction;

/// <summary>
/// The stable JSON contract of <c>kvgraph extract --format json</c>. Written by hand rather than by reflection
/// so that renaming a C# property can never change the contract. Fields named in the contract always appear
/// (null when unknown); fields after them are additions, documented in README.
/// </summary>
public static class ExtractionJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Quotes hold Dutch text and «guillemets»; keep them readable, the output is not embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // The same contract on one line (jsonl): only the indentation differs.
    private static readonly JsonWriterOptions OneLine = Options with { Indented = false };

    /// <summary>One document as a JSON object.</summary>
    public static string Serialize(ExtractedDocument document) => Text(document, Options);

    /// <summary>One document as a JSON object on one line, without its line break (<c>--format jsonl</c>).</summary>
    public static string SerializeLine(ExtractedDocument document) => Text(document, OneLine);

    private static string Text(ExtractedDocument document, JsonWriterOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            Write(writer, document);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Several documents as a JSON array.</summary>
    public static string Serialize(IEnumerable<ExtractedDocument> documents)
    {
        using var text = new StringWriter();
        WriteArray(documents, text);
        return text.ToString();
    }

    /// <summary>
    /// Several documents as a JSON array (the text of <see cref="Serialize(IEnumerable{ExtractedDocument})"/>), written to
    /// <paramref name="output"/> one document at a time as they come, so a long stream is never held in memory whole.
    /// </summary>
    public static void WriteArray(IEnumerable<ExtractedDocument> documents, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(output);
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer, Options);
        writer.WriteStartArray();
        foreach (var d in documents)
        {
            Write(writer, d);
            Drain(writer, buffer, output);
        }

        writer.WriteEndArray();
        Drain(writer, buffer, output);
    }

    // A flush after a whole value never splits a UTF-8 sequence, so each piece decodes on its own.
    private static void Drain(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, TextWriter output)
    {
        writer.Flush();
        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        buffer.ResetWrittenCount();
    }

    /// <summary>Writes one document object.</summary>
    public static void Write(Utf8JsonWriter w, ExtractedDocument d)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(d);
        w.WriteStartObject();
        w.WriteString("file", d.File);
        w.WriteStartObject("doc");
        w.WriteString("kind", Name(d.Doc.Kind));
        w.WriteString("id", d.Doc.Id);
        w.WriteString("zaak", d.Doc.Zaak);
        w.WriteString("submitted", DutchDates.Iso(d.Doc.Submitted));
        w.WriteString("answered", DutchDates.Iso(d.Doc.Answered));
        w.WriteStartArray("askers");
        foreach (var a in d.Doc.Askers)
        {
            w.WriteStartObject();
            w.WriteString("name", a.Name);
            w.WriteString("party", a.Party);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("answerers");
        foreach (var a in d.Doc.Answerers)
        {
            w.WriteStartObject();
            w.WriteString("name", a.Name);
            w.WriteString("office", a.Office);
            w.WriteString("party", a.Party);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("format", d.Format);
        w.WriteString("title", d.Doc.Title);
        w.WriteString("date", DutchDates.Iso(d.Doc.Date));
        w.WriteString("paired", d.Doc.PairedId);
        WriteStrings(w, "ownIds", d.Doc.OwnIds);
        WriteStrings(w, "topics", d.Doc.Topics);
        w.WriteString("dossier", d.Doc.Dossier);
        w.WriteString("number", d.Doc.Number);
        WriteStrings(w, "sponsors", d.Doc.Sponsors);
        if (d.Doc.Fate is { } fate)
        {
            w.WriteStartObject("fate");
            w.WriteString("outcome", fate.Outcome);
            w.WriteString("decision", fate.Decision);
            w.WriteString("voteKind", fate.VoteKind);
            WriteCount(w, "for", fate.VotesFor);
            WriteCount(w, "against", fate.VotesAgainst);
            WriteCount(w, "other", fate.VotesOther);
            w.WriteString("cabinetAdvice", fate.CabinetAdvice);
            WriteFateDetail(w, fate);
            w.WriteEndObject();
        }

        w.WriteStartArray("items");
        foreach (var i in d.Items)
        {
            w.WriteStartObject();
            w.WriteString("id", i.Id);
            w.WriteString("kind", i.Kind == ItemKind.Question ? "question" : "answer");
            w.WriteNumber("start", i.Start);
            w.WriteNumber("end", i.End);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("metadata");
        foreach (var (k, v) in d.Metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.WriteString(k, v);
        }

        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartArray("citations");
        foreach (var c in d.Citations)
        {
            w.WriteStartObject();
            w.WriteString("kind", Name(c.Kind));
            w.WriteString("target", c.Target);
            w.WriteString("sponsor", c.Sponsor);
            w.WriteString("quote", c.Quote);
            w.WriteNumber("start", c.Start);
            w.WriteNumber("end", c.End);
            w.WriteNumber("confidence", Math.Round(c.Confidence, 3));
            w.WriteString("item", c.Item);
            WriteStrings(w, "sponsors", c.Sponsors);
            w.WriteString("reference", c.Reference);
            w.WriteString("date", DutchDates.Iso(c.Date));
            if (c.Subject is not null)
            {
                w.WriteString("subject", c.Subject);
            }

            if (c.Footnote is { } note)
            {
                w.WriteNumber("footnote", note);
            }

            w.WriteBoolean("corrected", c.Corrected);
            if (c.Corrected)
            {
                w.WriteString("original", c.OriginalText);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("entities");
        foreach (var e in d.Entities)
        {
            w.WriteStartObject();
            w.WriteString("kind", Name(e.Kind));
            w.WriteString("id", e.Id);
            w.WriteString("name", e.Name);
            w.WriteNumber("start", e.Start);
            w.WriteNumber("end", e.End);
            w.WriteString("item", e.Item);
            if (e.Role is not null)
            {
                w.WriteString("role", e.Role);
            }

            if (e.Party is not null)
            {
                w.WriteString("party", e.Party);
            }

            if (e.Initials is not null)
            {
                w.WriteString("initials", e.Initials);
            }

            if (e.FirstName is not null)
            {
                w.WriteString("firstName", e.FirstName);
            }

            if (e.Precision is { } p)
            {
                w.WriteString("precision", Name(p));
                w.WriteBoolean("relative", e.Relative);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (d.Votes.Count > 0)
        {
            // Votes on motions this document records (additive: only Handelingen with stemmingen have the key).
            w.WriteStartArray("votes");
            foreach (var v in d.Votes)
            {
                w.WriteStartObject();
                w.WriteString("target", v.Target);
                w.WriteString("outcome", v.Fate.Outcome);
                w.WriteString("voteKind", v.Fate.VoteKind);
                WriteCount(w, "for", v.Fate.VotesFor);
                WriteCount(w, "against", v.Fate.VotesAgainst);
                WriteFateDetail(w, v.Fate);
                w.WriteString("quote", v.Quote);
                w.WriteNumber("start", v.Start);
                w.WriteNumber("end", v.End);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        WriteStrings(w, "warnings", d.Warnings);
        w.WriteEndObject();
    }

    /// <summary>The contract name of an enum value (its JsonStringEnumMemberName).</summary>
    public static string Name<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(T value)
        where T : struct, Enum =>
        Names<T>.Table.NameOf(value);

    /// <summary>The enum value whose contract name is <paramref name="name"/> (the reverse of <see cref="Name{T}"/>).</summary>
    /// <exception cref="JsonException">No value of <typeparamref name="T"/> has that name.</exception>
    public static T ValueOf<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(string? name)
        where T : struct, Enum =>
        Names<T>.Table.ValueOf(name) is { } value ? (T)value : throw new JsonException($"'{name}' is not a {typeof(T).Name} the contract knows.");

    private static class Names<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>
        where T : struct, Enum
    {
        public static readonly ContractNames Table = new(typeof(T));
    }

    private static void WriteCount(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteFateDetail(Utf8JsonWriter w, MotionFate fate)
    {
        w.WriteString("date", DutchDates.Iso(fate.Date));
        if (fate.Unanimous)
        {
            w.WriteBoolean("unanimous", true);
        }

        w.WriteString("othersVoted", fate.OthersVoted);
        w.WriteStartArray("parties");
        foreach (var p in fate.PartyVotes)
        {
            w.WriteStartObject();
            w.WriteString("party", p.Party);
            w.WriteString("vote", p.Vote);
            WriteCount(w, "seats", p.Seats);
            if (p.Mistake)
            {
                w.WriteBoolean("mistake", true);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
