using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KvGraph.Core.Model;

namespace KvGraph.Core.Tests.Evaluation;

/// <summary>
/// Turns gold and predicted citations into comparable keys (<c>MOTION|KST-21501-20-1591</c>). The conventions are
/// those of Gold/README.md: unnumbered motions by first sponsor surname, intra-document answers by their suffix.
/// </summary>
internal static partial class CitationKeys
{
    private const string MotionSponsorPrefix = "MOTION:";

    /// <summary>Cut-off marks after the first sponsor's name in a sponsor phrase ("Sjoerdsma/Kuzu", "Piri en Veldkamp", "Ellian (VVD)").</summary>
    private static readonly string[] SponsorStops = [" c.s", "/", " en ", ",", "(", ";", " c.s."];

    /// <summary>Words before a sponsor's name in phrases such as "van het lid Bikker" or "motie-Van Nispen".</summary>
    private static readonly string[] SponsorLeads = ["van het lid ", "van de leden ", "het lid ", "de leden ", "leden ", "lid ", "motie-", "motie "];

    /// <summary>The JSON contract name of a kind ("motion", "tkdocument").</summary>
    public static string KindName(CitationKind kind) => JsonSerializer.Serialize(kind).Trim('"');

    /// <summary>All JSON contract kind names.</summary>
    public static IReadOnlySet<string> KindNames { get; } = Enum.GetValues<CitationKind>().Select(KindName).ToHashSet(StringComparer.Ordinal);

    /// <summary>The key of a gold reading.</summary>
    public static string Gold(string kind, string target) => $"{kind.Trim().ToUpperInvariant()}|{NormalizeTarget(kind, target, ownIds: null)}";

    /// <summary>The key of a predicted citation; <paramref name="ownIds"/> lets "&lt;own id&gt;#a2" count as "#a2".</summary>
    public static string Predicted(Citation citation, IReadOnlySet<string> ownIds)
    {
        var kind = KindName(citation.Kind);
        if (citation.Target is null)
        {
            // Only motions may lack a target; they are known by their first sponsor.
            return $"{kind.ToUpperInvariant()}|{MotionSponsorPrefix}{SponsorKey(citation.Sponsors.Count > 0 ? citation.Sponsors[0] : citation.Sponsor)}";
        }

        return $"{kind.ToUpperInvariant()}|{NormalizeTarget(kind, citation.Target, ownIds)}";
    }

    /// <summary>
    /// Whether a predicted key satisfies a gold key. Equal keys match; for unnumbered motions a predicted sponsor key
    /// that starts with the gold key also matches, so an undivided "Joseph-Agema" or a glued "JosephAgema" counts as Joseph.
    /// </summary>
    public static bool Satisfies(string predictedKey, string goldKey)
    {
        if (string.Equals(predictedKey, goldKey, StringComparison.Ordinal))
        {
            return true;
        }

        var motion = $"MOTION|{MotionSponsorPrefix}";
        return goldKey.StartsWith(motion, StringComparison.Ordinal)
            && goldKey.Length > motion.Length + 2
            && predictedKey.StartsWith(goldKey, StringComparison.Ordinal);
    }

    /// <summary>"Van den Nieuwenhuijzen c.s." → "VANDENNIEUWENHUIJZEN"; "het lid Mutluer" → "MUTLUER"; empty when there is no name.</summary>
    public static string SponsorKey(string? phrase)
    {
        if (string.IsNullOrWhiteSpace(phrase))
        {
            return string.Empty;
        }

        var name = WhitespaceRx().Replace(phrase, " ").Trim();
        foreach (var lead in SponsorLeads)
        {
            if (name.StartsWith(lead, StringComparison.OrdinalIgnoreCase))
            {
                name = name[lead.Length..];
            }
        }

        var cut = name.Length;
        foreach (var stop in SponsorStops)
        {
            var at = name.IndexOf(stop, StringComparison.OrdinalIgnoreCase);
            if (at > 0 && at < cut)
            {
                cut = at;
            }
        }

        var letters = new StringBuilder(cut);
        foreach (var ch in name[..cut])
        {
            var plain = FoldDiacritic(ch);
            if (char.IsLetter(plain))
            {
                letters.Append(char.ToUpperInvariant(plain));
            }
        }

        return letters.ToString();
    }

    private static string NormalizeTarget(string kind, string target, IReadOnlySet<string>? ownIds)
    {
        var t = WhitespaceRx().Replace(target.Trim().Replace('\u2013', '-').Replace('\u2014', '-'), string.Empty);
        if (string.Equals(kind, "answer", StringComparison.OrdinalIgnoreCase))
        {
            var hash = t.IndexOf('#', StringComparison.Ordinal);
            if (hash > 0 && ownIds is not null && ownIds.Contains(t[..hash]))
            {
                t = t[hash..];
            }
        }

        if (string.Equals(kind, "motion", StringComparison.OrdinalIgnoreCase) && t.StartsWith("motion:", StringComparison.OrdinalIgnoreCase))
        {
            return MotionSponsorPrefix + SponsorKey(t["motion:".Length..]);
        }

        return t.ToUpperInvariant();
    }

    /// <summary>Folds the accented letters of Dutch names (Yeşilgöz, Gabriëls) without relying on ICU, which is off here.</summary>
    private static char FoldDiacritic(char c) => c switch
    {
        'à' or 'á' or 'â' or 'ä' or 'ã' or 'å' => 'a',
        'À' or 'Á' or 'Â' or 'Ä' or 'Ã' or 'Å' => 'A',
        'è' or 'é' or 'ê' or 'ë' => 'e',
        'È' or 'É' or 'Ê' or 'Ë' => 'E',
        'ì' or 'í' or 'î' or 'ï' => 'i',
        'Ì' or 'Í' or 'Î' or 'Ï' or 'İ' => 'I',
        'ò' or 'ó' or 'ô' or 'ö' or 'õ' => 'o',
        'Ò' or 'Ó' or 'Ô' or 'Ö' or 'Õ' => 'O',
        'ù' or 'ú' or 'û' or 'ü' => 'u',
        'Ù' or 'Ú' or 'Û' or 'Ü' => 'U',
        'ç' => 'c',
        'Ç' => 'C',
        'ş' => 's',
        'Ş' => 'S',
        'ğ' => 'g',
        'ñ' => 'n',
        'ý' or 'ÿ' => 'y',
        _ => c,
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRx();
}
