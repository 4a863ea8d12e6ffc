using KvGraph.Core.Graph;
using KvGraph.Core.Model;
using KvGraph.Core.Text;

namespace KvGraph.Core.Resolution;

/// <summary>
/// The names under which one document can be cited, with what is needed to resolve unnumbered motions.
/// </summary>
/// <param name="Id">The document's canonical id.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="File">The file that asserts it.</param>
/// <param name="Primary">True when the document is the file's main document (not the paired question an answer file also carries).</param>
/// <param name="Weight">Tie-break when several files assert the same document (a PDF and its text): the one with more citations wins.</param>
/// <param name="Aliases">Other ids that stand for it, each with a priority (lower wins when two documents claim the same alias).</param>
/// <param name="Date">ISO date (motions: the date they were submitted).</param>
/// <param name="Sponsors">Motion sponsors by surname.</param>
public sealed record DocumentAliases(
    string Id,
    DocumentKind Kind,
    string File,
    bool Primary,
    int Weight,
    IReadOnlyList<AliasEntry> Aliases,
    string? Date,
    IReadOnlyList<string> Sponsors)
{
    public string Id { get; } = string.IsNullOrWhiteSpace(Id) ? throw new ArgumentException("Document aliases need an id.", nameof(Id)) : Id;

    /// <summary>The title (a motion's onderwerp), for matching mentions and records by subject.</summary>
    public string? Title { get; init; }

    /// <summary>
    /// The aliases of the documents in one extracted file: the main document (its zaak, own ids, the kst id of a
    /// motion from dossier and number) and, for an answer, the paired question (<c>kv-tk-&lt;zaak&gt;</c>).
    /// A zaak stands for the answer when the corpus has it (that is what is cited: questions with their answers), else for the question.
    /// </summary>
    public static IReadOnlyList<DocumentAliases> For(ExtractedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var doc = document.Doc;
        var aliases = new List<AliasEntry>();
        if (doc.Zaak is { } zaak)
        {
            aliases.Add(new AliasEntry(zaak, doc.Kind == DocumentKind.Answer ? AliasEntry.AnswerZaak : AliasEntry.OtherZaak));
            if (doc.Kind != DocumentKind.Answer)
            {
                aliases.Add(new AliasEntry(Ids.Question(zaak), AliasEntry.OtherZaak));
            }
        }

        foreach (var own in doc.OwnIds)
        {
            aliases.Add(new AliasEntry(own, AliasEntry.OwnId));
        }

        if (doc.Dossier is { } dossier && doc.Number is { } number && Ids.Kamerstuk(dossier, number) is { } kst && kst != doc.Id)
        {
            aliases.Add(new AliasEntry(kst, AliasEntry.OwnId));
        }

        // A letter in the corpus is what "mijn brief van 27 augustus 2018" by the same sender cites.
        if (doc.Kind == DocumentKind.Letter && doc.Date is { } d &&
            doc.Answerers.Select(a => Senders.FromOffice(a.Office)).FirstOrDefault(s => s is not null) is { } sender)
        {
            aliases.Add(new AliasEntry(LetterIdentity.Key(Text.DutchDates.Iso(d), sender), AliasEntry.OwnId));
        }

        var weight = document.Citations.Count;
        var list = new List<DocumentAliases>
        {
            new(doc.Id, doc.Kind, document.File, true, weight, aliases, GraphFacts.DocumentDate(doc), doc.Sponsors) { Title = doc.Title },
        };

        if (doc.Kind == DocumentKind.Answer && (doc.PairedId ?? (doc.Zaak is { } z ? Ids.Question(z) : null)) is { } paired && paired != doc.Id)
        {
            var qAliases = doc.Zaak is { } qz ? new List<AliasEntry> { new(qz, AliasEntry.OtherZaak) } : [];
            list.Add(new DocumentAliases(paired, DocumentKind.Question, document.File, false, weight, qAliases, Text.DutchDates.Iso(doc.Submitted), []));
        }

        return list;
    }
}

/// <summary>One alias of a document and its priority (lower wins).</summary>
public sealed record AliasEntry(string Alias, int Priority)
{
    /// <summary>The document's own id: always wins.</summary>
    public const int Exact = 0;

    /// <summary>A zaak number claimed by the answer to it.</summary>
    public const int AnswerZaak = 1;

    /// <summary>A zaak number claimed by the question (or another document of the zaak).</summary>
    public const int OtherZaak = 2;

    /// <summary>Own ids such as a TK document number or ministry reference, or a motion's kst id.</summary>
    public const int OwnId = 3;
}
