import PCRE2

/// What one thread reuses from document to document: PCRE2's match data and JIT stack, and the
/// classification of every word form it has met (lexicon lookups are the costly part of reading
/// a word, and news repeats its vocabulary). Create one per thread; it is not `Sendable`.
public final class Workspace {
    public let scratch: MatchScratch
    let words = WordTable()

    public init(scratch: MatchScratch = MatchScratch()) {
        self.scratch = scratch
    }

    func word(_ key: WordKey, _ make: () -> WordInfo) -> WordInfo {
        words.value(for: key, make)
    }
}

/// A word form as met in folded text, with the two spelling facts folding hides (an initial
/// hamza on the alef, a final alef maqsura or ya), which change how it is read.
struct WordKey {
    var bytes: ArraySlice<UInt8>
    var flags: UInt8

    /// FNV-1a over the bytes and the flags: words are short, and a general-purpose hasher over
    /// each byte showed in profiles.
    var hash: UInt64 {
        bytes.withUnsafeBufferPointer { buf in
            var h: UInt64 = 0xcbf29ce484222325
            for b in buf { h = (h ^ UInt64(b)) &* 0x100000001b3 }
            return (h ^ UInt64(flags)) &* 0x100000001b3
        }
    }

    func equals(_ other: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { a in
            other.withUnsafeBufferPointer { b in
                guard a.count == b.count else { return false }
                for i in 0..<a.count where a[i] != b[i] { return false }
                return true
            }
        }
    }
}

/// An open-addressing table from word forms to their readings: one hash and, usually, one
/// byte comparison per word. It stops growing at `maxEntries` (news vocabulary is Zipfian: the
/// forms met first are the frequent ones), so memory stays flat however long the input.
final class WordTable {
    static let maxEntries = 1 << 16
    private var slots: [Int32]
    private var mask: Int
    private var hashes: [UInt64] = []
    private var keys: [[UInt8]] = []
    private var flags: [UInt8] = []
    private var values: [WordInfo] = []

    init() {
        slots = Array(repeating: -1, count: 1 << 12)
        mask = (1 << 12) - 1
    }

    var count: Int { values.count }

    func value(for key: WordKey, _ make: () -> WordInfo) -> WordInfo {
        let h = key.hash
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = Int(slots[i])
            if e < 0 { break }
            if hashes[e] == h && flags[e] == key.flags && key.equals(keys[e]) { return values[e] }
            i = (i + 1) & mask
        }
        let v = make()
        guard values.count < WordTable.maxEntries else { return v }
        if (values.count + 1) * 2 > slots.count { grow() }
        insert(h, key, v)
        return v
    }

    private func insert(_ h: UInt64, _ key: WordKey, _ v: WordInfo) {
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = Int32(values.count)
        hashes.append(h)
        keys.append(Array(key.bytes))
        flags.append(key.flags)
        values.append(v)
    }

    private func grow() {
        let n = slots.count * 2
        slots = Array(repeating: -1, count: n)
        mask = n - 1
        for e in values.indices {
            var i = Int(truncatingIfNeeded: hashes[e]) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(e)
        }
    }

}
