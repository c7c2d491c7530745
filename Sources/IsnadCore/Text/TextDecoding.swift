import PCRE2

/// Input bytes that are not valid UTF-8: where, in bytes and as line and column.
public struct InvalidUTF8Error: Error, CustomStringConvertible, Sendable {
    public let source: String
    public let byteOffset: Int
    public let line: Int
    public let column: Int
    public let reason: String
    public var description: String {
        "\(source):\(line):\(column): invalid UTF-8 at byte \(byteOffset) (\(reason)); re-encode the file as UTF-8 (e.g. iconv -f WINDOWS-1256 -t UTF-8)"
    }
}

public enum TextDecoding {
    /// Decodes UTF-8 bytes exactly (no replacement characters): an invalid byte is an error that
    /// says where it is.
    public static func decode(_ bytes: [UInt8], source: String) throws(InvalidUTF8Error) -> String {
        if let error = UTF8Text.firstError(in: bytes) {
            let offset = min(error.offset ?? 0, bytes.count)
            // Line and column (in characters) of the bad byte, counted on the valid prefix.
            let prefix = bytes[..<offset]
            let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let lineStart = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
            throw InvalidUTF8Error(source: source, byteOffset: offset, line: line, column: column, reason: error.message)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
