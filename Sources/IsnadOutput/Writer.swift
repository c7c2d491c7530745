import IsnadCore

/// A writer turns results into bytes, one document at a time, so output streams as documents
/// finish (ripgrep's printers: the pipeline knows nothing of formats).
public protocol ResultWriter {
    /// Text before the first document (a CSV header, an opening bracket).
    mutating func begin() -> String
    /// One document's text.
    mutating func write(_ doc: DocumentResult) -> String
    /// Text after the last document.
    mutating func end() -> String
}

public enum OutputFormat: String, CaseIterable, Sendable {
    case json, jsonl, csv

    public func makeWriter(excel: Bool = false) -> any ResultWriter {
        switch self {
        case .json: return JSONWriter()
        case .jsonl: return JSONLinesWriter()
        case .csv: return CSVWriter(byteOrderMark: excel)
        }
    }
}

/// `--format jsonl`: one document per line, exactly the schema's object.
public struct JSONLinesWriter: ResultWriter {
    public init() {}
    public mutating func begin() -> String { "" }
    public mutating func write(_ doc: DocumentResult) -> String { JSONLinesWriter.line(doc) }
    /// One document's line; it depends on that document alone, so workers can render it.
    public static func line(_ doc: DocumentResult) -> String { DocumentJSON.render(doc, pretty: false) + "\n" }
    public mutating func end() -> String { "" }
}

/// `--format json`: a JSON array of the schema's objects, indented, one attribution a line.
public struct JSONWriter: ResultWriter {
    var count = 0
    public init() {}
    public mutating func begin() -> String { "[" }
    public mutating func write(_ doc: DocumentResult) -> String {
        defer { count += 1 }
        return (count == 0 ? "\n" : ",\n") + DocumentJSON.render(doc, pretty: true)
    }
    public mutating func end() -> String { count == 0 ? "]\n" : "\n]\n" }
}
