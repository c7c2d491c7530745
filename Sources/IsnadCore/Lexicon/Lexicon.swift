/// A word list from `patterns/<lang>/lexicon/<name>.txt`.
///
/// Format: UTF-8, one entry per line; `#` starts a comment (a whole line, or after a space);
/// an entry may have several words; `entry | tag tag` attaches tags (e.g. `fem`). Entries are
/// folded like the text (see `ArabicFolding`), so they are written in normal spelling.
public struct Lexicon: Sendable {
    public let name: String
    /// Folded entry (words joined by one space) → tags.
    public private(set) var entries: [String: Set<String>] = [:]
    /// The same entries keyed by their UTF-8 bytes: hashing bytes is several times cheaper than
    /// hashing an Arabic `String` (which hashes its Unicode-normalised form), and lookups are
    /// the hot path of reading words.
    private var byBytes: [ByteString: Set<String>] = [:]
    /// The longest entry, in words, to bound multiword lookups.
    public private(set) var maxWords = 0
    /// First word of every multiword entry, to skip lookups that cannot match.
    private var firstWords: Set<ByteString> = []

    public init(name: String, entries: [(String, Set<String>)] = []) {
        self.name = name
        for (e, tags) in entries { add(e, tags: tags) }
    }

    public mutating func add(_ entry: String, tags: Set<String> = []) {
        let words = ArabicFolding.fold(entry).split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard !words.isEmpty else { return }
        let key = words.joined(separator: " ")
        entries[key, default: []].formUnion(tags)
        byBytes[ByteString(key), default: []].formUnion(tags)
        maxWords = max(maxWords, words.count)
        if words.count > 1 { firstWords.insert(ByteString(String(words[0]))) }
    }

    public func contains(_ folded: String) -> Bool { byBytes[ByteString(folded)] != nil }
    public func tags(_ folded: String) -> Set<String>? { byBytes[ByteString(folded)] }
    /// Whether some entry of several words starts with this word.
    public func startsEntry(_ folded: String) -> Bool { firstWords.contains(ByteString(folded)) }
    public var count: Int { entries.count }
    /// Entries tagged `name=value`, each with its value (`أحدهم | one-of=أحد`).
    public func tagValues(_ name: String) -> [String: String] {
        let prefix = name + "="
        var out: [String: String] = [:]
        for (key, tags) in entries {
            if let t = tags.first(where: { $0.hasPrefix(prefix) }) { out[key] = String(t.dropFirst(prefix.count)) }
        }
        return out
    }

    /// Parses a lexicon file; errors carry the file and line.
    public static func parse(_ contents: String, name: String, path: String) throws(PatternError) -> Lexicon {
        var lex = Lexicon(name: name)
        for (i, raw) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if let hash = line.firstIndex(of: "#"), hash == line.startIndex || line[line.index(before: hash)] == " " {
                line = line[..<hash]
            }
            let parts = line.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            guard let entry = parts.first?.trimmingSpaces, !entry.isEmpty else {
                if parts.count > 1 { throw PatternError(.init(path: path, line: i + 1, column: 1), "tags without an entry") }
                continue
            }
            let tags = parts.count > 1 ? Set(parts[1].split(separator: " ").map(String.init)) : []
            lex.add(String(entry), tags: tags)
        }
        return lex
    }
}

/// A string keyed by its UTF-8 bytes, hashed in one call.
struct ByteString: Hashable, Sendable {
    let bytes: [UInt8]
    init(_ s: String) {
        var s = s
        bytes = s.withUTF8 { Array($0) }
    }
    func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
    static func == (a: ByteString, b: ByteString) -> Bool { a.bytes == b.bytes }
}

/// Known speakers across documents: `patterns/<lang>/gazetteer.tsv`, one entity a line:
/// `id<TAB>canonical name<TAB>type<TAB>variant|variant|…`. Lines starting with `#` are comments.
public struct Gazetteer: Sendable {
    public struct Entity: Sendable, Equatable {
        public let id: String
        public let name: String
        public let type: SpeakerType
        public let variants: [String]
    }
    public private(set) var entities: [Entity] = []
    /// Folded name key (canonical or variant) → entity index.
    private var byKey: [String: Int] = [:]

    public init() {}

    public static func parse(_ contents: String, path: String) throws(PatternError) -> Gazetteer {
        var g = Gazetteer()
        for (i, raw) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.trimmingSpaces.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count >= 3, !cols[0].isEmpty, !cols[1].isEmpty else {
                throw PatternError(.init(path: path, line: i + 1, column: 1), "expected id<TAB>name<TAB>type[<TAB>variants]")
            }
            guard let type = SpeakerType(rawValue: String(cols[2])) else {
                throw PatternError(.init(path: path, line: i + 1, column: cols[0].count + cols[1].count + 3),
                                   "type '\(cols[2])' is not person, organization or unnamed")
            }
            let variants = cols.count > 3 ? cols[3].split(separator: "|").map { String($0.trimmingSpaces) } : []
            let id = String(cols[0])
            if g.entities.contains(where: { $0.id == id }) {
                throw PatternError(.init(path: path, line: i + 1, column: 1), "duplicate entity id '\(id)'")
            }
            let e = Entity(id: id, name: String(cols[1]), type: type, variants: variants)
            for key in [e.name] + variants {
                let k = Gazetteer.key(key)
                // The same entity may list two spellings that fold to one key; that is fine.
                if let other = g.byKey[k], other < g.entities.count {
                    throw PatternError(.init(path: path, line: i + 1, column: 1), "name '\(key)' already belongs to '\(g.entities[other].id)'")
                }
                g.byKey[k] = g.entities.count
            }
            g.entities.append(e)
        }
        return g
    }

    /// The normalised name key: folded, tokens joined by one space.
    public static func key(_ name: String) -> String {
        ArabicFolding.fold(name).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }

    public func entity(forName name: String) -> Entity? {
        byKey[Gazetteer.key(name)].map { entities[$0] }
    }

    /// Every name and variant of two words or more, as folded words, by first word: so that a
    /// known name is read whole in a text (`بان كي مون`, whose first word is also بأن).
    public var multiwordNames: [String: [[String]]] {
        var out: [String: [[String]]] = [:]
        for e in entities where e.type == .person {
            for n in [e.name] + e.variants {
                let words = Gazetteer.key(n).split(separator: " ").map(String.init)
                guard words.count >= 2 else { continue }
                out[words[0], default: []].append(words)
            }
        }
        for k in out.keys { out[k]!.sort { $0.count > $1.count } }
        return out
    }
}
