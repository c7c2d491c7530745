/// The `.rules` file format: data that defines patterns with their own examples.
///
/// ```
/// # comment
/// define START = (?<![\p{L}\p{M}\p{N}])        # a shared fragment, called as (?&START)
///
/// rule cue.qala                                # stable id: <set>.<name>
///   summary: the saying verb قال in all its forms
///   lemma: قال                                  # other keys are the set's attributes
///   pattern: (?&START) (?&PRO)? (?<cue> قال (?<fem>ت)? )
///            (?&END)                            # indented lines continue the pattern
///   match: ثم ⟦وقالت⟧ الوزيرة إن               # ⟦ ⟧ mark where the finding must land
///   nomatch: قالب
/// ```
///
/// Patterns are compiled with PCRE2's extended syntax (`x`): whitespace and `#` comments inside
/// a pattern are ignored, so a literal space is written `\s` or `[ ]`. Every pattern also sees
/// the language's fragments through a `(?(DEFINE)…)` block put before it.
public struct RuleFile: Sendable {
    public let path: String
    public var fragments: [Fragment] = []
    public var rules: [Rule] = []

    /// A position in a file, 1-based, for messages like a compiler's.
    public struct Location: Sendable, Equatable, CustomStringConvertible {
        public let path: String
        public let line: Int
        public let column: Int
        public var description: String { "\(path):\(line):\(column)" }
    }

    /// A pattern as written: its text (lines joined by newlines) and, for each line, where that
    /// line's text starts in the file, so a PCRE2 offset maps back to a line and column.
    public struct SourceText: Sendable {
        public var text: String = ""
        var lineStarts: [(offset: Int, location: Location)] = []

        mutating func append(_ piece: Substring, at location: Location) {
            if !lineStarts.isEmpty { text += "\n" }
            lineStarts.append((text.utf8.count, location))
            text += piece
        }

        /// The file location of a byte offset into `text`.
        public func location(ofByte offset: Int) -> Location {
            var chosen = lineStarts[0]
            for entry in lineStarts where entry.offset <= offset { chosen = entry }
            let utf8 = Array(text.utf8)
            let end = min(max(offset, chosen.offset), utf8.count)
            let column = String(decoding: utf8[chosen.offset..<end], as: UTF8.self).unicodeScalars.count
            return Location(path: chosen.location.path, line: chosen.location.line,
                            column: chosen.location.column + column)
        }
    }

    public struct Fragment: Sendable {
        public let name: String
        public var source: SourceText
        public let location: Location
    }

    public struct Example: Sendable {
        /// The example text with the ⟦ ⟧ marks removed.
        public let text: String
        /// Expected spans, in Unicode scalars into `text`.
        public let spans: [Range<Int>]
        public let location: Location
    }

    public struct Rule: Sendable {
        public let id: String
        public let location: Location
        public var summary: String = ""
        public var source = SourceText()
        public var attributes: [String: String] = [:]
        public var matches: [Example] = []
        public var nomatches: [Example] = []
        /// The set a rule belongs to: the part of its id before the first dot.
        public var set: String { String(id.split(separator: ".", maxSplits: 1).first ?? "") }
    }
}

/// A problem in a pattern file, printed like a compiler diagnostic.
public struct PatternError: Error, Sendable, CustomStringConvertible, Equatable {
    public let location: RuleFile.Location
    public let message: String
    public init(_ location: RuleFile.Location, _ message: String) {
        self.location = location
        self.message = message
    }
    public var description: String { "\(location): error: \(message)" }
}

extension RuleFile {
    static let openMark: Character = "⟦"
    static let closeMark: Character = "⟧"
    static let ruleKeys: Set<String> = ["summary", "pattern", "match", "nomatch"]

    /// Parses a rule file. Attribute keys beyond summary/pattern/match/nomatch are kept for the
    /// rule's set to check.
    public static func parse(_ contents: String, path: String) throws(PatternError) -> RuleFile {
        var file = RuleFile(path: path)
        var current: Rule?
        var fragment: Fragment?
        // After `pattern:` or a define, lines indented deeper than that line continue it.
        var continuing = false
        var keyIndent = 0

        func finish() throws(PatternError) {
            if let r = current {
                if r.source.text.isEmpty { throw PatternError(r.location, "rule '\(r.id)' has no pattern") }
                if r.summary.isEmpty { throw PatternError(r.location, "rule '\(r.id)' has no summary") }
                if r.matches.isEmpty { throw PatternError(r.location, "rule '\(r.id)' has no match example") }
                file.rules.append(r)
            }
            if let f = fragment { file.fragments.append(f) }
            current = nil
            fragment = nil
        }

        let lines = contents.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, rawLine) in lines.enumerated() {
            let lineNo = i + 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            let body = line.dropFirst(indent.count)
            func loc(_ s: Substring) -> Location {
                Location(path: path, line: lineNo, column: line[..<s.startIndex].unicodeScalars.count + 1)
            }
            if body.isEmpty || body.hasPrefix("#") {
                continue
            }
            if continuing && indent.count > keyIndent {
                // Continuation of a pattern or a fragment.
                if fragment != nil { fragment!.source.append(body, at: loc(body)) }
                else { current!.source.append(body, at: loc(body)) }
                continue
            }
            continuing = false
            if indent.isEmpty {
                if body.hasPrefix("define ") {
                    try finish()
                    let rest = body.dropFirst("define ".count)
                    guard let eq = rest.firstIndex(of: "=") else {
                        throw PatternError(loc(rest), "expected 'define NAME = pattern'")
                    }
                    let name = rest[..<eq].trimmingSpaces
                    guard isIdentifier(name) else {
                        throw PatternError(loc(rest), "fragment name '\(name)' must be letters, digits and _")
                    }
                    let pattern = rest[rest.index(after: eq)...].drop { $0 == " " }
                    var f = Fragment(name: String(name), source: SourceText(), location: loc(body))
                    f.source.append(pattern, at: loc(pattern))
                    fragment = f
                    continuing = true
                    keyIndent = 0
                } else if body.hasPrefix("rule ") {
                    try finish()
                    let id = body.dropFirst("rule ".count).trimmingSpaces
                    guard isRuleID(id) else {
                        throw PatternError(loc(body.dropFirst(5)), "rule id '\(id)' must look like set.name (lowercase letters, digits, '-' and '.')")
                    }
                    if file.rules.contains(where: { $0.id == id }) {
                        throw PatternError(loc(body), "duplicate rule id '\(id)'")
                    }
                    current = Rule(id: String(id), location: loc(body))
                } else {
                    throw PatternError(loc(body), "expected 'rule ID', 'define NAME = …' or a comment")
                }
                continue
            }
            // An indented `key: value` line inside a rule.
            guard current != nil else {
                throw PatternError(loc(body), "indented line outside a rule")
            }
            guard let colon = body.firstIndex(of: ":") else {
                throw PatternError(loc(body), "expected 'key: value'")
            }
            let key = body[..<colon].trimmingSpaces
            let value = body[body.index(after: colon)...].drop { $0 == " " }
            switch key {
            case "summary":
                current!.summary = String(value.trimmingSpaces)
            case "pattern":
                guard current!.source.text.isEmpty else { throw PatternError(loc(body), "second pattern in rule '\(current!.id)'") }
                current!.source.append(value, at: loc(value))
                continuing = true
                keyIndent = indent.count
            case "match", "nomatch":
                let example = try parseExample(value, location: loc(value))
                if key == "match" {
                    if example.spans.isEmpty { throw PatternError(loc(value), "a match example marks its span with ⟦ ⟧") }
                    current!.matches.append(example)
                } else {
                    if !example.spans.isEmpty { throw PatternError(loc(value), "a nomatch example has no ⟦ ⟧ span") }
                    current!.nomatches.append(example)
                }
            default:
                guard isIdentifier(key) else { throw PatternError(loc(body), "bad key '\(key)'") }
                if current!.attributes[String(key)] != nil { throw PatternError(loc(body), "duplicate key '\(key)'") }
                current!.attributes[String(key)] = String(value.trimmingSpaces)
            }
        }
        try finish()
        return file
    }

    static func parseExample(_ value: Substring, location: Location) throws(PatternError) -> Example {
        var text = String.UnicodeScalarView()
        var spans: [Range<Int>] = []
        var open: Int?
        var column = location.column
        for ch in value.unicodeScalars {
            if Character(ch) == openMark {
                if open != nil { throw PatternError(Location(path: location.path, line: location.line, column: column), "nested ⟦") }
                open = text.count
            } else if Character(ch) == closeMark {
                guard let start = open else { throw PatternError(Location(path: location.path, line: location.line, column: column), "⟧ without ⟦") }
                spans.append(start..<text.count)
                open = nil
            } else {
                text.append(ch)
            }
            column += 1
        }
        if open != nil { throw PatternError(location, "⟦ is never closed") }
        let s = String(text)
        // Examples are trimmed of trailing spaces (a trailing comment is not allowed here: `#` is text).
        return Example(text: s, spans: spans, location: location)
    }

    static func isIdentifier(_ s: Substring) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { ($0.properties.isASCIIHexDigit || ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_") }
    }

    static func isRuleID(_ s: Substring) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { p in
            !p.isEmpty && p.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}
