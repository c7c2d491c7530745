/// Accuracy scoring exactly as ANNOTATION.md describes and `tools/score.py` implements:
/// Arabic-normalised token Dice ≥ 0.5 between contents, one-to-one matching best overlap
/// first, and the speaker rule. Every detail that changes a figure (the punctuation set, the
/// generic title words, the tie order of equal overlaps) follows the reference, so that
/// `isnad eval` and `score.py` print the same numbers.
public enum Scorer {
    /// A gold attribution.
    public struct Gold: Sendable {
        public var speaker: String
        public var aliases: [String]
        public var cue: String
        public var content: String
        public var kind: String
        public init(speaker: String, aliases: [String] = [], cue: String, content: String, kind: String) {
            self.speaker = speaker
            self.aliases = aliases
            self.cue = cue
            self.content = content
            self.kind = kind
        }
    }

    /// A predicted attribution, reduced to what scoring reads.
    public struct Predicted: Sendable {
        public var speaker: String?
        public var cue: String
        public var content: String
        public var kind: String
        public init(speaker: String?, cue: String, content: String, kind: String) {
            self.speaker = speaker
            self.cue = cue
            self.content = content
            self.kind = kind
        }
        public init(_ a: Attribution) {
            self.init(speaker: a.speaker.name, cue: a.cue.span.text, content: a.content.text, kind: a.kind.rawValue)
        }
    }

    public struct PRF: Sendable, Equatable {
        public var p: Double, r: Double, f1: Double
        init(_ t: Int, predicted: Int, gold: Int) {
            p = predicted > 0 ? Double(t) / Double(predicted) : 0
            r = gold > 0 ? Double(t) / Double(gold) : 0
            f1 = p + r > 0 ? 2 * p * r / (p + r) : 0
        }
    }

    public enum ErrorCase: Sendable, Equatable {
        case noPrediction(document: String)
        case wrongSpeaker(document: String, predicted: String?, gold: String, content: String)
        case missed(document: String, speaker: String, cue: String, content: String)
        case spurious(document: String, speaker: String?, cue: String, content: String)
    }

    public struct Result: Sendable {
        public var documents = 0, gold = 0, predicted = 0, matched = 0
        public var detection = PRF(0, predicted: 0, gold: 0)
        public var attribution = PRF(0, predicted: 0, gold: 0)
        public var strictSpan = PRF(0, predicted: 0, gold: 0)
        public var speakerAccuracy = 0.0, kindAccuracy = 0.0, cueAccuracy = 0.0, meanDice = 0.0
        /// Recall per gold kind, counting a match with the right speaker (as the reference does).
        public var recallByKind: [(kind: String, recall: Double)] = []
        public var errors: [ErrorCase] = []
    }

    // MARK: Normalisation (score.py's norm)

    static func isDiacritic(_ v: UInt32) -> Bool {
        (0x0610...0x061A).contains(v) || (0x064B...0x065F).contains(v) || v == 0x0670
            || (0x06D6...0x06ED).contains(v) || v == 0x0640
    }

    static let punctuation: Set<Unicode.Scalar> = Set("\"'“”«»„‟‘’‹›،,.:;؛!?؟()[]{}-–—…/\\*".unicodeScalars)

    /// Tokens of a text after ANNOTATION.md's normalisation.
    public static func normalize(_ s: String) -> [String] {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            let v = u.value
            if isDiacritic(v) { continue }
            switch v {
            case 0x0623, 0x0625, 0x0622, 0x0671: out.append("\u{0627}")
            case 0x0649: out.append("\u{064A}")
            case 0x0629: out.append("\u{0647}")
            case 0x0624: out.append("\u{0648}")
            case 0x0626: out.append("\u{064A}")
            default: out.append(punctuation.contains(u) ? " " : u)
            }
        }
        // Python's str.split(): runs of Unicode whitespace separate tokens.
        return String(out).split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) }).map(String.init)
    }

    public static func dice(_ a: [String], _ b: [String]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var counts: [String: Int] = [:]
        for t in a { counts[t, default: 0] += 1 }
        var common = 0
        for t in b {
            if let c = counts[t], c > 0 { counts[t] = c - 1; common += 1 }
        }
        return 2 * Double(common) / Double(a.count + b.count)
    }

    /// Title and role words that alone do not name a speaker (score.py's GENERIC), normalised.
    static let generic: Set<String> = Set("""
    الرييس رييس وزير الوزير الخارجيه الداخليه الدفاع المحلل محلل المتحدث متحدث باسم الامريكي
    الامريكيه الروسي الروسيه الاوكراني السابق الحالي مدير رييسه الوزراء وزيره السيد السيده الدكتور د
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// The speaker rule: the predicted name holds every token of the gold name (or an alias)
    /// with at most five more, or is a part of it that is more than a title.
    public static func speakerMatches(gold: Gold, predicted: String?) -> Bool {
        guard let predicted else { return false }
        let p = Set(normalize(predicted))
        guard !p.isEmpty else { return false }
        for s in [gold.speaker] + gold.aliases {
            let g = Set(normalize(s))
            if !g.isEmpty && g.isSubset(of: p) && p.count <= g.count + 5 { return true }
            if p.isSubset(of: g) && !p.subtracting(generic).isEmpty { return true }
        }
        return false
    }

    static func cueKey(_ s: String) -> String {
        guard var t = normalize(s).first else { return "" }
        if t.first == "و" || t.first == "ف" { t.removeFirst() }
        return t
    }

    // MARK: Scoring

    /// Scores predictions against gold, documents in name order. `predictions` lacks a key for
    /// a document the system gave no output for.
    public static func score(gold: [(document: String, attributions: [Gold])],
                             predictions: [String: [Predicted]], threshold: Double = 0.5) -> Result {
        var res = Result()
        var tp = 0, strict = 0, kindOK = 0, cueOK = 0
        var diceSum = 0.0
        var byKind: [String: (gold: Int, ok: Int)] = [:]
        var kindOrder: [String] = []
        func noteKind(_ k: String) { if byKind[k] == nil { byKind[k] = (0, 0); kindOrder.append(k) } }
        res.documents = gold.count
        for (doc, golds) in gold {
            let preds = predictions[doc] ?? []
            if predictions[doc] == nil { res.errors.append(.noPrediction(document: doc)) }
            res.gold += golds.count
            res.predicted += preds.count
            var pairs: [(d: Double, i: Int, j: Int)] = []
            let predTokens = preds.map { normalize($0.content) }
            for (i, g) in golds.enumerated() {
                let gt = normalize(g.content)
                for j in preds.indices {
                    let d = dice(gt, predTokens[j])
                    if d >= threshold { pairs.append((d, i, j)) }
                }
            }
            // score.py sorts (d, i, j) tuples in reverse: equal overlaps go to the later gold
            // and the later prediction first.
            pairs.sort { ($0.d, $0.i, $0.j) > ($1.d, $1.i, $1.j) }
            var usedG = Set<Int>(), usedP = Set<Int>()
            for (d, i, j) in pairs where !usedG.contains(i) && !usedP.contains(j) {
                usedG.insert(i); usedP.insert(j)
                let g = golds[i], p = preds[j]
                res.matched += 1
                diceSum += d
                if d >= 0.9 { strict += 1 }
                let ok = speakerMatches(gold: g, predicted: p.speaker)
                if ok { tp += 1 }
                if p.kind == g.kind { kindOK += 1 }
                if cueKey(p.cue) == cueKey(g.cue) { cueOK += 1 }
                noteKind(g.kind)
                if ok { byKind[g.kind]!.ok += 1 }
                if !ok {
                    res.errors.append(.wrongSpeaker(document: doc, predicted: p.speaker, gold: g.speaker, content: g.content))
                }
            }
            for (i, g) in golds.enumerated() {
                noteKind(g.kind)
                byKind[g.kind]!.gold += 1
                if !usedG.contains(i) { res.errors.append(.missed(document: doc, speaker: g.speaker, cue: g.cue, content: g.content)) }
            }
            for (j, p) in preds.enumerated() where !usedP.contains(j) {
                res.errors.append(.spurious(document: doc, speaker: p.speaker, cue: p.cue, content: p.content))
            }
        }
        res.detection = PRF(res.matched, predicted: res.predicted, gold: res.gold)
        res.attribution = PRF(tp, predicted: res.predicted, gold: res.gold)
        res.strictSpan = PRF(strict, predicted: res.predicted, gold: res.gold)
        let m = Double(max(res.matched, 1))
        if res.matched > 0 {
            res.speakerAccuracy = Double(tp) / m
            res.kindAccuracy = Double(kindOK) / m
            res.cueAccuracy = Double(cueOK) / m
            res.meanDice = diceSum / m
        }
        res.recallByKind = kindOrder.map { k in
            let v = byKind[k]!
            return (k, v.gold > 0 ? Double(v.ok) / Double(v.gold) : 0)
        }
        return res
    }
}

extension Scorer.ErrorCase: CustomStringConvertible {
    /// The reference's wording, content cut to 60 or 70 characters as it does.
    public var description: String {
        func cut(_ s: String, _ n: Int) -> String { String(s.unicodeScalars.prefix(n).map(Character.init)) }
        func py(_ s: String?) -> String { s.map { "'" + $0 + "'" } ?? "None" }
        switch self {
        case .noPrediction(let d): return "\(d): no prediction for this document"
        case .wrongSpeaker(let d, let p, let g, let c): return "\(d): wrong speaker \(py(p)) for gold \(py(g)): \(cut(c, 60))"
        case .missed(let d, let s, let cue, let c): return "\(d): missed [\(s) / \(cue)] \(cut(c, 70))"
        case .spurious(let d, let s, let cue, let c): return "\(d): spurious [\(s ?? "None") / \(cue)] \(cut(c, 70))"
        }
    }
}
