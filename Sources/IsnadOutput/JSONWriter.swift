import IsnadCore

/// JSON text built by hand, so that key order follows the schema and output is byte-for-byte
/// deterministic (and fast): keys in a fixed order, non-ASCII written as UTF-8, numbers in
/// Swift's shortest round-trip form.
public struct JSONBuilder {
    public private(set) var out = ""

    public init() {}

    public mutating func raw(_ s: String) { out += s }

    public mutating func string(_ s: String) { JSONBuilder.appendQuoted(s, to: &out) }

    public static func quoted(_ s: String) -> String {
        var o = ""
        appendQuoted(s, to: &o)
        return o
    }

    public static func appendQuoted(_ s: String, to out: inout String) {
        out += "\""
        var plainStart = s.utf8.startIndex
        let utf8 = s.utf8
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let b = utf8[i]
            if b == 0x22 || b == 0x5C || b < 0x20 {
                out += String(s[plainStart..<i])
                switch b {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x09: out += "\\t"
                default:
                    let hex = String(b, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
                plainStart = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        out += String(s[plainStart..<utf8.endIndex])
        out += "\""
    }

    public static func number(_ d: Double) -> String {
        if d == d.rounded() && abs(d) < 1e15 { return String(Int(d)) }
        return String(d)
    }
}

/// The JSON form of one document's result, as `attribution.schema.json` describes it.
public enum DocumentJSON {
    /// One document as a single line of JSON (`--format jsonl`), or indented (`--format json`).
    public static func render(_ doc: DocumentResult, pretty: Bool) -> String {
        var j = JSONBuilder()
        let nl = pretty ? "\n" : ""
        let ind1 = pretty ? "  " : "", ind2 = pretty ? "    " : ""
        let sep = pretty ? ": " : ":"
        j.raw("{" + nl + ind1 + "\"document\"" + sep)
        j.string(doc.document)
        for (key, value) in doc.carried where key != "document" && key != "attributions" {
            j.raw("," + nl + ind1)
            j.string(key)
            j.raw(sep + value)
        }
        j.raw("," + nl + ind1 + "\"attributions\"" + sep + "[")
        for (i, a) in doc.attributions.enumerated() {
            j.raw((i == 0 ? "" : ",") + nl + ind2)
            attribution(a, into: &j)
        }
        j.raw((doc.attributions.isEmpty ? "" : nl + ind1) + "]" + nl + "}")
        return j.out
    }

    static func span(_ s: Span?, into j: inout JSONBuilder, extra: [(String, String)] = []) {
        guard let s else { j.raw("null"); return }
        j.raw("{\"text\":")
        j.string(s.text)
        j.raw(",\"start\":\(s.start),\"end\":\(s.end)")
        for (k, v) in extra {
            j.raw(",\"\(k)\":")
            j.string(v)
        }
        j.raw("}")
    }

    static func attribution(_ a: Attribution, into j: inout JSONBuilder) {
        j.raw("{\"id\":\(a.id),\"speaker\":{\"name\":")
        if let n = a.speaker.name { j.string(n) } else { j.raw("null") }
        j.raw(",\"mention\":")
        span(a.speaker.mention, into: &j)
        j.raw(",\"resolution\":\"\(a.speaker.resolution.rawValue)\",\"entity\":")
        if let e = a.speaker.entity { j.string(e) } else { j.raw("null") }
        j.raw(",\"type\":\"\(a.speaker.type.rawValue)\"")
        if !a.speaker.aliases.isEmpty {
            j.raw(",\"aliases\":[")
            for (i, al) in a.speaker.aliases.enumerated() {
                if i > 0 { j.raw(",") }
                j.string(al)
            }
            j.raw("]")
        }
        j.raw("},\"cue\":")
        span(a.cue.span, into: &j, extra: [("lemma", a.cue.lemma), ("rule", a.cue.rule)])
        j.raw(",\"content\":")
        span(a.content, into: &j)
        j.raw(",\"kind\":\"\(a.kind.rawValue)\",\"confidence\":\(JSONBuilder.number(a.confidence)),\"sentence\":\(a.sentence)}")
    }
}
