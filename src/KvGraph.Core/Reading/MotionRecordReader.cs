using System.Text.Json;
using System.Text.RegularExpressions;
using KvGraph.Core.Cleaning;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
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
            if (Str(r, "Kabinetsappreciatie") is { } k)
            {
                metadata["kabinetsappreciatie"] = k;
            }

            if (r.TryGetProperty("Besluit", out var besluit) && besluit.ValueKind == JsonValueKind.Array)
            {
                var soorten = besluit.EnumerateArray().Select(b => Str(b, "BesluitSoort")).Where(s => s is not null).ToList();
                if (soorten.Count > 0)
                {
                    metadata["besluit"] = string.Join("; ", soorten);
                    text.Line($"Besluit: {metadata["besluit"]}");
                }
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
                OwnIds = Str(r, "Id") is { } guid ? [zaak, $"zaakguid:{guid}"] : [zaak],
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

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex ParenRx();

    [GeneratedRegex(@"^(?:\s*\p{Lu}\.)+\s*")]
    private static partial Regex InitialsRx();
}
