using KvGraph.Core.Resolution;

namespace KvGraph.Core.Tests.Graph;

/// <summary>The one alias rule (what Resolver and the store's ResolveId both apply), as a table of real ids from the seeds.</summary>
public sealed class AliasRuleTests
{
    public static TheoryData<string, string[], string?> Lookups => new()
    {
        // Seed 000's zaak: claimed by the answer (priority 1) and by the question (2): the answer wins.
        { "2021Z02286", ["ah-tk-20202021-2302:1", "kv-tk-2021Z02286:2"], "ah-tk-20202021-2302" },
        // The same claims in the other order: the priority decides, not the order of the rows.
        { "2021Z02286", ["kv-tk-2021Z02286:2", "ah-tk-20202021-2302:1"], "ah-tk-20202021-2302" },
        // Two documents claiming one own id with the same priority (seed 004's ids, the clash made up): the lower id (ordinal) wins, a stable choice.
        { "2018715781", ["letter:2018-08-27:3", "answer:2019Z19189:3"], "answer:2019Z19189" },
        // kv-tk-<zaak> not claimed itself: the zaak is looked up next (seed 004's answer claims its zaak).
        { "kv-tk-2019Z19189", ["2019Z19189=answer:2019Z19189:1"], "answer:2019Z19189" },
        // kv-tk- claimed itself (seed 000's paired question): that claim is used, the zaak is not consulted.
        { "kv-tk-2021Z02286", ["kv-tk-2021Z02286=kv-tk-2021Z02286:0", "2021Z02286=ah-tk-20202021-2302:1"], "kv-tk-2021Z02286" },
        // Negative: an id nobody claims (motion 21 501-20, nr. 1591 before its file is ingested).
        { "kst-21501-20-1591", [], null },
        // Negative: a zaak nobody claims, asked as kv-tk-: neither key is claimed.
        { "kv-tk-2019Z10940", [], null },
        // Negative: blank input looks nothing up.
        { "   ", ["ah-tk-20202021-2302:0"], null },
        // Negative: the bare prefix has no zaak to fall back to.
        { "kv-tk-", ["=ah-tk-20202021-2302:1"], null },
        // Negative: a claim on another key does not answer this one.
        { "2021Z02287", ["2021Z02286=ah-tk-20202021-2302:1"], null },
    };

    [Theory]
    [MemberData(nameof(Lookups))]
    public void The_rule_picks_the_claim_an_id_stands_for(string idOrAlias, string[] claims, string? expected)
    {
        // "key=id:priority" claims only that key; "id:priority" claims whatever key is asked.
        var parsed = claims.Select(c =>
        {
            var eq = c.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? null : c[..eq];
            var rest = eq < 0 ? c : c[(eq + 1)..];
            var colon = rest.LastIndexOf(':');
            return (Key: key, Claim: new AliasClaim(rest[..colon], int.Parse(rest[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture)));
        }).ToList();

        var asked = new List<string>();
        var actual = AliasRule.Resolve(idOrAlias, key =>
        {
            asked.Add(key);
            return parsed.Where(p => p.Key is null || string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Select(p => p.Claim);
        });

        Assert.Equal(expected, actual);
        Assert.All(asked, k => Assert.Equal(k.Trim(), k));
    }
}
