import PCRE2

/// What one thread reuses from document to document: PCRE2's match data and JIT stack, and the
/// classification of every word form it has met (lexicon lookups are the costly part of reading
/// a word, and news repeats its vocabulary). Create one per thread; it is not `Sendable`.
public final class Workspace {
    public let scratch: MatchScratch
    var words: [WordKey: WordInfo] = [:]
    /// Entries kept before the cache starts over, so memory stays bounded on endless input.
    static let maxWords = 400_000

    public init(scratch: MatchScratch = MatchScratch()) {
        self.scratch = scratch
    }

    func word(_ key: WordKey, _ make: () -> WordInfo) -> WordInfo {
        if let w = words[key] { return w }
        if words.count >= Workspace.maxWords { words.removeAll(keepingCapacity: true) }
        let w = make()
        words[WordKey(bytes: ArraySlice(Array(key.bytes)), flags: key.flags)] = w
        return w
    }
}

/// A word form as met in folded text, with the two spelling facts folding hides (an initial
/// hamza on the alef, a final alef maqsura or ya), which change how it is read.
struct WordKey: Hashable {
    var bytes: ArraySlice<UInt8>
    var flags: UInt8

    /// One hasher call for all the bytes (the synthesised hash feeds them one by one).
    /// FNV-1a over the bytes, fed to the hasher as one word: words are short, and SipHash
    /// over each of their bytes showed in profiles.
    func hash(into hasher: inout Hasher) {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        hasher.combine(h ^ UInt64(flags))
    }

    static func == (a: WordKey, b: WordKey) -> Bool { a.flags == b.flags && a.bytes.elementsEqual(b.bytes) }
}
