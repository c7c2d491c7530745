import Foundation
import PCRE2

/// One unit of input before decoding: a whole text file, or one line of JSON Lines.
public struct RawInput: Sendable {
    public enum Origin: Sendable {
        /// A text file (or standard input, path "-").
        case file(path: String)
        /// Line `line` (1-based) of a JSON Lines source.
        case line(source: String, line: Int)
    }
    /// Position in the whole input, from 0: output keeps this order.
    public let index: Int
    public let origin: Origin
    public let bytes: [UInt8]

    public var location: String {
        switch origin {
        case .file(let p): return p == "-" ? "<stdin>" : p
        case .line(let s, let l): return "\(s):\(l)"
        }
    }
}

/// A document ready for extraction.
public struct InputDocument: Sendable {
    public let index: Int
    /// The result's `document`: the path, or the line's `id`.
    public let name: String
    public let text: String
    /// Fields of a JSON Lines object other than `id` and `text`, as raw JSON, in order.
    public let carried: [(key: String, json: String)]
    public let byteCount: Int
}

/// Why one input was skipped. The message says where and what to do.
public struct InputFault: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable { case unreadable, invalidUTF8, malformedJSON, missingText, oversized, emptyDirectory, extraction }
    public let kind: Kind
    public let message: String
    public var description: String { message }
}

/// Decoding of raw inputs: UTF-8 validation, JSON parsing, the size limit.
public struct InputDecoder: Sendable {
    /// Documents larger than this many bytes are skipped (a runaway line, a binary file).
    public var maxBytes: Int

    public init(maxBytes: Int = 16 * 1024 * 1024) {
        self.maxBytes = maxBytes
    }

    public func decode(_ raw: RawInput) -> Result<InputDocument, InputFault> {
        switch raw.origin {
        case .file(let path):
            if raw.bytes.count > maxBytes {
                return .failure(InputFault(kind: .oversized, message: "\(raw.location): \(raw.bytes.count) bytes is over the limit of \(maxBytes) (raise it with --max-bytes)"))
            }
            do {
                let text = try TextDecoding.decode(raw.bytes, source: raw.location)
                return .success(InputDocument(index: raw.index, name: path, text: text, carried: [], byteCount: raw.bytes.count))
            } catch {
                return .failure(InputFault(kind: .invalidUTF8, message: error.description))
            }
        case .line(let source, let line):
            let loc = "\(source):\(line)"
            if raw.bytes.count > maxBytes {
                return .failure(InputFault(kind: .oversized, message: "\(loc): line of \(raw.bytes.count) bytes is over the limit of \(maxBytes) (raise it with --max-bytes)"))
            }
            if let error = UTF8Check.firstError(raw.bytes) {
                return .failure(InputFault(kind: .invalidUTF8, message: "\(loc): invalid UTF-8 at byte \(error) of the line; the line is skipped"))
            }
            let fields: [(key: String, raw: String)]
            do { fields = try JSONValue.parseObject(raw.bytes[...]) } catch {
                return .failure(InputFault(kind: .malformedJSON, message: "\(loc): malformed JSON at \(error); the line is skipped"))
            }
            let idRaw = fields.first { $0.key == "id" }?.raw
            let id = idRaw.map { JSONValue.decodeString($0) ?? $0 }
            guard let textRaw = fields.first(where: { $0.key == "text" })?.raw, let text = JSONValue.decodeString(textRaw) else {
                let what = fields.contains { $0.key == "text" } ? "\"text\" is not a string" : "no \"text\" field"
                return .failure(InputFault(kind: .missingText, message: "\(loc)\(id.map { " (id \($0))" } ?? ""): \(what); the line is skipped"))
            }
            let carried = fields.filter { $0.key != "id" && $0.key != "text" }.map { (key: $0.key, json: $0.raw) }
            return .success(InputDocument(index: raw.index, name: id ?? loc, text: text, carried: carried, byteCount: raw.bytes.count))
        }
    }
}

/// UTF-8 validation that answers where the first bad byte is.
enum UTF8Check {
    static func firstError(_ bytes: [UInt8]) -> Int? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        return UTF8Text.firstError(in: bytes)?.offset ?? 0
    }
}

/// Reads inputs in order and hands them out one at a time: text files from paths and
/// directories, or lines from JSON Lines files and standard input. Reading is incremental
/// (lines are read in chunks), so memory stays flat however long the input.
public final class InputReader: @unchecked Sendable {
    public enum Mode: String, Sendable, CaseIterable { case text, jsonl }

    let mode: Mode
    let paths: [String]
    /// Faults found while listing inputs (missing files, empty directories).
    public private(set) var listingFaults: [InputFault] = []
    private var pending: [String] = []
    private var index = 0
    private var lineSource: LineSource?
    /// Total bytes of the inputs when known in advance (files), for the time-left estimate.
    public private(set) var totalBytes: Int?

    public init(paths: [String], mode: Mode) {
        self.mode = mode
        self.paths = paths
        var files: [String] = []
        var total = 0
        var knowsTotal = true
        for p in paths {
            if p == "-" { files.append(p); knowsTotal = false; continue }
            if FileSystem.isDirectory(p) {
                let found = FileSystem.walk(p, suffix: mode == .jsonl ? ".jsonl" : ".txt")
                if found.isEmpty {
                    listingFaults.append(InputFault(kind: .emptyDirectory, message: "\(p): no \(mode == .jsonl ? "*.jsonl" : "*.txt") files in this directory"))
                }
                files += found
            } else if FileSystem.exists(p) {
                files.append(p)
            } else {
                listingFaults.append(InputFault(kind: .unreadable, message: "\(p): no such file or directory"))
                continue
            }
        }
        for f in files where f != "-" {
            if let size = (try? FileManager.default.attributesOfItem(atPath: f))?[.size] as? Int { total += size } else { knowsTotal = false }
        }
        pending = files.reversed()
        totalBytes = knowsTotal ? total : nil
    }

    /// The next input, or nil at the end. A file that cannot be read comes back as a fault.
    public func next() -> Result<RawInput, InputFault>? {
        while true {
            if let src = lineSource {
                if let (line, bytes) = src.nextLine() {
                    if bytes.isEmpty || bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                    defer { index += 1 }
                    return .success(RawInput(index: index, origin: .line(source: src.name, line: line), bytes: bytes))
                }
                lineSource = nil
                continue
            }
            guard let path = pending.popLast() else { return nil }
            switch mode {
            case .jsonl:
                if let src = LineSource(path: path) { lineSource = src } else {
                    return .failure(InputFault(kind: .unreadable, message: "\(path): cannot open"))
                }
            case .text:
                do {
                    let bytes = path == "-" ? [UInt8](FileHandle.standardInput.readDataToEndOfFile()) : try FileSystem.readBytes(path)
                    defer { index += 1 }
                    return .success(RawInput(index: index, origin: .file(path: path), bytes: bytes))
                } catch {
                    return .failure(InputFault(kind: .unreadable, message: "\(error)"))
                }
            }
        }
    }
}

/// Lines of a file or of standard input, read in 1 MiB chunks.
final class LineSource {
    let name: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var eof = false
    private var line = 0

    init?(path: String) {
        if path == "-" {
            handle = FileHandle.standardInput
            name = "<stdin>"
        } else {
            guard let h = FileHandle(forReadingAtPath: path) else { return nil }
            handle = h
            name = path
        }
    }

    func nextLine() -> (Int, [UInt8])? {
        while true {
            if let nl = buffer[start...].firstIndex(of: 0x0A) {
                var end = nl
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                let out = Array(buffer[start..<end])
                start = nl + 1
                line += 1
                return (line, out)
            }
            if eof {
                guard start < buffer.count else { return nil }
                let out = Array(buffer[start...])
                start = buffer.count
                line += 1
                return (line, out)
            }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { eof = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
