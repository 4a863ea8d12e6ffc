using System.Text;

namespace KvGraph.Ingest;

/// <summary>
/// Turns the bytes of a text file into a string: a byte-order mark decides (UTF-8, UTF-16 LE/BE); UTF-16 without a
/// mark is recognised by its pattern of NULs; otherwise strict UTF-8, and when that fails, Windows-1252, the usual
/// encoding of older Dutch Windows exports (Latin-1 text is Windows-1252 text for every letter it has).
/// <para>
/// Binary or text is decided by a rule, not by one byte: a known binary signature (PNG, GIF, JPEG, ZIP, gzip, ELF,
/// OLE2, 7z, RAR) is binary; otherwise the file is binary when more than one byte in twenty is a NUL or another control
/// byte (anything below 0x20 but tab, line feed, vertical tab, form feed and carriage return). A text with a few stray
/// NULs (a damaged export, a bad copy) is text: the NULs are removed and counted, so the caller can say so.
/// </para>
/// </summary>
internal static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly byte[][] BinarySignatures =
    [
        [0x89, 0x50, 0x4E, 0x47], // PNG
        [0x47, 0x49, 0x46, 0x38], // GIF8
        [0xFF, 0xD8, 0xFF], // JPEG
        [0x50, 0x4B, 0x03, 0x04], // ZIP (also docx, xlsx, odt)
        [0x1F, 0x8B], // gzip
        [0x7F, 0x45, 0x4C, 0x46], // ELF
        [0xD0, 0xCF, 0x11, 0xE0], // OLE2 (doc, xls, msg)
        [0x37, 0x7A, 0xBC, 0xAF], // 7z
        [0x52, 0x61, 0x72, 0x21, 0x1A], // Rar!
    ];

    /// <summary>Decodes <paramref name="bytes"/>; null when they are not text.</summary>
    public static DecodedText? Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Text(bytes[3..], "utf-8-bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return WithoutNuls(Encoding.Unicode.GetString(bytes[2..]), "utf-16le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return WithoutNuls(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be");
        }

        if (LooksLikeUtf16WithoutMark(bytes, out var bigEndian))
        {
            return WithoutNuls((bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(bytes), bigEndian ? "utf-16be" : "utf-16le");
        }

        return IsBinary(bytes) ? null : Text(bytes, "utf-8");
    }

    /// <summary>True when the bytes start with a known binary file signature.</summary>
    public static bool HasBinarySignature(ReadOnlySpan<byte> bytes)
    {
        foreach (var signature in BinarySignatures)
        {
            if (bytes.StartsWith(signature))
            {
                return true;
            }
        }

        return false;
    }

    private static DecodedText Text(ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            return WithoutNuls(StrictUtf8.GetString(bytes), name);
        }
        catch (DecoderFallbackException)
        {
            return WithoutNuls(Windows1252(bytes), "windows-1252");
        }
    }

    private static DecodedText WithoutNuls(string text, string encoding)
    {
        var nuls = text.AsSpan().Count('\0');
        return new DecodedText(nuls == 0 ? text : text.Replace("\0", string.Empty, StringComparison.Ordinal), encoding, nuls);
    }

    // Known signatures first; then the share of NULs and control bytes over the whole file.
    private static bool IsBinary(ReadOnlySpan<byte> bytes)
    {
        if (HasBinarySignature(bytes))
        {
            return true;
        }

        var control = 0L;
        foreach (var b in bytes)
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20))
            {
                control++;
            }
        }

        return bytes.Length > 0 && control * 20 > bytes.Length;
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

/// <summary>A decoded text: the string (stray NULs removed), the encoding it was read in, and how many NULs were removed.</summary>
internal sealed record DecodedText(string Text, string Encoding, int NulsRemoved);
