import Foundation
import IsnadCore

/// `--format csv`: RFC 4180 (CRLF line ends, fields quoted when they hold a comma, a quote or a
/// line break, quotes doubled), a header row, one row per attribution.
///
/// Spreadsheets run a cell that starts with `=`, `+`, `-`, `@` (or a tab or carriage return) as
/// a formula; such cells get a leading apostrophe so that text stays text (OWASP's advice for
/// CSV injection). `byteOrderMark` starts the file with U+FEFF so Excel reads it as UTF-8.
public struct CSVWriter: ResultWriter {
    public static let columns = [
        "document", "id", "speaker", "speaker_type", "resolution", "entity", "cue", "lemma", "kind",
        "content", "content_start", "content_end", "confidence", "sentence",
    ]
    let byteOrderMark: Bool
    var carriedKeys: [String]?

    public init(byteOrderMark: Bool = false) {
        self.byteOrderMark = byteOrderMark
    }

    public mutating func begin() -> String { byteOrderMark ? "\u{FEFF}" : "" }

    /// The header is written with the first document, so that fields carried from JSON Lines
    /// input (title, date, url …) get columns of their own after the fixed ones.
    public mutating func write(_ doc: DocumentResult) -> String {
        var out = ""
        if carriedKeys == nil {
            let keys = doc.carried.map(\.key).filter { !CSVWriter.columns.contains($0) && $0 != "text" }
            carriedKeys = keys
            out += row(CSVWriter.columns + keys)
        }
        let carried = Dictionary(doc.carried.map { ($0.key, $0.json) }, uniquingKeysWith: { a, _ in a })
        let extra = (carriedKeys ?? []).map { carried[$0].map(CSVWriter.plainValue) ?? "" }
        for a in doc.attributions {
            out += row([
                doc.document, String(a.id), a.speaker.name ?? "", a.speaker.type.rawValue, a.speaker.resolution.rawValue,
                a.speaker.entity ?? "", a.cue.span.text, a.cue.lemma, a.kind.rawValue, a.content.text,
                String(a.content.start), String(a.content.end), JSONBuilder.number(a.confidence), String(a.sentence),
            ] + extra)
        }
        return out
    }

    public mutating func end() -> String {
        // No document at all: still a header, so the file opens as an empty table.
        if carriedKeys == nil {
            carriedKeys = []
            return row(CSVWriter.columns)
        }
        return ""
    }

    func row(_ fields: [String]) -> String {
        fields.map(CSVWriter.field).joined(separator: ",") + "\r\n"
    }

    /// One field: neutralised if a spreadsheet would run it, quoted if needed.
    public static func field(_ s: String) -> String {
        var v = s
        if let f = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(f) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }

    /// A carried JSON value as cell text: strings unquoted and unescaped, other values as JSON.
    static func plainValue(_ json: String) -> String {
        guard json.hasPrefix("\""), let s = JSONValue.decodeString(json) else { return json }
        return s
    }
}
