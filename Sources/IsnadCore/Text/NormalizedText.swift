import PCRE2

/// Folding of Arabic spelling variants, so that patterns and lexicons are written once:
/// diacritics, tatweel and invisible format marks are dropped; أ إ آ ٱ → ا; ى ی → ي; ة → ه;
/// ؤ → و; ئ → ي; ک → ك. These are the same foldings as the scorer's (ANNOTATION.md), so what
/// matches here is what counts there.
public enum ArabicFolding {
    /// The folded form of one scalar: nil when it is dropped, the scalar itself when unchanged.
    @inline(__always)
    public static func fold(_ v: UInt32) -> UInt32? {
        switch v {
        case 0x064B...0x065F, 0x0670, 0x0640, 0x0610...0x061A, 0x06D6...0x06ED,
             0x200B...0x200F, 0x061C, 0xFEFF, 0x00AD:
            return nil
        case 0x0623, 0x0625, 0x0622, 0x0671: return 0x0627   // أ إ آ ٱ → ا
        case 0x0649, 0x06CC: return 0x064A                   // ى ی → ي
        case 0x0629: return 0x0647                           // ة → ه
        case 0x0624: return 0x0648                           // ؤ → و
        case 0x0626: return 0x064A                           // ئ → ي
        case 0x06A9: return 0x0643                           // ک → ك
        default: return v
        }
    }

    /// The folded form of a string (for lexicon keys and names).
    public static func fold(_ s: Substring) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if let f = fold(u.value), let scalar = Unicode.Scalar(f) { out.append(scalar) }
        }
        return String(out)
    }

    public static func fold(_ s: String) -> String { fold(s[...]) }
}

/// A text as read (its Unicode scalars) and its folded form as UTF-8 bytes for matching, with
/// the map between them.
///
/// This is the one place where offsets change unit: PCRE2 reports byte offsets into `folded`,
/// and `originalOffset(ofFoldedByte:)` turns them into Unicode-scalar offsets into the original
/// text, the unit of every span Isnad reports. The map is built in the same forward pass that
/// folds the text (PCRE2-NOTES, trap 2: never measure distances from the start per match).
public struct NormalizedText: Sendable {
    /// The original text, as scalars, so that spans slice in O(1).
    public let scalars: [Unicode.Scalar]
    /// The folded text as valid UTF-8.
    public let folded: UTF8Text
    /// For each folded byte, the index of the original scalar it came from; one extra entry at
    /// the end holds `scalars.count`.
    private let origin: [Int32]

    public init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count / 2 + 1)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var origin: [Int32] = []
        origin.reserveCapacity(text.utf8.count + 1)
        var index: Int32 = 0
        for u in text.unicodeScalars {
            scalars.append(u)
            if let f = ArabicFolding.fold(u.value) {
                // Encode the folded scalar; every byte maps back to this original scalar.
                if f < 0x80 {
                    bytes.append(UInt8(f)); origin.append(index)
                } else if f < 0x800 {
                    bytes.append(UInt8(0xC0 | (f >> 6))); bytes.append(UInt8(0x80 | (f & 0x3F)))
                    origin.append(index); origin.append(index)
                } else if f < 0x10000 {
                    bytes.append(UInt8(0xE0 | (f >> 12))); bytes.append(UInt8(0x80 | ((f >> 6) & 0x3F)))
                    bytes.append(UInt8(0x80 | (f & 0x3F)))
                    origin.append(index); origin.append(index); origin.append(index)
                } else {
                    bytes.append(UInt8(0xF0 | (f >> 18))); bytes.append(UInt8(0x80 | ((f >> 12) & 0x3F)))
                    bytes.append(UInt8(0x80 | ((f >> 6) & 0x3F))); bytes.append(UInt8(0x80 | (f & 0x3F)))
                    origin.append(index); origin.append(index); origin.append(index); origin.append(index)
                }
            }
            index += 1
        }
        origin.append(index)
        self.scalars = scalars
        self.folded = UTF8Text(unchecked: bytes)
        self.origin = origin
    }

    /// Unicode-scalar offset in the original text of the scalar that produced folded byte `b`.
    /// For `b == folded.count`, the original length. A scalar dropped by folding (a diacritic
    /// after a letter) belongs to the span before it: a span ending at folded byte `b` ends at
    /// `originalOffset(ofFoldedByte: b)`, which is just before the next kept scalar.
    @inline(__always)
    public func originalOffset(ofFoldedByte b: Int) -> Int { Int(origin[b]) }

    /// The original scalar range of a folded byte range.
    public func originalRange(_ r: Range<Int>) -> Range<Int> {
        originalOffset(ofFoldedByte: r.lowerBound)..<originalOffset(ofFoldedByte: r.upperBound)
    }

    /// The original text of a scalar range.
    public func text(_ r: Range<Int>) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars[r])
        return String(v)
    }

    /// The folded text of a folded byte range.
    public func foldedString(_ r: Range<Int>) -> String {
        String(decoding: folded.bytes[r], as: UTF8.self)
    }

    public var count: Int { scalars.count }
}
