/// A small JSON reader for one line of JSON Lines input: a top-level object whose values are
/// kept as raw JSON text (so that fields the tool does not use pass through unchanged), with
/// strings decodable on demand. Hand-written rather than JSONSerialization because input lines
/// must keep their raw values and key order, errors must say where, and it runs per document
/// on the hot path.
public enum JSONValue {
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        /// 1-based column (in bytes) of the problem in the line.
        public let column: Int
        public let message: String
        public var description: String { "column \(column): \(message)" }
    }

    /// Fields of a JSON object, in order, with their raw JSON values.
    public static func parseObject(_ bytes: ArraySlice<UInt8>) throws(ParseError) -> [(key: String, raw: String)] {
        var p = Parser(bytes: bytes)
        p.skipSpace()
        guard p.peek == UInt8(ascii: "{") else { throw p.error("expected a JSON object ({…}) on this line") }
        p.i += 1
        var fields: [(String, String)] = []
        p.skipSpace()
        if p.peek == UInt8(ascii: "}") {
            p.i += 1
        } else {
            while true {
                p.skipSpace()
                guard p.peek == UInt8(ascii: "\"") else { throw p.error("expected a key in double quotes") }
                let keyStart = p.i
                try p.skipString()
                let key = decodeString(String(decoding: bytes[keyStart..<p.i], as: UTF8.self)) ?? ""
                p.skipSpace()
                guard p.peek == UInt8(ascii: ":") else { throw p.error("expected ':' after key \"\(key)\"") }
                p.i += 1
                p.skipSpace()
                let valueStart = p.i
                try p.skipValue(depth: 0)
                fields.append((key, String(decoding: bytes[valueStart..<p.i], as: UTF8.self)))
                p.skipSpace()
                if p.peek == UInt8(ascii: ",") { p.i += 1; continue }
                if p.peek == UInt8(ascii: "}") { p.i += 1; break }
                throw p.error("expected ',' or '}'")
            }
        }
        p.skipSpace()
        guard p.i == bytes.endIndex else { throw p.error("unexpected text after the object") }
        return fields
    }

    /// Decodes a raw JSON string literal (with its quotes); nil if it is not one.
    public static func decodeString(_ raw: String) -> String? {
        let u = Array(raw.utf8)
        guard u.count >= 2, u.first == 0x22, u.last == 0x22 else { return nil }
        if !u.dropFirst().dropLast().contains(0x5C) {
            return String(decoding: u[1..<(u.count - 1)], as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        var i = 1
        var pendingHigh: UInt32?
        func appendScalar(_ v: UInt32) {
            let s = Unicode.Scalar(v) ?? "\u{FFFD}"
            out.append(contentsOf: Array(String(s).utf8))
        }
        while i < u.count - 1 {
            let b = u[i]
            if b != 0x5C { out.append(b); i += 1; continue }
            guard i + 1 < u.count - 1 else { return nil }
            let e = u[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case 0x5C: out.append(0x5C)
            case 0x22: out.append(0x22)
            case UInt8(ascii: "u"):
                guard i + 4 <= u.count - 1, let v = UInt32(String(decoding: u[i..<(i + 4)], as: UTF8.self), radix: 16) else { return nil }
                i += 4
                if (0xD800...0xDBFF).contains(v) { pendingHigh = v; continue }
                if (0xDC00...0xDFFF).contains(v), let h = pendingHigh {
                    appendScalar(0x10000 + ((h - 0xD800) << 10) + (v - 0xDC00))
                    pendingHigh = nil
                    continue
                }
                appendScalar(v)
            default: return nil
            }
            if pendingHigh != nil { appendScalar(0xFFFD); pendingHigh = nil }
        }
        return String(decoding: out, as: UTF8.self)
    }

    struct Parser {
        let bytes: ArraySlice<UInt8>
        var i: Int
        init(bytes: ArraySlice<UInt8>) { self.bytes = bytes; self.i = bytes.startIndex }
        var peek: UInt8? { i < bytes.endIndex ? bytes[i] : nil }
        func error(_ m: String) -> ParseError { ParseError(column: i - bytes.startIndex + 1, message: m) }
        mutating func skipSpace() {
            while let b = peek, b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A { i += 1 }
        }
        mutating func skipString() throws(ParseError) {
            i += 1
            while let b = peek {
                if b == 0x22 { i += 1; return }
                if b == 0x5C { i += 2; continue }
                if b < 0x20 { throw error("control character inside a string") }
                i += 1
            }
            throw error("unterminated string")
        }
        mutating func skipValue(depth: Int) throws(ParseError) {
            guard depth < 64 else { throw error("nesting too deep") }
            guard let b = peek else { throw error("expected a value") }
            switch b {
            case 0x22: try skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close = b == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                i += 1
                skipSpace()
                if peek == close { i += 1; return }
                while true {
                    skipSpace()
                    if b == UInt8(ascii: "{") {
                        guard peek == 0x22 else { throw error("expected a key in double quotes") }
                        try skipString()
                        skipSpace()
                        guard peek == UInt8(ascii: ":") else { throw error("expected ':'") }
                        i += 1
                        skipSpace()
                    }
                    try skipValue(depth: depth + 1)
                    skipSpace()
                    if peek == UInt8(ascii: ",") { i += 1; continue }
                    if peek == close { i += 1; return }
                    throw error("expected ',' or '\(Character(Unicode.Scalar(close)))'")
                }
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            default:
                let start = i
                while let c = peek, (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+")
                    || c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") { i += 1 }
                if i == start { throw error("unexpected character '\(Character(Unicode.Scalar(b)))'") }
            }
        }
        mutating func literal(_ s: String) throws(ParseError) {
            for c in s.utf8 {
                guard peek == c else { throw error("expected \(s)") }
                i += 1
            }
        }
    }
}
