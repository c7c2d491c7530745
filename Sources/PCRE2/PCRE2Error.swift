import CPCRE2

/// An error reported by PCRE2, with the library's own message.
///
/// `offset` is a byte offset: into the pattern for compile errors, into the subject for UTF-8
/// errors. Callers that know where the pattern or subject came from turn it into a line and column.
public struct PCRE2Error: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// The pattern does not compile.
        case compile
        /// The subject is not valid UTF-8.
        case invalidUTF8
        /// The match limit was hit: too much backtracking for one start position.
        case matchLimit
        /// The depth limit was hit (interpreter only).
        case depthLimit
        /// The heap limit was hit (interpreter only).
        case heapLimit
        /// The JIT stack was too small even after falling back to the interpreter.
        case jitStackLimit
        /// Any other run-time error.
        case match
    }

    public let kind: Kind
    /// PCRE2's error code (negative for match-time errors, positive for compile errors).
    public let code: Int32
    /// Byte offset into the pattern (compile errors) or the subject (UTF-8 errors).
    public let offset: Int?
    /// `pcre2_get_error_message` for `code`.
    public let message: String

    init(kind: Kind, code: Int32, offset: Int? = nil) {
        self.kind = kind
        self.code = code
        self.offset = offset
        self.message = PCRE2Error.message(for: code)
    }

    /// Classifies a negative return code of `pcre2_match`.
    static func fromMatch(code: Int32, offset: Int? = nil) -> PCRE2Error {
        let kind: Kind
        switch code {
        case PCRE2_ERROR_MATCHLIMIT: kind = .matchLimit
        case PCRE2_ERROR_DEPTHLIMIT: kind = .depthLimit
        case PCRE2_ERROR_HEAPLIMIT: kind = .heapLimit
        case PCRE2_ERROR_JIT_STACKLIMIT: kind = .jitStackLimit
        case PCRE2_ERROR_UTF8_ERR21...PCRE2_ERROR_UTF8_ERR1: kind = .invalidUTF8
        default: kind = .match
        }
        return PCRE2Error(kind: kind, code: code, offset: offset)
    }

    public static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBufferPointer { pcre2_get_error_message_8(code, $0.baseAddress, $0.count) }
        guard n > 0 else { return "unknown PCRE2 error \(code)" }
        return String(decoding: buffer[0..<Int(n)], as: UTF8.self)
    }

    public var description: String {
        var s = "\(message) (PCRE2 \(code))"
        if let offset { s += " at byte \(offset)" }
        return s
    }
}
