using System.Text.Json;
using System.Text.RegularExpressions;
using KvGraph.Core.Cleaning;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;
using KvGraph.Core.Text;

namespace KvGraph.Core.Reading;

/// <summary>
/// One Tweede Kamer motion record (Zaak of soort Motie, as in a JSON Lines export: Nummer, Onderwerp, Titel, GestartOp,
/// ZaakActor, Besluit). There is no motion text, so the cleaned text is a short readable summary of the record;
/// the id is <c>zaak:&lt;nummer&gt;</c> because the record has no dossier number.
/// </summary>
internal sealed partial class MotionRecordReader : IDocumentReader
{
    public string Format => "motion-record";

    public double Detect(SourceDocument source)
    {
        var t = source.Text.TrimStart();
        return t.StartsWith('{') && t.Contains("\"Nummer\"", StringComparison.Ordinal) && t.Contains("\"Onderwerp\"", StringComparison.Ordinal) ? 0.95 : 0;
    }

    public ReadDocument Read(SourceDocument source)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(source.Text);
        }
        catch (JsonException e)
        {
            throw new DocumentFormatException(source.File, $"motion record is not valid JSON ({e.Message})", e);
        }

        using (json)
        {
            var r = json.RootElement;
            var zaak = Str(r, "Nummer");
            if (zaak is null || !Ids.IsZaak(zaak))
            {
                throw new DocumentFormatException(source.File, "motion record without a zaak number (Nummer)");
            }

            var onderwerp = Str(r, "Onderwerp") ?? string.Empty;
            var titel = Str(r, "Titel");
            var date = Str(r, "GestartOp") is { Length: >= 10 } g ? g[..10] : null;
            var sponsors = new List<string>();
            var entities = new List<Entity>();
            var text = new TextBuilder();
            text.Paragraph(onderwerp);
            if (titel is not null)
            {
                text.Line($"Dossier: {titel}");
            }

            if (date is not null)
            {
                text.Line($"Gestart op: {date}");
            }

            if (r.TryGetProperty("ZaakActor", out var actors) && actors.ValueKind == JsonValueKind.Array)
            {
                foreach (var a in actors.EnumerateArray())
                {
                    var name = Str(a, "ActorNaam");
                    if (name is null)
                    {
                        continue;
                    }

                    var surname = Surname(name);
                    var written = Entities.People.PersonIdentity.TryParse(name);
                    var party = Str(a, "ActorFractie");
                    sponsors.Add(surname);
                    var span = text.Line(party is null ? $"Indiener: {surname}" : $"Indiener: {surname} ({party})");
                    var start = span.Start + "Indiener: ".Length;
                    entities.Add(new Entity(EntityKind.Person, Entities.PersonIds.For(surname), surname, start, start + surname.Length)
                    {
                        Role = "sponsor",
                        Party = party is null ? null : ReaderSupport.CanonicalId(EntityKind.Party, party),
                        Quote = surname,
                        Initials = written?.Initials,
                        FirstName = written?.FirstName,
                    });
                }
            }

            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var advice = Str(r, "Kabinetsappreciatie");
            if (advice is not null)
            {
                metadata["kabinetsappreciatie"] = advice;
            }

            JsonElement? vote = null;
            string? decision = null;
            if (r.TryGetProperty("Besluit", out var besluit) && besluit.ValueKind == JsonValueKind.Array)
            {
                var decisions = besluit.EnumerateArray().Where(b => Str(b, "BesluitSoort") is not null).ToList();
                var soorten = decisions.Select(b => Str(b, "BesluitSoort")!).ToList();
                if (soorten.Count > 0)
                {
                    metadata["besluit"] = string.Join("; ", soorten);
                    text.Line($"Besluit: {metadata["besluit"]}");
                }

                // The last decision is the motion's fate (an adjournment first, a vote later); a vote carries the counts.
                var last = decisions.LastOrDefault();
                decision = last.ValueKind == JsonValueKind.Object ? Str(last, "BesluitSoort") : null;
                vote = decisions.LastOrDefault(b => (b.TryGetProperty("Stats", out var st) && st.ValueKind == JsonValueKind.Object)
                    || (b.TryGetProperty("Stemming", out var rows) && rows.ValueKind == JsonValueKind.Array && rows.GetArrayLength() > 0)) is { ValueKind: JsonValueKind.Object } v ? v : null;
            }

            // The API's Stemming rows (one per party, or per member in a roll call); a reduced export has only Stats.
            var partyVotes = vote is { } sv ? PartyVotes(sv) : [];
            var fate = decision is null && advice is null ? null : new MotionFate
            {
                Decision = decision,
                Outcome = decision is null ? null : Outcome(decision),
                VoteKind = vote is { } vk ? Str(vk, "StemmingsSoort") : null,
                VotesFor = vote is { } f ? Count(f, "Voor") ?? Seats(partyVotes, "voor") : null,
                VotesAgainst = vote is { } t ? Count(t, "Tegen") ?? Seats(partyVotes, "tegen") : null,
                VotesOther = vote is { } o ? Count(o, "Anders") ?? Seats(partyVotes, "niet deelgenomen") : null,
                CabinetAdvice = advice,
                PartyVotes = partyVotes,
            };

            // The API's Document and Kamerstukdossier expansions give the motion's Kamerstuk number: the same motion as its text.
            var ownIds = new List<string> { zaak };
            if (Str(r, "Id") is { } guid)
            {
                ownIds.Add($"zaakguid:{guid}");
            }

            var (dossier, number) = KamerstukOf(r);
            if (dossier is not null && number is not null && Ids.Kamerstuk(dossier, number) is { } kst)
            {
                ownIds.Add(kst);
            }

            var doc = new DocumentInfo
            {
                Kind = DocumentKind.Motion,
                Id = $"zaak:{zaak}",
                Title = onderwerp,
                Zaak = zaak,
                Date = ReaderSupport.DateOf(date),
                Sponsors = sponsors,
                Topics = titel is null ? [] : [titel],
                OwnIds = ownIds,
                Dossier = dossier,
                Number = number,
                Fate = fate,
            };
            return new ReadDocument { Format = Format, Text = text.ToString(), Doc = doc, Metadata = metadata, Entities = entities };
        }
    }

    /// <summary>"J.F. Klaver" → "Klaver", "C.G. van der Staaij" → "Van der Staaij", "P.E. (Pieter) Heerma" → "Heerma".</summary>
    internal static string Surname(string actorName)
    {
        var n = InitialsRx().Replace(ParenRx().Replace(actorName, " "), " ");
        return PersonNames.Capitalise(TextNormalizer.CollapseSpaces(n).Trim());
    }

    /// <summary>"Stemmen - verworpen" → "verworpen"; "Aangehouden (tijdens de vergadering)" → "aangehouden".</summary>
    internal static string Outcome(string decision)
    {
        var d = decision.Trim();
        var dash = d.LastIndexOf(" - ", StringComparison.Ordinal);
        if (dash >= 0)
        {
            d = d[(dash + 3)..];
        }

        var paren = d.IndexOf('(', StringComparison.Ordinal);
        return (paren > 0 ? d[..paren] : d).Trim().ToLowerInvariant();
    }

    /// <summary>
    /// The Stemming rows of a decision: one per party (Soort Voor/Tegen/Niet deelgenomen, FractieGrootte, Vergissing), or in a
    /// roll call one per member (then counted per party, one seat each).
    /// </summary>
    internal static IReadOnlyList<PartyVote> PartyVotes(JsonElement besluit)
    {
        if (!besluit.TryGetProperty("Stemming", out var rows) || rows.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var votes = new Dictionary<(string Party, string Vote), (int? Seats, bool Mistake)>();
        foreach (var row in rows.EnumerateArray())
        {
            if (row.TryGetProperty("Verwijderd", out var del) && del.ValueKind == JsonValueKind.True)
            {
                continue;
            }

            var party = Str(row, "ActorFractie") ?? Str(row, "ActorNaam");
            var vote = PartyVote.VoteOf(Str(row, "Soort"));
            if (party is null || vote is null)
            {
                continue;
            }

            // A member's row (roll call) has a Persoon_Id; a party's row its FractieGrootte.
            var perMember = Str(row, "Persoon_Id") is not null;
            var seats = perMember ? 1 : row.TryGetProperty("FractieGrootte", out var g) && g.ValueKind == JsonValueKind.Number && g.TryGetInt32(out var n) ? n : (int?)null;
            var mistake = row.TryGetProperty("Vergissing", out var v) && v.ValueKind == JsonValueKind.True;
            var key = (party.Trim(), vote);
            votes[key] = votes.TryGetValue(key, out var old)
                ? (old.Seats is null || seats is null ? null : old.Seats + seats, old.Mistake || mistake)
                : (seats, mistake);
        }

        return [.. votes.Select(kv => new PartyVote(kv.Key.Party, kv.Key.Vote, kv.Value.Seats, kv.Value.Mistake))
            .OrderBy(p => p.Vote, StringComparer.Ordinal).ThenByDescending(p => p.Seats ?? 0).ThenBy(p => p.Party, StringComparer.Ordinal)];
    }

    private static int? Seats(IReadOnlyList<PartyVote> votes, string vote) =>
        votes.Count == 0 || votes.Any(v => v.Seats is null) ? null : votes.Where(v => v.Vote == vote).Sum(v => v.Seats!.Value);

    /// <summary>The Kamerstuk number from the API's expansions: Kamerstukdossier (Nummer, Toevoeging) and the motion's Document (Volgnummer).</summary>
    private static (string? Dossier, string? Number) KamerstukOf(JsonElement zaak)
    {
        string? dossier = null;
        if (zaak.TryGetProperty("Kamerstukdossier", out var ks) && ks.ValueKind == JsonValueKind.Array)
        {
            foreach (var k in ks.EnumerateArray())
            {
                var nr = k.TryGetProperty("Nummer", out var n) ? n.ValueKind switch
                {
                    JsonValueKind.Number => n.GetRawText(),
                    JsonValueKind.String => n.GetString(),
                    _ => null,
                } : null;
                if (nr is { Length: > 0 })
                {
                    dossier = Ids.NormalizeDossier(Str(k, "Toevoeging") is { Length: > 0 } t ? $"{nr}-{t.Trim()}" : nr);
                    break;
                }
            }
        }

        string? number = null;
        if (zaak.TryGetProperty("Document", out var docs) && docs.ValueKind == JsonValueKind.Array)
        {
            foreach (var d in docs.EnumerateArray())
            {
                if (Str(d, "Soort") is { } soort && !soort.StartsWith("Motie", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (d.TryGetProperty("Volgnummer", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) && i > 0)
                {
                    number = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    break;
                }
            }
        }

        return (dossier, number);
    }

    private static int? Count(JsonElement vote, string name) =>
        vote.TryGetProperty("Stats", out var stats) && stats.ValueKind == JsonValueKind.Object && stats.TryGetProperty(name, out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out var i) ? i : null;

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [GeneratedRegex(@"\([^)]*\)", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex ParenRx();

    [GeneratedRegex(@"^(?:\s*\p{Lu}\.)+\s*", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex InitialsRx();
}
