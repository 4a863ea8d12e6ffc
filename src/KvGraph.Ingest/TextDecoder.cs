using System.Text;

namespace KvGraph.Ingest;

/// <summary>
/// Turns the bytes of a text file into a string: a byte-order mark decides (UTF-8, UTF-16 LE/BE); otherwise strict
/// UTF-8, and when that fails, Windows-1252, the usual encoding of older Dutch Windows exports. NUL bytes without a
/// UTF-16 mark mean the file is binary, not text.
/// </summary>
internal static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="bytes"/>; returns null when they are not text.</summary>
    public static (string? Text, string Encoding) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return TryStrict(bytes[3..], "utf-8-bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode.GetString(bytes[2..]), "utf-16le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be");
        }

        if (LooksLikeUtf16WithoutMark(bytes, out var bigEndian))
        {
            return ((bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(bytes), bigEndian ? "utf-16be" : "utf-16le");
        }

        if (IsBinary(bytes))
        {
            return (null, "binary");
        }

        var strict = TryStrict(bytes, "utf-8");
        return strict.Text is not null ? strict : (Windows1252(bytes), "windows-1252");
    }

    private static (string? Text, string Encoding) TryStrict(ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            return (StrictUtf8.GetString(bytes), name);
        }
        catch (DecoderFallbackException)
        {
            return (Windows1252(bytes), "windows-1252");
        }
    }

    // Text has no NUL bytes and few control characters; a PNG, ZIP or executable has many.
    private static bool IsBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes.Length > 8192 ? bytes[..8192] : bytes;
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x09 || (b > 0x0D && b < 0x20))
            {
                control++;
            }
        }

        return sample.Length > 0 && control * 20 > sample.Length;
    }

    // UTF-16 text without a mark: every other byte is NUL for Latin text.
    private static bool LooksLikeUtf16WithoutMark(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        var n = Math.Min(bytes.Length, 512) & ~1;
        if (n < 8)
        {
            return false;
        }

        int evenZero = 0, oddZero = 0;
        for (var i = 0; i < n; i += 2)
        {
            evenZero += bytes[i] == 0 ? 1 : 0;
            oddZero += bytes[i + 1] == 0 ? 1 : 0;
        }

        var pairs = n / 2;
        if (oddZero > pairs * 0.8 && evenZero < pairs * 0.05)
        {
            return true;
        }

        if (evenZero > pairs * 0.8 && oddZero < pairs * 0.05)
        {
            bigEndian = true;
            return true;
        }

        return false;
    }

    // Windows-1252 by table, so no code-page provider has to be registered (the build runs with invariant globalization).
    private static readonly char[] High =
    [
        '€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008D', 'Ž', '\u008F',
        '\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009D', 'ž', 'Ÿ',
    ];

    internal static string Windows1252(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            chars[i] = b is >= 0x80 and <= 0x9F ? High[b - 0x80] : (char)b;
        }

        return new string(chars);
    }
}
