using KvGraph.Core.Entities.People;
using KvGraph.Core.Text;

namespace KvGraph.Core.Tests.Text;

/// <summary>The memo behind <see cref="PersonIdentity.TryParse"/> and office look-up: the same answers, bounded memory.</summary>
public sealed class StringMemoTests
{
    [Fact]
    public void A_remembered_input_is_computed_once_and_answers_the_same()
    {
        var calls = 0;
        var memo = new StringMemo<string?>(s => { calls++; return PersonIdentity.TryParse(s)?.Id; });

        // real phrasings from the corpus headers: a minister with initials, a member with a roepnaam
        Assert.Equal("person:simons", memo.Get("S.H. Simons"));
        Assert.Equal("person:heerma", memo.Get("P.E. (Pieter) Heerma"));
        Assert.Equal("person:simons", memo.Get("S.H. Simons"));
        Assert.Equal(2, calls);
    }

    [Fact]
    public void Past_its_limit_it_still_answers_every_input_but_keeps_no_more()
    {
        var calls = 0;
        var memo = new StringMemo<int>(s => { calls++; return s.Length; });
        for (var i = 0; i < StringMemo<int>.Limit + 10; i++)
        {
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture).Length, memo.Get(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal(StringMemo<int>.Limit + 10, calls);

        // the first input was kept, the last one was not: asked again, only the last is computed again
        var past = (StringMemo<int>.Limit + 5).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, memo.Get("0"));
        Assert.Equal(past.Length, memo.Get(past));
        Assert.Equal(StringMemo<int>.Limit + 11, calls);
    }
}
