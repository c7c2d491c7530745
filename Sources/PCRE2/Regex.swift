import CPCRE2

/// A compiled PCRE2 pattern: UTF and UCP always on, JIT-compiled when the library supports it.
///
/// Ownership: the `pcre2_code` pointer is created in `init` and freed in `deinit`; nothing else
/// holds it. Sharing: after compilation (and JIT compilation) the code is only read, and PCRE2
/// documents compiled code as safe to use from several threads at once as long as each thread
/// has its own match data and JIT stack — which `MatchScratch` provides. Hence `@unchecked
/// Sendable`, the same reasoning as rust-pcre2's `Code`.
public final class Regex: @unchecked Sendable {
    public struct Options: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public static let caseless = Options(rawValue: PCRE2_CASELESS)
        public static let extended = Options(rawValue: PCRE2_EXTENDED)
        public static let multiline = Options(rawValue: PCRE2_MULTILINE)
        public static let dotAll = Options(rawValue: PCRE2_DOTALL)
        /// Allow several groups with the same name (`(?J)`).
        public static let dupNames = Options(rawValue: PCRE2_DUPNAMES)
    }

    /// Resource limits for one match attempt, so that a pathological pattern or input fails with
    /// `.matchLimit` instead of hanging. The match limit counts per start position (PCRE2-NOTES,
    /// trap 3); the JIT ignores the depth and heap limits, the interpreter fallback honours them.
    public struct Limits: Sendable, Equatable {
        public var match: UInt32
        public var depth: UInt32
        public var heapKiB: UInt32
        public init(match: UInt32 = 1_000_000, depth: UInt32 = 10_000, heapKiB: UInt32 = 20_000) {
            self.match = match
            self.depth = depth
            self.heapKiB = heapKiB
        }
        public static let `default` = Limits()
    }

    let code: OpaquePointer
    public let pattern: String
    public let options: Options
    /// True when the JIT compiled this pattern; matching then runs machine code.
    public let isJIT: Bool
    /// Number of capture groups (not counting group 0).
    public let captureCount: Int
    /// Group numbers for each name; several when the pattern allows duplicate names.
    public let groupNumbers: [String: [Int]]

    /// Compiles `pattern`. Errors carry PCRE2's message and the byte offset into the pattern.
    public init(_ pattern: String, options: Options = [], jit: Bool = true) throws(PCRE2Error) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        let flags = options.rawValue | PCRE2_UTF | PCRE2_UCP
        let compiled = pattern.utf8CString.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: buf.count) { ptr in
                pcre2_compile_8(ptr, buf.count - 1, flags, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            throw PCRE2Error(kind: .compile, code: errorCode, offset: errorOffset)
        }
        self.code = compiled
        self.pattern = pattern
        self.options = options
        self.isJIT = jit && pcre2_jit_compile_8(compiled, PCRE2_JIT_COMPLETE) == 0
        var captures: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &captures)
        self.captureCount = Int(captures)
        self.groupNumbers = Regex.readNameTable(compiled)
    }

    deinit { pcre2_code_free_8(code) }

    /// PCRE2's name table: entries of `entrySize` bytes, a big-endian group number in the first
    /// two bytes and the zero-terminated name after.
    private static func readNameTable(_ code: OpaquePointer) -> [String: [Int]] {
        var count: UInt32 = 0
        var entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>?
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &count)
        guard count > 0 else { return [:] }
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard let table else { return [:] }
        var names: [String: [Int]] = [:]
        for i in 0..<Int(count) {
            let entry = table + i * Int(entrySize)
            let number = Int(entry[0]) << 8 | Int(entry[1])
            let name = String(cString: entry + 2)
            names[name, default: []].append(number)
        }
        return names
    }

    /// Compiled once: an empty pattern whose only use is to run PCRE2's UTF-8 validator.
    static let utf8Probe: Regex = try! Regex("", jit: false)

    // MARK: Matching

    /// Calls `body` for each non-overlapping match in `text[range]`, left to right, and stops
    /// early when `body` returns false. Offsets are byte offsets into `text.bytes`.
    ///
    /// Lookbehinds may look before `range.lowerBound` (the whole buffer is the subject), so a
    /// sentence can be searched without losing the word boundary at its start.
    public func forEachMatch(
        in text: UTF8Text, range: Range<Int>? = nil, limits: Limits = .default,
        scratch: MatchScratch, _ body: (Match) throws -> Bool
    ) throws {
        var bodyError: (any Error)?
        try scan(text, range: range, limits: limits, scratch: scratch) { match in
            do { return try body(match) } catch { bodyError = error; return false }
        }
        if let bodyError { throw bodyError }
    }

    /// The matching loop; PCRE2 errors are its only errors.
    public func scan(
        _ text: UTF8Text, range: Range<Int>? = nil, limits: Limits = .default,
        scratch: MatchScratch, _ body: (Match) -> Bool
    ) throws(PCRE2Error) {
        let range = range ?? 0..<text.count
        precondition(range.lowerBound >= 0 && range.upperBound <= text.count, "range outside the text")
        let result: PCRE2Error? = text.bytes.withUnsafeBufferPointer { buf in
            // PCRE2 wants a non-null pointer even for an empty subject.
            let base = buf.baseAddress ?? UnsafePointer(bitPattern: 1)!
            let md = scratch.matchData(for: self)
            scratch.apply(limits)
            var start = range.lowerBound
            var retryNonEmpty = false
            while start <= range.upperBound {
                var opts = PCRE2_NO_UTF_CHECK
                if retryNonEmpty { opts |= PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED }
                var rc = pcre2_match_8(code, base, range.upperBound, start, opts, md, scratch.context)
                if rc == PCRE2_ERROR_JIT_STACKLIMIT && isJIT {
                    // PCRE2-NOTES, trap 4: fall back to the interpreter, bounded by the limits.
                    rc = pcre2_match_8(code, base, range.upperBound, start, opts | PCRE2_NO_JIT, md, scratch.context)
                }
                if rc == PCRE2_ERROR_NOMATCH {
                    guard retryNonEmpty else { return nil }
                    // The empty match could not be extended: step one character (not one byte).
                    retryNonEmpty = false
                    start += 1
                    while start < range.upperBound && (buf[start] & 0xC0) == 0x80 { start += 1 }
                    continue
                }
                if rc < 0 { return PCRE2Error.fromMatch(code: rc, offset: start) }
                let ovector = pcre2_get_ovector_pointer_8(md)!
                let pairs = Int(pcre2_get_ovector_count_8(md))
                let match = Match(regex: self, ovector: ovector, pairs: min(pairs, captureCount + 1),
                                  mark: pcre2_get_mark_8(md))
                guard body(match) else { return nil }
                let whole = match.range
                start = whole.upperBound
                retryNonEmpty = whole.isEmpty
            }
            return nil
        }
        if let result { throw result }
    }

    /// All matches in a string, for tests, examples and small inputs.
    public func matches(in string: String, limits: Limits = .default) throws(PCRE2Error) -> [Match] {
        var out: [Match] = []
        try scan(UTF8Text(string), limits: limits, scratch: MatchScratch()) { out.append($0); return true }
        return out
    }

    /// The first match in a string, or nil.
    public func firstMatch(in string: String, limits: Limits = .default) throws(PCRE2Error) -> Match? {
        var out: Match?
        try scan(UTF8Text(string), limits: limits, scratch: MatchScratch()) { out = $0; return false }
        return out
    }
}

/// One match: byte ranges of the whole match and of each group, and the `(*MARK:…)` name of the
/// path that matched. A value: it copies the few offsets it needs out of PCRE2's match data.
public struct Match: Sendable {
    /// Byte range of group `i` (0 is the whole match); nil when the group did not take part.
    public let groups: [Range<Int>?]
    /// The last `(*MARK:NAME)` passed on the matching path, if any.
    public let mark: String?
    private let names: [String: [Int]]

    init(regex: Regex, ovector: UnsafeMutablePointer<Int>, pairs: Int, mark: UnsafePointer<UInt8>?) {
        // PCRE2_UNSET is ~0 as size_t, which Swift reads as -1.
        var groups: [Range<Int>?] = []
        groups.reserveCapacity(pairs)
        for i in 0..<pairs {
            let s = ovector[2 * i], e = ovector[2 * i + 1]
            groups.append(s < 0 || e < s ? nil : s..<e)
        }
        self.groups = groups
        self.names = regex.groupNumbers
        self.mark = mark.map { String(cString: $0) }
    }

    /// Byte range of the whole match.
    public var range: Range<Int> { groups[0]! }

    /// Byte range of the named group; with duplicate names, the first one that took part.
    public subscript(name: String) -> Range<Int>? {
        guard let numbers = names[name] else { return nil }
        for n in numbers where n < groups.count {
            if let r = groups[n] { return r }
        }
        return nil
    }

    /// Names of the groups that took part in this match, sorted.
    public var participatingNames: [String] {
        names.keys.filter { self[$0] != nil }.sorted()
    }
}

/// Per-thread matching state: match data, a match context carrying the limits, and a JIT stack.
/// Create one per thread (or per task) and reuse it across documents; it is not `Sendable`.
public final class MatchScratch {
    /// Largest JIT stack: 8 MiB handled `(a|b)*c` over 200 KB here (PCRE2-NOTES, trap 4).
    public static let maxJITStack = 8 * 1024 * 1024

    private var data: OpaquePointer?
    private var dataPairs = 0
    let context: OpaquePointer
    private let jitStack: OpaquePointer?
    private var limits: Regex.Limits?

    public init() {
        context = pcre2_match_context_create_8(nil)!
        jitStack = pcre2_jit_stack_create_8(32 * 1024, MatchScratch.maxJITStack, nil)
        if let jitStack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack)) }
    }

    deinit {
        if let data { pcre2_match_data_free_8(data) }
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
        pcre2_match_context_free_8(context)
    }

    func matchData(for regex: Regex) -> OpaquePointer {
        let pairs = regex.captureCount + 1
        if let data, dataPairs >= pairs { return data }
        if let data { pcre2_match_data_free_8(data) }
        let fresh = pcre2_match_data_create_8(UInt32(max(pairs, 16)), nil)!
        data = fresh
        dataPairs = max(pairs, 16)
        return fresh
    }

    func apply(_ limits: Regex.Limits) {
        guard limits != self.limits else { return }
        pcre2_set_match_limit_8(context, limits.match)
        pcre2_set_depth_limit_8(context, limits.depth)
        pcre2_set_heap_limit_8(context, limits.heapKiB)
        self.limits = limits
    }
}
