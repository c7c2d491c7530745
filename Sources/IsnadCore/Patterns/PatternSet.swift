import PCRE2

/// One compiled rule: its definition and its regex (with the language's fragments).
public struct CompiledRule: Sendable {
    public let rule: RuleFile.Rule
    public let regex: Regex
    /// The pattern as compiled: letters folded like the text (see `Prelude.fold`).
    public let pattern: String
    /// The group an example's ⟦ ⟧ span and a finding refer to: `cue` when the pattern has one,
    /// otherwise the whole match.
    public var reportGroup: String? { regex.groupNumbers["cue"] != nil ? "cue" : nil }
    public var id: String { rule.id }
    public subscript(attribute: String) -> String? { rule.attributes[attribute] }
}

/// A set of rules scanned together: one alternation with a `(*MARK:i)` per rule, so a text is
/// scanned once per set whatever the number of rules, and the mark says which rule matched.
/// Earlier rules win at the same start position (files in name order, rules in file order).
public struct RuleSet: Sendable {
    public let name: String
    public let rules: [CompiledRule]
    public let combined: Regex
    /// The combined pattern's source, e.g. for `pcre2grep` in the benchmark.
    public let combinedSource: String

    /// A finding of one rule of the set: which rule, and the match.
    public struct Hit: Sendable {
        public let rule: CompiledRule
        public let match: Match
        /// Byte range of the report group (or the whole match).
        public var range: Range<Int> { rule.reportGroup.flatMap { match[$0] } ?? match.range }
    }

    /// All non-overlapping hits in `range` of `text`, left to right.
    public func hits(in text: UTF8Text, range: Range<Int>? = nil, scratch: MatchScratch,
                     limits: Regex.Limits = .default) throws(PCRE2Error) -> [Hit] {
        var out: [Hit] = []
        try combined.scan(text, range: range, limits: limits, scratch: scratch) { m in
            if let mark = m.mark, let i = Int(mark), i < rules.count {
                out.append(Hit(rule: rules[i], match: m))
            }
            return true
        }
        return out
    }

    /// The hit that starts exactly at `position` (anchored), if any.
    public func hit(at position: Int, in text: UTF8Text, scratch: MatchScratch) throws(PCRE2Error) -> Hit? {
        var found: Hit?
        try anchored.scan(text, range: position..<text.count, scratch: scratch) { m in
            if let mark = m.mark, let i = Int(mark), i < rules.count { found = Hit(rule: rules[i], match: m) }
            return false
        }
        return found
    }

    let anchored: Regex
}

/// The pattern sets of one language: every `*.rules` file in `patterns/<lang>/`, compiled.
public struct PatternSet: Sendable {
    public let language: String
    public let directory: String
    public let files: [RuleFile]
    public let sets: [String: RuleSet]

    public subscript(set: String) -> RuleSet? { sets[set] }

    /// Sets the pipeline needs; a language directory without them is an error at load time.
    public static let requiredSets = ["cue", "comp"]
    /// Attributes each set's rules must carry (beyond summary, pattern, examples).
    public static let requiredAttributes: [String: [String]] = [
        "cue": ["lemma", "role"],
    ]
    public static let allowedAttributes: [String: Set<String>] = [
        "cue": ["lemma", "role", "family", "governs", "relay", "relayed", "confidence", "nominal"],
        "comp": ["after"],
        "trail": [],
        "veto": [],
        "head": [],
        "lead": ["extends"],
    ]

    /// Loads and compiles `directory`'s `*.rules` files. Errors read `file:line:col: error: …`.
    public init(directory: String, language: String? = nil) throws(PatternError) {
        let files = FileSystem.listFiles(in: directory, suffix: ".rules")
        guard !files.isEmpty else {
            throw PatternError(.init(path: directory, line: 0, column: 0),
                               "no *.rules files in \(directory) (use --patterns to point at a pattern directory)")
        }
        var parsed: [RuleFile] = []
        for path in files {
            let contents: String
            do { contents = try FileSystem.readUTF8(path) } catch {
                throw PatternError(.init(path: path, line: 0, column: 0), "\(error)")
            }
            parsed.append(try RuleFile.parse(contents, path: path))
        }
        try self.init(files: parsed, directory: directory,
                      language: language ?? String(directory.split(separator: "/").last ?? "ar"))
    }

    public init(files: [RuleFile], directory: String = "", language: String = "ar") throws(PatternError) {
        self.language = language
        self.directory = directory
        self.files = files
        let fragments = files.flatMap(\.fragments)
        var seen: [String: RuleFile.Location] = [:]
        for f in fragments {
            if let other = seen[f.name] {
                throw PatternError(f.location, "fragment '\(f.name)' is already defined at \(other)")
            }
            seen[f.name] = f.location
        }
        let prelude = try Prelude(fragments: fragments)
        var bySet: [String: [CompiledRule]] = [:]
        var ids: [String: RuleFile.Location] = [:]
        for file in files {
            for rule in file.rules {
                if let other = ids[rule.id] { throw PatternError(rule.location, "rule id '\(rule.id)' is already used at \(other)") }
                ids[rule.id] = rule.location
                guard let allowed = PatternSet.allowedAttributes[rule.set] else {
                    throw PatternError(rule.location, "unknown set '\(rule.set)' (known: \(PatternSet.allowedAttributes.keys.sorted().joined(separator: ", ")))")
                }
                for key in rule.attributes.keys.sorted() where !allowed.contains(key) {
                    throw PatternError(rule.location, "rule '\(rule.id)': unknown key '\(key)' for set '\(rule.set)'")
                }
                for key in PatternSet.requiredAttributes[rule.set] ?? [] where rule.attributes[key] == nil {
                    throw PatternError(rule.location, "rule '\(rule.id)' needs '\(key):'")
                }
                if rule.set == "cue", let role = rule.attributes["role"], CueRole(rawValue: role) == nil {
                    throw PatternError(rule.location, "rule '\(rule.id)': role '\(role)' is not one of \(CueRole.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let (regex, pattern) = try prelude.compile(rule.source)
                bySet[rule.set, default: []].append(CompiledRule(rule: rule, regex: regex, pattern: pattern))
            }
        }
        for name in PatternSet.requiredSets where bySet[name] == nil {
            throw PatternError(.init(path: directory, line: 0, column: 0), "the pattern set has no '\(name).*' rules")
        }
        var sets: [String: RuleSet] = [:]
        for (name, rules) in bySet {
            let body = rules.enumerated().map { i, r in "(*MARK:\(i))(?:" + r.pattern + "\n)" }.joined(separator: "\n|")
            let source = prelude.text + "(?:" + body + "\n)"
            let location = rules[0].rule.location
            do {
                let combined = try Regex(source, options: [.extended, .dupNames])
                let anchored = try Regex("\\G" + source, options: [.extended, .dupNames])
                sets[name] = RuleSet(name: name, rules: rules, combined: combined, combinedSource: source, anchored: anchored)
            } catch {
                throw PatternError(location, "set '\(name)' does not compile as one alternation: \(error.message) (PCRE2 \(error.code))")
            }
        }
        self.sets = sets
    }

    /// Every compiled rule, in file order.
    public var allRules: [CompiledRule] {
        sets.values.flatMap(\.rules).sorted { ($0.rule.location.path, $0.rule.location.line) < ($1.rule.location.path, $1.rule.location.line) }
    }
}

/// The `(?(DEFINE)…)` block of a language's fragments, put before every rule's pattern.
struct Prelude {
    let text: String
    /// Where each fragment's text starts in `text`, to map a compile error back to its file.
    let pieces: [(offset: Int, source: RuleFile.SourceText)]

    init(fragments: [RuleFile.Fragment]) throws(PatternError) {
        var text = "(?(DEFINE)"
        var pieces: [(Int, RuleFile.SourceText)] = []
        for f in fragments {
            let folded = try Prelude.fold(f.source)
            text += "(?<\(f.name)>"
            pieces.append((text.utf8.count, folded))
            text += folded.text + "\n)"
        }
        text += ")"
        self.text = fragments.isEmpty ? "" : text
        self.pieces = pieces
        // Each fragment alone first: an unclosed bracket would otherwise swallow the fragments
        // after it and be reported at the end of the block, in the wrong place. References to
        // other fragments cannot resolve alone (PCRE2 115) and are checked with the block.
        for (_, source) in pieces {
            do { _ = try Regex("(?:" + source.text + "\n)", options: [.extended, .dupNames], jit: false) } catch {
                if error.code == 115 { continue }
                let offset = max(0, (error.offset ?? 0) - 3)
                throw PatternError(source.location(ofByte: min(offset, source.text.utf8.count)), "\(error.message) (PCRE2 \(error.code))")
            }
        }
        if !fragments.isEmpty {
            do { _ = try Regex(self.text, options: [.extended, .dupNames], jit: false) } catch {
                throw PatternError(location(ofByte: error.offset ?? 0, rule: nil), "\(error.message) (PCRE2 \(error.code))")
            }
        }
    }

    func compile(_ source: RuleFile.SourceText) throws(PatternError) -> (Regex, String) {
        let folded = try Prelude.fold(source)
        let start = text.utf8.count
        do {
            return (try Regex(text + folded.text, options: [.extended, .dupNames]), folded.text)
        } catch {
            throw PatternError(location(ofByte: error.offset ?? 0, rule: (start, folded)), "\(error.message) (PCRE2 \(error.code))")
        }
    }

    func location(ofByte offset: Int, rule: (start: Int, source: RuleFile.SourceText)?) -> RuleFile.Location {
        if let rule, offset >= rule.start { return rule.source.location(ofByte: offset - rule.start) }
        var chosen = pieces.first!
        for p in pieces where p.offset <= offset { chosen = p }
        return chosen.source.location(ofByte: max(0, offset - chosen.offset))
    }

    /// Patterns are matched against folded text (see `ArabicFolding`), so their letters are
    /// folded the same way. Every letter fold keeps the UTF-8 length, so offsets (and error
    /// columns) are unchanged; a character that folding would drop (a diacritic, tatweel) could
    /// never match and is an error.
    static func fold(_ source: RuleFile.SourceText) throws(PatternError) -> RuleFile.SourceText {
        var out = source
        var text = String.UnicodeScalarView()
        var byte = 0
        for u in source.text.unicodeScalars {
            guard let f = ArabicFolding.fold(u.value), let scalar = Unicode.Scalar(f) else {
                throw PatternError(source.location(ofByte: byte),
                                   "U+\(String(u.value, radix: 16, uppercase: true)) is removed from text before matching (diacritics, tatweel), so a pattern cannot match it; leave it out")
            }
            text.append(scalar)
            byte += String(u).utf8.count
        }
        out.text = String(text)
        return out
    }
}
