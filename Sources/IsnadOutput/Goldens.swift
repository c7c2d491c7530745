import IsnadCore

/// Golden files: `goldens/<case>.txt` is an input, `<case>.expected.json` its expected output
/// (`isnad extract --format json` for that one document, with `document` set to the case name
/// so the files do not depend on where the checkout is), and an optional `<case>.gold.json`
/// is the hand-written gold under ANNOTATION.md, which the case must score perfectly against.
///
/// Expected files are rewritten only on purpose (`isnad golden record`,
/// `ISNAD_RECORD_GOLDENS=1 swift test`), and a recording run reports failure, so it can never
/// pass silently.
public struct GoldenSuite: Sendable {
    public struct Case: Sendable {
        public let name: String
        public let input: String
        public var expected: String { String(input.dropLast(".txt".count)) + ".expected.json" }
        public var gold: String { String(input.dropLast(".txt".count)) + ".gold.json" }
    }

    public enum Outcome: Sendable {
        case passed
        case missing
        case differs(diff: String)
        case goldMismatch(report: String)
        case failed(String)
        case recorded(changed: Bool, diff: String)
    }

    public let directory: String
    public let cases: [Case]
    let extractor: Extractor

    public init(directory: String, extractor: Extractor) {
        self.directory = directory
        self.extractor = extractor
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        cases = FileSystem.walk(base, suffix: ".txt").map { path in
            let rel = String(path.dropFirst(base.count + 1))
            return Case(name: String(rel.dropLast(".txt".count)), input: path)
        }
    }

    /// The output a case is compared on.
    public func render(_ c: Case) throws -> String {
        let text = try FileSystem.readUTF8(c.input)
        let result = try extractor.extract(text, document: c.name)
        return DocumentJSON.render(result, pretty: true) + "\n"
    }

    public func check(_ c: Case) -> Outcome {
        let actual: String
        do { actual = try render(c) } catch { return .failed("\(error)") }
        guard FileSystem.exists(c.expected), let expected = try? FileSystem.readUTF8(c.expected) else { return .missing }
        if expected != actual { return .differs(diff: LineDiff.unified(old: expected, new: actual, oldName: c.expected, newName: "current output")) }
        if FileSystem.exists(c.gold) {
            do {
                let report = try goldReport(c)
                if let report { return .goldMismatch(report: report) }
            } catch { return .failed("\(error)") }
        }
        return .passed
    }

    /// Nil when the case's output scores attribution F1 = 1 against its hand-written gold;
    /// otherwise the scorer's errors.
    public func goldReport(_ c: Case) throws -> String? {
        let text = try FileSystem.readUTF8(c.input)
        let result = try extractor.extract(text, document: c.name)
        let dir = String(c.gold.dropLast(c.gold.split(separator: "/").last!.count))
        let set = try GoldSet(directory: dir.isEmpty ? "." : dir)
        guard let doc = set.documents.first(where: { $0.key == c.name.split(separator: "/").last.map(String.init) }) else {
            return "no gold document for \(c.name)"
        }
        let score = Scorer.score(gold: [(doc.key, doc.attributions)], predictions: [doc.key: result.attributions.map(Scorer.Predicted.init)])
        if score.attribution.f1 == 1 { return nil }
        return "attribution F1 \(score.attribution.f1) against \(c.gold):\n" + score.errors.map { "  \($0)" }.joined(separator: "\n")
    }

    public func record(_ c: Case) -> Outcome {
        let actual: String
        do { actual = try render(c) } catch { return .failed("\(error)") }
        let old = (try? FileSystem.readUTF8(c.expected)) ?? ""
        if old == actual { return .recorded(changed: false, diff: "") }
        do { try FileSystem.write(actual, to: c.expected) } catch { return .failed("\(error)") }
        return .recorded(changed: true, diff: LineDiff.unified(old: old, new: actual, oldName: c.expected + " (before)", newName: c.expected))
    }
}

/// A line diff for golden mismatches (longest common subsequence; goldens are small).
public enum LineDiff {
    public static func unified(old: String, new: String, oldName: String, newName: String, context: Int = 2) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let n = a.count, m = b.count
        var lcs = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        enum Op { case same(String), del(String), add(String) }
        var ops: [Op] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] { ops.append(.same(a[i])); i += 1; j += 1 }
            else if j < m, i == n || lcs[i][j + 1] >= lcs[i + 1][j] { ops.append(.add(b[j])); j += 1 }
            else { ops.append(.del(a[i])); i += 1 }
        }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        var lastPrinted = -1
        for (k, op) in ops.enumerated() {
            let changed: Bool
            switch op { case .same: changed = false; default: changed = true }
            let near = (max(0, k - context)...min(ops.count - 1, k + context)).contains { idx in
                if case .same = ops[idx] { return false } else { return true }
            }
            guard changed || near else { continue }
            if lastPrinted >= 0 && k > lastPrinted + 1 { out += "@@\n" }
            switch op {
            case .same(let s): out += "  " + s + "\n"
            case .del(let s): out += "- " + s + "\n"
            case .add(let s): out += "+ " + s + "\n"
            }
            lastPrinted = k
        }
        return out
    }
}
