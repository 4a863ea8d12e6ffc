using System.Text.RegularExpressions;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Cleaning;

/// <summary>
/// Repairs the OCR damage seen in scanned ministry letters: the diaeresis read as an acute accent
/// ("Azié", "verifiéren", "geéxecuteerde", "moskeeén" → ë) and the copyright sign read for a capital O ("©nze" → "Onze").
/// </summary>
public static partial class OcrRepair
{
    /// <summary>Applies the repairs to a text; returns the repaired text and how many characters changed.</summary>
    public static (string Text, int Repairs) Repair(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;

        // In Dutch an accent after a vowel is a diaeresis marking a new syllable (Azië, ideeën); é after a vowel is
        // almost always a misread ë. "één" is kept: there the é follows another é.
        var t = DiaeresisRx().Replace(text, m =>
        {
            count++;
            return m.Value == "é" ? "ë" : "Ë";
        });
        t = CopyrightRx().Replace(t, _ =>
        {
            count++;
            return "O";
        });
        return (t, count);
    }

    [GeneratedRegex(@"(?<=[aeiouAEIOU])[éÉ]", RegexOptions.None, Patterns.NoTimeout)]
    private static partial Regex DiaeresisRx();

    [GeneratedRegex(@"(?<=^|[\s(‘'""])©(?=\p{Ll})", RegexOptions.Multiline, Patterns.NoTimeout)]
    private static partial Regex CopyrightRx();
}
