import Foundation
import Testing
import IsnadCore
import IsnadOutput
import TestSupport

/// Every golden under goldens/: the output must equal its .expected.json, and a case with a
/// hand-written .gold.json must score attribution F1 = 1 against it. Set
/// ISNAD_RECORD_GOLDENS=1 to re-record on purpose; a recording run fails.
@Suite struct GoldenTests {
    static let suite: GoldenSuite? = (try? Repo.extractor()).map { GoldenSuite(directory: Repo.goldens, extractor: $0) }
    static let names: [String] = suite?.cases.map(\.name) ?? ["<pattern set failed to load>"]
    static let recording = ProcessInfo.processInfo.environment["ISNAD_RECORD_GOLDENS"] == "1"

    @Test func theSuiteIsComplete() throws {
        let suite = try #require(GoldenTests.suite)
        #expect(suite.cases.contains { $0.name == "seed" }, "the founding article is a golden")
        #expect(suite.cases.filter { $0.name.hasPrefix("cases/") }.count >= 25, "at least 25 phenomenon cases")
        for c in suite.cases {
            #expect(FileSystem.exists(c.expected), "\(c.name) has no expected output")
        }
    }

    @Test(arguments: names)
    func golden(_ name: String) throws {
        let suite = try #require(GoldenTests.suite)
        let c = try #require(suite.cases.first { $0.name == name })
        if GoldenTests.recording {
            if case .recorded(let changed, let diff) = suite.record(c), changed {
                Issue.record(Comment(rawValue: "recorded \(c.expected) (ISNAD_RECORD_GOLDENS=1); a recording run fails on purpose\n\(diff)"))
            } else {
                Issue.record("ISNAD_RECORD_GOLDENS=1: recording runs always fail; unset it to check")
            }
            return
        }
        switch suite.check(c) {
        case .passed: break
        case .missing: Issue.record(Comment(rawValue: "\(c.expected) is missing; record it with `isnad golden record` and review it"))
        case .differs(let diff): Issue.record(Comment(rawValue: "\(name) differs from its golden; if intended: isnad golden record --only \(name)\n\(diff)"))
        case .goldMismatch(let report): Issue.record(Comment(rawValue: report))
        case .failed(let m): Issue.record(Comment(rawValue: m))
        case .recorded: Issue.record("unexpected")
        }
    }

    /// The founding article against its 16 gold attributions, scored as ANNOTATION.md says,
    /// and every span selecting exactly its text.
    @Test func foundingArticle() throws {
        let text = try FileSystem.readUTF8(Repo.goldens + "/seed.txt")
        let result = try Repo.extractor().extract(text, document: "seed")
        let gold = try GoldSet(directory: Repo.goldens).documents.first { $0.key == "seed" }!
        let score = Scorer.score(gold: [("seed", gold.attributions)], predictions: ["seed": result.attributions.map(Scorer.Predicted.init)])
        #expect(score.attribution.f1 == 1, "\(score.errors)")
        #expect(result.attributions.count == 16)
        let scalars = Array(text.unicodeScalars)
        func slice(_ s: Span) -> String { String(String.UnicodeScalarView(scalars[s.start..<s.end])) }
        for a in result.attributions {
            #expect(slice(a.content) == a.content.text)
            #expect(slice(a.cue.span) == a.cue.span.text)
            if let m = a.speaker.mention { #expect(slice(m) == m.text) }
        }
    }
}
