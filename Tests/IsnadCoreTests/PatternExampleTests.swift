import Testing
import IsnadCore
import TestSupport

/// Every rule in patterns/ carries match/nomatch examples; each rule is one test case here, and
/// each failure points at the example's file and line.
@Suite struct PatternExampleTests {
    static let ruleIDs: [String] = (try? Repo.pack.get().patterns.allRules.map(\.id)) ?? ["<pattern set failed to load>"]

    @Test func patternSetLoads() throws {
        let pack = try Repo.pack.get()
        #expect(pack.patterns["cue"] != nil)
        #expect(pack.patterns["comp"] != nil)
        #expect(pack.patterns.allRules.count >= 50, "the cue families of ANNOTATION.md need many rules")
    }

    @Test(arguments: ruleIDs)
    func ruleExamples(_ id: String) throws {
        let pack = try Repo.pack.get()
        let report = PatternTester.run(pack.patterns, ruleID: id)
        #expect(report.rules == 1)
        #expect(report.examples >= 2, "every rule has at least one match and one example more")
        for f in report.failures {
            Issue.record(Comment(rawValue: f.description))
        }
    }

    @Test func everyCueRuleHasANomatchExample() throws {
        let pack = try Repo.pack.get()
        let missing = pack.patterns["cue"]!.rules.filter { $0.rule.nomatches.isEmpty }.map(\.id)
        #expect(missing.isEmpty, "cue rules without nomatch examples: \(missing)")
    }
}
