using System.Text.RegularExpressions;
using KvGraph.Core.Cleaning;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;
using KvGraph.Core.Text;

namespace KvGraph.Core.Reading;

/// <summary>Small pieces the format readers share: dates, fallback ids, header entities, party lists.</summary>
internal static partial class ReaderSupport
{
    /// <summary>The date of a Dutch date phrase, or null.</summary>
    public static DateOnly? DateOf(string? text) => text is null ? null : DutchDates.TryParse(text);

    /// <summary>The id a document gets when it states none of its own.</summary>
    public static string FileId(string file) => $"file:{Path.GetFileNameWithoutExtension(file)}";

    /// <summary>
    /// What a question/answer reader returns: the header's askers and answerers become entities here, from the
    /// <see cref="DocumentInfo"/> itself, so no reader can pass one list to the document and another to the entities.
    /// </summary>
    public static ReadDocument QuestionAnswerResult(
        string format, string text, DocumentInfo doc, IReadOnlyList<Item> items, IReadOnlyDictionary<string, string> metadata, IReadOnlyList<string> warnings) =>
        new()
        {
            Format = format,
            Text = text,
            Doc = doc,
            Items = items,
            Metadata = metadata,
            Entities = HeaderEntities(text, doc.Askers, doc.Answerers),
            Warnings = warnings,
        };

    /// <summary>
    /// Person, party and office entities for the askers and answerers the header names, each with the span of its
    /// first mention in <paramref name="text"/> (or -1 when the name does not occur in the cleaned text).
    /// </summary>
    public static List<Entity> HeaderEntities(string text, IEnumerable<Asker> askers, IEnumerable<Answerer> answerers, string askerRole = "asker")
    {
        var list = new List<Entity>();
        foreach (var a in askers)
        {
            list.Add(PersonEntity(text, a.Name, askerRole, a.Party));
            if (a.Party is { } p)
            {
                list.Add(Mention(text, EntityKind.Party, p));
            }
        }

        foreach (var a in answerers)
        {
            list.Add(PersonEntity(text, a.Name, "answerer", a.Party));
            if (a.Party is { } p)
            {
                list.Add(Mention(text, EntityKind.Party, p));
            }

            if (a.Office is { } o)
            {
                list.Add(Mention(text, EntityKind.Office, o));
            }
        }

        return list;
    }

    private static Entity PersonEntity(string text, string name, string role, string? party)
    {
        var e = Mention(text, EntityKind.Person, name);
        return e with { Role = role, Party = party is null ? null : CanonicalId(EntityKind.Party, party) };
    }

    private static Entity Mention(string text, EntityKind kind, string name)
    {
        var i = IgnoreCase.IndexOf(text, name);
        var id = CanonicalId(kind, name);
        return i < 0
            ? new Entity(kind, id, name, -1, -1)
            : new Entity(kind, id, name, i, i + name.Length) { Quote = text.Substring(i, name.Length) };
    }

    /// <summary>
    /// The same ids the entity recognisers give (person:van-den-hul, party:gl, office:buitenlandse-zaken), so a
    /// header asker and the same person found in the text are one node, not two.
    /// </summary>
    internal static string CanonicalId(EntityKind kind, string name) => kind switch
    {
        EntityKind.Person => Entities.PersonIds.For(name),
        EntityKind.Party => Entities.Parties.Normalize(name)?.Id ?? $"party:{PersonNames.Key(name)}",
        EntityKind.Office => Entities.Offices.IdOf(name) ?? $"office:{PersonNames.Key(name)}",
        _ => PersonNames.Key(name),
    };

    /// <summary>
    /// Splits "Van den Hil (VVD) en Bikker (ChristenUnie)" or "Bushoff en Patijn (beiden GroenLinks-PvdA)" into askers.
    /// </summary>
    public static List<Asker> ParseMembers(string phrase)
    {
        var result = new List<Asker>();
        var p = TextNormalizer.CollapseSpaces(phrase.Replace('\n', ' ')).Trim().TrimEnd('.', ',');
        foreach (Match m in MemberGroupRx().Matches(p))
        {
            var names = m.Groups["names"].Value;
            var party = m.Groups["party"].Success ? m.Groups["party"].Value.Trim() : null;
            if (party is not null && party.StartsWith("beiden ", StringComparison.OrdinalIgnoreCase))
            {
                party = party[7..].Trim();
            }
            else if (party is not null && party.StartsWith("allen ", StringComparison.OrdinalIgnoreCase))
            {
                party = party[6..].Trim();
            }

            foreach (var raw in SplitNames(names))
            {
                // "de leden lid Inge van Dijk" occurs; the stray "lid" is not part of the name.
                var name = PersonNames.Capitalise(raw.StartsWith("lid ", StringComparison.OrdinalIgnoreCase) ? raw[4..] : raw);
                if (name.Length > 1)
                {
                    result.Add(new Asker(name, party));
                }
            }
        }

        return result;
    }

    private static IEnumerable<string> SplitNames(string names) =>
        NameSeparatorRx().Split(names).Select(n => n.Trim(' ', ',', '.')).Where(n => n.Length > 0);

    // "Name[, Name] [en Name] (Party)" groups; a group ends at its party in parentheses or at the end.
    [GeneratedRegex(@"(?<names>[^()]+?)\s*(?:\((?<party>[^()]+)\)|$)(?:\s*(?:,|\ben\b)\s*)?", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex MemberGroupRx();

    [GeneratedRegex(@",|\s+en\s+", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex NameSeparatorRx();
}
