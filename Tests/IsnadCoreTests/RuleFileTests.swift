import Testing
@testable import IsnadCore

/// Pattern files fail like a compiler: `file:line:col: error: …`, with PCRE2's own message.
@Suite struct RuleFileTests {
    static let fragments = """
    define B = (?<![\\p{L}\\p{M}\\p{N}])
    define E = (?![\\p{L}\\p{M}\\p{N}])
    """

    func load(_ rules: String, fragments: String = RuleFileTests.fragments) throws(PatternError) -> PatternSet {
        let f = try RuleFile.parse(fragments, path: "frag.rules")
        let r = try RuleFile.parse(rules, path: "cues.rules")
        let comp = try RuleFile.parse("rule comp.an\n  summary: s\n  pattern: ان\n  match: ⟦ان⟧\n", path: "comp.rules")
        return try PatternSet(files: [f, r, comp])
    }

    func error(_ rules: String, fragments: String = RuleFileTests.fragments) -> String {
        do {
            _ = try load(rules, fragments: fragments)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func validRuleLoadsAndFindsItsSpan() throws {
        let set = try load("""
        rule cue.qala
          summary: say
          lemma: قال
          role: verb
          pattern: (?&B) (?<cue> و? قال ) (?&E)
          match: ثم ⟦وقالَ⟧ الوزير
          nomatch: مقال
        """)
        let report = PatternTester.run(set)
        #expect(report.failures.isEmpty, "\(report.failures)")
        #expect(report.examples == 3)
    }

    @Test(arguments: [
        ("unbalanced parenthesis", "rule cue.a\n  summary: s\n  lemma: l\n  role: verb\n  pattern: (?<cue> قال\n  match: ⟦قال⟧\n",
         "cues.rules:5:"),
        ("error on a continuation line", "rule cue.a\n  summary: s\n  lemma: l\n  role: verb\n  pattern: (?<cue> قال )\n           [ب\n  match: ⟦قال⟧\n",
         "cues.rules:6:14: error: missing terminating ] for character class (PCRE2 106)"),
        ("unknown fragment", "rule cue.a\n  summary: s\n  lemma: l\n  role: verb\n  pattern: (?&NOPE) قال\n  match: ⟦قال⟧\n",
         "cues.rules:5:"),
        ("no match example", "rule cue.a\n  summary: s\n  lemma: l\n  role: verb\n  pattern: قال\n",
         "cues.rules:1:1: error: rule 'cue.a' has no match example"),
        ("missing lemma", "rule cue.a\n  summary: s\n  role: verb\n  pattern: قال\n  match: ⟦قال⟧\n",
         "cues.rules:1:1: error: rule 'cue.a' needs 'lemma:'"),
        ("unknown role", "rule cue.a\n  summary: s\n  lemma: l\n  role: noun-ish\n  pattern: قال\n  match: ⟦قال⟧\n",
         "role 'noun-ish' is not one of"),
        ("bad id", "rule Cue_A\n  summary: s\n  pattern: قال\n  match: ⟦قال⟧\n",
         "cues.rules:1:6: error: rule id 'Cue_A' must look like set.name"),
        ("unclosed span mark", "rule cue.a\n  summary: s\n  lemma: l\n  role: verb\n  pattern: قال\n  match: ⟦قال\n",
         "cues.rules:6:10: error: ⟦ is never closed"),
        ("diacritic in a pattern", "rule cue.a\n  summary: s\n  lemma: l\n  role: verb\n  pattern: قالَ\n  match: ⟦قال⟧\n",
         "cues.rules:5:15: error: U+64E is removed from text before matching"),
        ("stray line", "قال\n", "cues.rules:1:1: error: expected 'rule ID', 'define NAME = …' or a comment"),
        ("unknown key", "rule cue.a\n  summary: s\n  lemma: l\n  role: verb\n  colour: red\n  pattern: قال\n  match: ⟦قال⟧\n",
         "unknown key 'colour' for set 'cue'"),
    ])
    func malformedRuleFile(_ name: String, _ source: String, _ expected: String) {
        let message = error(source)
        #expect(message.contains(expected), "\(name): \(message)")
        #expect(message.contains(": error: "), "\(name): compiler-style message")
    }

    @Test func errorInsideAFragmentPointsAtTheFragment() {
        let message = error("rule cue.a\n  summary: s\n  lemma: l\n  role: verb\n  pattern: قال\n  match: ⟦قال⟧\n",
                            fragments: "define B = (?<![\\p{L}\ndefine E = x")
        #expect(message.hasPrefix("frag.rules:1:"), "\(message)")
        #expect(message.contains("PCRE2"), "\(message)")
    }

    @Test func failingExampleIsReportedWithItsLine() throws {
        let set = try load("""
        rule cue.qala
          summary: say
          lemma: قال
          role: verb
          pattern: (?&B) (?<cue> قال ) (?&E)
          match: ⟦وقال⟧ الوزير
          nomatch: قال الوزير
        """)
        let report = PatternTester.run(set)
        let lines = report.failures.map(\.location.line).sorted()
        #expect(lines == [6, 7], "\(report.failures)")
        #expect(report.failures.allSatisfy { $0.description.hasPrefix("cues.rules:") })
    }
}

@Suite struct LexiconFileTests {
    @Test func tagsWithoutAnEntryAreAnError() {
        #expect(throws: PatternError.self) { _ = try Lexicon.parse("وزير\n| fem\n", name: "t", path: "t.txt") }
    }

    @Test func entriesAreFoldedAndTagged() throws {
        let lex = try Lexicon.parse("# titles\nوزيرة | fem\nمتحدث باسم   # multiword\n", name: "t", path: "t.txt")
        #expect(lex.tags("وزيره") == ["fem"])
        #expect(lex.contains("متحدث باسم"))
        #expect(lex.maxWords == 2)
    }

    @Test func gazetteerRejectsANameOfTwoEntitiesButNotTwoSpellingsOfOne() throws {
        let ok = try Gazetteer.parse("ban\tبان كي مون\tperson\tبأن كي مون|بان كي مون\n", path: "g.tsv")
        #expect(ok.entity(forName: "بان كي مون")?.id == "ban")
        do {
            _ = try Gazetteer.parse("a\tأحمد علي\tperson\nb\tاحمد علي\tperson\n", path: "g.tsv")
            Issue.record("expected a duplicate-name error")
        } catch {
            #expect(error.description.contains("g.tsv:2:1: error: name 'احمد علي' already belongs to 'a'"))
        }
    }
}
