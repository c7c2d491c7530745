import PCRE2

/// Runs every rule's `match`/`nomatch` examples, as SwiftLint runs its rules' triggering and
/// non-triggering examples. Each example is run twice: as written, and after a multibyte
/// prefix, which catches offset bugs (byte vs scalar, folded vs original) for free.
public struct PatternTester {
    public struct Failure: Sendable, CustomStringConvertible {
        public let location: RuleFile.Location
        public let ruleID: String
        public let message: String
        public var description: String { "\(location): error: \(ruleID): \(message)" }
    }

    public struct Report: Sendable {
        public var rules = 0
        public var examples = 0
        public var failures: [Failure] = []
    }

    /// Prefix for the second run: Arabic letters, a diacritic and an emoji, so byte, scalar and
    /// folded offsets all differ from the first run. It ends a line, so that rules anchored at
    /// a line start (bylines, datelines) still see one.
    static let prefix = "تمهيدٌ 🙂\n"

    public static func run(_ patterns: PatternSet, only: Set<String>? = nil) -> Report {
        var report = Report()
        let scratch = MatchScratch()
        for compiled in patterns.allRules where only?.contains(compiled.id) ?? true {
            report.rules += 1
            let set = patterns.sets[compiled.rule.set]
            for example in compiled.rule.matches {
                report.examples += 1
                for shift in [false, true] {
                    let text = shift ? prefix + example.text : example.text
                    let offset = shift ? prefix.unicodeScalars.count : 0
                    let expected = example.spans.map { ($0.lowerBound + offset)..<($0.upperBound + offset) }
                    do {
                        let got = try spans(of: compiled, in: text, scratch: scratch)
                        if got != expected {
                            report.failures.append(Failure(location: example.location, ruleID: compiled.id,
                                message: "expected \(describe(expected, in: text)), found \(describe(got, in: text))" + (shift ? " (after a multibyte prefix)" : "")))
                            break
                        }
                        // In the set's single scan, the same spans must come from this rule.
                        if let set, compiled.rule.set == "cue" {
                            // Any overlap counts: another rule taking part of the span (نقل
                            // taking نقلا of نقلا عن) hides this rule as surely as the whole.
                            let hits = try setSpans(set, in: text, scratch: scratch).filter { h in expected.contains { $0.overlaps(h.range) } }
                            if let other = hits.first(where: { $0.rule != compiled.id }) {
                                report.failures.append(Failure(location: example.location, ruleID: compiled.id,
                                    message: "in the combined scan, rule '\(other.rule)' takes \(describe([other.range], in: text)) first; reorder the rules or narrow '\(other.rule)'"))
                                break
                            }
                        }
                    } catch {
                        report.failures.append(Failure(location: example.location, ruleID: compiled.id, message: "\(error)"))
                        break
                    }
                }
            }
            for example in compiled.rule.nomatches {
                report.examples += 1
                do {
                    let got = try spans(of: compiled, in: example.text, scratch: scratch)
                    if !got.isEmpty {
                        report.failures.append(Failure(location: example.location, ruleID: compiled.id,
                            message: "expected no match, found \(describe(got, in: example.text))"))
                    }
                } catch {
                    report.failures.append(Failure(location: example.location, ruleID: compiled.id, message: "\(error)"))
                }
            }
        }
        return report
    }

    /// Original-scalar ranges of the rule's report group over `text`.
    static func spans(of rule: CompiledRule, in text: String, scratch: MatchScratch) throws(PCRE2Error) -> [Range<Int>] {
        let n = NormalizedText(text)
        var out: [Range<Int>] = []
        try rule.regex.scan(n.folded, scratch: scratch) { m in
            let r = rule.reportGroup.flatMap { m[$0] } ?? m.range
            out.append(n.originalRange(r))
            return true
        }
        return out
    }

    static func setSpans(_ set: RuleSet, in text: String, scratch: MatchScratch) throws(PCRE2Error) -> [(rule: String, range: Range<Int>)] {
        let n = NormalizedText(text)
        return try set.hits(in: n.folded, scratch: scratch).map { ($0.rule.id, n.originalRange($0.range)) }
    }

    static func describe(_ spans: [Range<Int>], in text: String) -> String {
        if spans.isEmpty { return "no match" }
        let scalars = Array(text.unicodeScalars)
        return spans.map { r -> String in
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[max(0, r.lowerBound)..<min(scalars.count, r.upperBound)])
            return "⟦\(String(v))⟧ at \(r.lowerBound)..<\(r.upperBound)"
        }.joined(separator: ", ")
    }
}
