using System.Text;

namespace KvGraph.Core.Graph;

/// <summary>
/// Ids of the non-document nodes. Document ids are the canonical ids of <see cref="Text.Ids"/>; every other node id
/// carries a prefix (<c>person:</c>, <c>party:</c>, <c>office:</c>, <c>country:</c>, <c>org:</c>, <c>topic:</c>,
/// <c>dossier:</c>) so ids are unique over all nodes.
/// </summary>
public static class NodeIds
{
    /// <summary>
    /// <c>person:&lt;identity key&gt;</c> of the person a name stands for ("Van den Hul" → <c>person:van-den-hul</c>, "Tom van den
    /// Nieuwenhuijzen-Wittens" → <c>person:van-den-nieuwenhuijzen</c>), by <see cref="Entities.People.PersonIdentity"/>.
    /// </summary>
    public static string Person(string name) =>
        Entities.People.PersonIdentity.TryParse(name)?.Id ?? Prefixed("person:", name ?? string.Empty);

    /// <summary><c>party:&lt;slug&gt;</c> of the party as normalised by <see cref="Entities.Parties.Normalize"/> ("GL", "GroenLinks" → <c>party:gl</c>).</summary>
    public static string Party(string name) =>
        Entities.Parties.Get(name) is { } known ? known.Id // already an id (a reader's canonical party:gl)
        : Entities.Parties.Normalize(name) is { } p ? p.Id
        : name.StartsWith("party:", StringComparison.Ordinal) ? name
        : Prefixed("party:", PartyKey(name));

    /// <summary><c>office:&lt;slug&gt;</c> ("Minister van Buitenlandse Zaken" → <c>office:minister-van-buitenlandse-zaken</c>).</summary>
    public static string Office(string name) => Prefixed("office:", name);

    /// <summary><c>country:&lt;ISO 3166 alpha-2&gt;</c>.</summary>
    public static string Country(string iso) => iso.StartsWith("country:", StringComparison.Ordinal) ? iso : "country:" + iso.Trim().ToUpperInvariant();

    /// <summary><c>org:&lt;slug&gt;</c>.</summary>
    public static string Organisation(string id) => Prefixed("org:", id);

    /// <summary><c>topic:&lt;slug&gt;</c>.</summary>
    public static string Topic(string name) => Prefixed("topic:", name);

    /// <summary>The prefix of every unnumbered motion's placeholder id (<see cref="UnnumberedMotion"/>).</summary>
    public const string UnnumberedMotionPrefix = "motion:";

    /// <summary>The placeholder id of an unnumbered motion: <c>motion:&lt;slug of the first sponsor&gt;</c>.</summary>
    public static string UnnumberedMotion(string sponsor) => Prefixed(UnnumberedMotionPrefix, sponsor);

    /// <summary>Whether <paramref name="id"/> is an unnumbered motion's placeholder id (<see cref="UnnumberedMotion"/>).</summary>
    public static bool IsUnnumberedMotion(string id) => id.StartsWith(UnnumberedMotionPrefix, StringComparison.Ordinal);

    /// <summary>Lower-case ASCII slug: diacritics dropped, runs of other characters become one '-'.</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var dash = false;
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(Fold(raw));
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (dash && sb.Length > 0)
                {
                    sb.Append('-');
                }

                sb.Append(c);
                dash = false;
            }
            else
            {
                dash = true;
            }
        }

        return sb.ToString();
    }

    private static string Prefixed(string prefix, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return name;
        }

        var slug = Slug(name);
        return prefix + (slug.Length == 0 ? "unknown" : slug);
    }

    /// <summary>
    /// Party names as written vary (GL, GroenLinks, Groen Links; CU, ChristenUnie); fold the common long forms to the
    /// abbreviation parliament uses. The entity recognisers normalise too; this keeps node ids stable either way.
    /// </summary>
    private static string PartyKey(string name)
    {
        var slug = Slug(name);
        return slug switch
        {
            "groenlinks" or "groen-links" => "gl",
            "partij-van-de-arbeid" => "pvda",
            "christenunie" => "cu",
            "socialistische-partij" => "sp",
            "partij-voor-de-dieren" => "pvdd",
            "volkspartij-voor-vrijheid-en-democratie" => "vvd",
            "democraten-66" => "d66",
            "christen-democratisch-appel" => "cda",
            "partij-voor-de-vrijheid" => "pvv",
            "staatkundig-gereformeerde-partij" => "sgp",
            "forum-voor-democratie" => "fvd",
            "groenlinks-pvda" or "gl-pvda" => "gl-pvda",
            "boerburgerbeweging" => "bbb",
            "nieuw-sociaal-contract" => "nsc",
            _ => slug,
        };
    }

    private static char Fold(char c) => c switch
    {
        'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' or 'À' or 'Á' or 'Â' or 'Ã' or 'Ä' or 'Å' => 'a',
        'è' or 'é' or 'ê' or 'ë' or 'È' or 'É' or 'Ê' or 'Ë' => 'e',
        'ì' or 'í' or 'î' or 'ï' or 'Ì' or 'Í' or 'Î' or 'Ï' => 'i',
        'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' or 'Ò' or 'Ó' or 'Ô' or 'Õ' or 'Ö' or 'Ø' => 'o',
        'ù' or 'ú' or 'û' or 'ü' or 'Ù' or 'Ú' or 'Û' or 'Ü' => 'u',
        'ý' or 'ÿ' or 'Ý' => 'y',
        'ç' or 'Ç' => 'c',
        'ñ' or 'Ñ' => 'n',
        'ĳ' or 'Ĳ' => 'y',
        _ => c,
    };
}
