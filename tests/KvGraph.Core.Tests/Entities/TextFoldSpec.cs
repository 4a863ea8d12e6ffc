using KvGraph.Core.Entities;

namespace KvGraph.Core.Tests.Entities;

/// <summary>
/// TextFold folds a char by a table below U+0180 and by a search of its From list above it; both must give what the
/// definition gives: the To char at the first place the char stands in From, else the char itself.
/// </summary>
public sealed class TextFoldSpec
{
    [Fact]
    public void Every_char_folds_as_its_first_listing_in_from_says()
    {
        var folded = 0;
        for (var c = char.MinValue; ; c++)
        {
            var i = TextFold.From.IndexOf(c, StringComparison.Ordinal);
            var expected = i >= 0 ? TextFold.To[i] : c;
            Assert.True(expected == TextFold.Fold(c), $"U+{(int)c:X4}");
            folded += expected == c ? 0 : 1;
            if (c == char.MaxValue)
            {
                break;
            }
        }

        // Every listed char folds to something else ("ë" → "e"), so the table is not the identity.
        Assert.Equal(TextFold.From.Length, folded);
        Assert.Equal("Australie Curacao Cakir Sahin", TextFold.Fold("Australië Curaçao Çakır Şahin"));
    }
}
