import CPCRE2

/// UTF-8 bytes known to be valid, so that matching can skip PCRE2's per-call UTF check.
///
/// PCRE2 re-validates the subject from the start offset on every `pcre2_match` call unless told
/// not to; looping over a large buffer that way is quadratic (PCRE2-NOTES, trap 1). Validation
/// happens once, here, and every match passes `PCRE2_NO_UTF_CHECK`.
public struct UTF8Text: Sendable {
    public let bytes: [UInt8]

    /// Bytes taken from a Swift `String`, which is always valid UTF-8.
    public init(_ string: String) {
        self.bytes = Array(string.utf8)
    }

    /// Bytes from outside (a file, a pipe); throws `.invalidUTF8` with the offset of the first
    /// bad byte.
    public init(validating bytes: [UInt8]) throws(PCRE2Error) {
        if let error = UTF8Text.firstError(in: bytes) { throw error }
        self.bytes = bytes
    }

    /// Bytes the caller has itself produced from Unicode scalars.
    public init(unchecked bytes: [UInt8]) {
        self.bytes = bytes
    }

    public var count: Int { bytes.count }

    /// The first UTF-8 error in `bytes`, found by PCRE2's own validator, or nil if the bytes are
    /// valid. The offset of the bad byte comes from `pcre2_get_startchar` (PCRE2-NOTES, trap 8).
    public static func firstError(in bytes: [UInt8]) -> PCRE2Error? {
        // Plain ASCII needs no check, and most of a document's bytes are validated by a fast
        // scan in Swift before PCRE2 is asked where exactly the fault is.
        if bytes.allSatisfy({ $0 < 0x80 }) { return nil }
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        let probe = Regex.utf8Probe
        return bytes.withUnsafeBufferPointer { buf -> PCRE2Error? in
            guard let md = pcre2_match_data_create_8(1, nil) else { return nil }
            defer { pcre2_match_data_free_8(md) }
            let rc = pcre2_match_8(probe.code, buf.baseAddress ?? UnsafePointer(bitPattern: 1)!,
                                   buf.count, 0, 0, md, nil)
            guard rc <= PCRE2_ERROR_UTF8_ERR1, rc >= PCRE2_ERROR_UTF8_ERR21 else { return nil }
            return PCRE2Error.fromMatch(code: rc, offset: Int(pcre2_get_startchar_8(md)))
        }
    }
}
