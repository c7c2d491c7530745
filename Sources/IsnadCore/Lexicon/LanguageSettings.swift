/// `patterns/<lang>/language.txt`: the few morphological facts the resolver needs, as data.
///
/// Format: `key: value value …` per line, `#` comments. Values are folded like the text.
public struct LanguageSettings: Sendable {
    public private(set) var values: [String: [String]] = [:]

    public static let knownKeys: Set<String> = [
        "proclitics", "articles", "article-after-l", "feminine-suffixes", "plural-suffixes", "dual-suffixes",
        "relatives", "fronting", "restating-objects", "clause-openers", "speech-nouns", "non-name-endings", "first-person-endings", "subordinators", "embedding-links", "clause-links", "chain-prepositions", "article-particles", "lineage-particles", "prepositions", "other-markers", "contrast-heads", "adverbial-heads", "object-pronouns", "auxiliaries", "perfect-particles",
    ]

    public init(values: [String: [String]] = [:]) { self.values = values }

    public subscript(key: String) -> [String] { values[key] ?? [] }

    public static func parse(_ contents: String, path: String) throws(PatternError) -> LanguageSettings {
        var s = LanguageSettings()
        for (i, raw) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let body = line.trimmingSpaces
            if body.isEmpty || body.hasPrefix("#") { continue }
            guard let colon = body.firstIndex(of: ":") else {
                throw PatternError(.init(path: path, line: i + 1, column: 1), "expected 'key: values'")
            }
            let key = String(body[..<colon].trimmingSpaces)
            guard knownKeys.contains(key) else {
                throw PatternError(.init(path: path, line: i + 1, column: 1),
                                   "unknown key '\(key)' (known: \(knownKeys.sorted().joined(separator: ", ")))")
            }
            s.values[key] = body[body.index(after: colon)...].split(separator: " ").map { ArabicFolding.fold($0) }
        }
        return s
    }
}
