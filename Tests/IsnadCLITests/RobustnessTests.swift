import Foundation
import Testing
import TestSupport

/// No input may crash the extractor. Every rule example and every golden paragraph is cut at
/// each word (so every cue also appears as the last word of a text), followed by a line break
/// and a preposition, started at each word, and broken into one word per line; all of it runs
/// through the built binary, which must exit normally with one line per document.
@Suite struct RobustnessTests {
    static func variants() throws -> [String] {
        var texts: [String] = []
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: Repo.patterns) where name.hasSuffix(".rules") {
            let s = try String(contentsOfFile: Repo.patterns + "/" + name, encoding: .utf8)
            for line in s.split(separator: "\n") {
                let t = line.drop { $0 == " " }
                for key in ["match: ", "nomatch: "] where t.hasPrefix(key) {
                    texts.append(String(t.dropFirst(key.count)).replacingOccurrences(of: "⟦", with: "").replacingOccurrences(of: "⟧", with: ""))
                }
            }
        }
        let e = fm.enumerator(atPath: Repo.goldens)
        while let rel = e?.nextObject() as? String {
            guard rel.hasSuffix(".txt") else { continue }
            let s = try String(contentsOfFile: Repo.goldens + "/" + rel, encoding: .utf8)
            texts += s.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        }
        var out: [String] = []
        for t in texts {
            let words = t.split(separator: " ").map(String.init)
            for i in 1...max(1, words.count) {
                let head = words.prefix(i).joined(separator: " ")
                out += [head, head + "\nعلى", words.dropFirst(i - 1).joined(separator: " "), words.prefix(i).joined(separator: "\n")]
            }
        }
        return out
    }

    @Test func truncatedAndBrokenTextsNeverCrash() throws {
        let docs = try RobustnessTests.variants()
        #expect(docs.count > 5000)
        var input = ""
        for (i, d) in docs.enumerated() {
            let o = try JSONSerialization.data(withJSONObject: ["id": String(i), "text": d])
            input += String(decoding: o, as: UTF8.self) + "\n"
        }
        let r = try Run.isnad(["extract", "-", "--input", "jsonl", "--quiet", "--jobs", "2", "--patterns", Repo.patterns],
                              stdin: Data(input.utf8))
        #expect(r.status == 0, "\(r.stderr.prefix(2000))")
        #expect(r.out.split(separator: "\n").count == docs.count)
    }
}
