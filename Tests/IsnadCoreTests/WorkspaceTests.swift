import Testing
@testable import IsnadCore

@Suite struct WorkspaceTests {
    func info(_ s: String) -> WordInfo { WordInfo(folded: s, stem: s, article: false, proclitic: "", classes: []) }

    @Test func sameBytesAndFlagsHitTheCache() {
        let t = WordTable()
        var made = 0
        let a = Array("قال".utf8), b = Array("قالت".utf8)
        _ = t.value(for: WordKey(bytes: a[...], flags: 0)) { made += 1; return info("قال") }
        _ = t.value(for: WordKey(bytes: a[...], flags: 0)) { made += 1; return info("قال") }
        _ = t.value(for: WordKey(bytes: a[...], flags: 1)) { made += 1; return info("قال") }
        let v = t.value(for: WordKey(bytes: b[...], flags: 0)) { made += 1; return info("قالت") }
        #expect(made == 3)
        #expect(v.folded == "قالت")
        // A slice of a larger buffer is the same key as the word alone.
        let text = Array("ثم قال".utf8)
        _ = t.value(for: WordKey(bytes: text[(text.count - a.count)...], flags: 0)) { made += 1; return info("x") }
        #expect(made == 3)
    }

    @Test func theCacheStopsGrowingButStillAnswers() {
        let t = WordTable()
        for i in 0..<(WordTable.maxEntries + 100) {
            let bytes = Array("w\(i)".utf8)
            _ = t.value(for: WordKey(bytes: bytes[...], flags: 0)) { info("w\(i)") }
        }
        #expect(t.count == WordTable.maxEntries)
        let late = Array("w\(WordTable.maxEntries + 50)".utf8)
        #expect(t.value(for: WordKey(bytes: late[...], flags: 0)) { info("late") }.folded == "late")
    }
}
