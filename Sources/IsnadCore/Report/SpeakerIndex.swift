/// Speakers across the documents of a batch: one entry per person, organisation or unnamed
/// source, however each article names it (`بوتين`, `فلاديمير بوتين`, `الرئيس الروسي فلاديمير
/// بوتين` are one speaker in a report).
///
/// A speaker's *base key* comes from one attribution alone:
/// 1. `entity:<id>` when the resolver gave a gazetteer id, or the gazetteer knows the name (its
///    canonical name or any variant, compared after folding);
/// 2. otherwise `<type>:<Gazetteer.key(name)>`, so organisations, unnamed sources and persons
///    never merge with each other;
/// 3. nil for an unresolved speaker (no name): such attributions have no entry.
///
/// Then, over the whole batch, a person key of one word (a surname alone, `person:الجبير`)
/// merges into the one person entry of the batch that has a name of several words ending in
/// that word (`عادل الجبير`), when exactly one such entry exists; with two candidates (or
/// none) it stays on its own, since guessing would join different people.
///
/// Everything is deterministic: the result depends on the multiset of speakers added, not on
/// their order or on hashing. An entry's displayed name is its most frequent *full* name (a
/// name of several words when the entry has one; ties: the longest, then the smallest in
/// Unicode scalar order).
public struct SpeakerIndex: Sendable {
    public struct Entry: Sendable, Hashable {
        /// Stable key: `entity:<id>` or `<type>:<folded name>`.
        public let key: String
        /// The name to show (see the type's comment).
        public let name: String
        public let type: SpeakerType
        /// Gazetteer id, when the speaker is a known entity.
        public let entity: String?
        /// Attributions of this speaker in the batch.
        public let claims: Int
        /// Every name the batch gives this speaker, with its number of attributions; most
        /// frequent first (ties in scalar order).
        public let names: [NameCount]
    }

    public struct NameCount: Sendable, Hashable {
        public let name: String
        public let count: Int
    }

    /// Entries ranked by claims (most first; ties by name, then key).
    public let entries: [Entry]
    private let entryOfBaseKey: [String: Int]
    private let gazetteer: Gazetteer

    /// Indexes every speaker of the sequence (one element per attribution).
    public init(gazetteer: Gazetteer, speakers: some Sequence<Speaker>) {
        var b = Builder(gazetteer: gazetteer)
        for s in speakers { b.add(s) }
        self = b.build()
    }

    fileprivate init(entries: [Entry], entryOfBaseKey: [String: Int], gazetteer: Gazetteer) {
        self.entries = entries
        self.entryOfBaseKey = entryOfBaseKey
        self.gazetteer = gazetteer
    }

    /// The position in `entries` of the speaker's entry; nil for an unresolved speaker or one
    /// the index was not built with.
    public func index(of speaker: Speaker) -> Int? {
        SpeakerIndex.baseKey(speaker, gazetteer: gazetteer).flatMap { entryOfBaseKey[$0.key] }
    }

    public func entry(for speaker: Speaker) -> Entry? {
        index(of: speaker).map { entries[$0] }
    }

    /// The key of one speaker before batch-wide merging, with the entity it was matched to.
    static func baseKey(_ s: Speaker, gazetteer: Gazetteer) -> (key: String, entity: Gazetteer.Entity?, entityID: String?)? {
        if let id = s.entity, !id.isEmpty {
            return ("entity:" + id, gazetteer.entities.first { $0.id == id }, id)
        }
        guard let name = s.name else { return nil }
        let folded = Gazetteer.key(name)
        guard !folded.isEmpty else { return nil }
        if s.type != .unnamed, let e = gazetteer.entity(forName: name) {
            return ("entity:" + e.id, e, e.id)
        }
        return (s.type.rawValue + ":" + folded, nil, nil)
    }

    /// Collects speakers one at a time (for instance while a batch runs), then builds the index.
    public struct Builder: Sendable {
        let gazetteer: Gazetteer
        /// Per base key: the names seen with their counts, the types seen, the entity.
        var groups: [String: Group] = [:]

        struct Group: Sendable {
            var names: [String: Int] = [:]
            var types: [SpeakerType: Int] = [:]
            var entity: Gazetteer.Entity?
            var entityID: String?
            var claims = 0
        }

        public init(gazetteer: Gazetteer) {
            self.gazetteer = gazetteer
        }

        public mutating func add(_ speaker: Speaker) {
            guard let (key, entity, entityID) = SpeakerIndex.baseKey(speaker, gazetteer: gazetteer) else { return }
            var g = groups[key] ?? Group()
            g.claims += 1
            g.entity = g.entity ?? entity
            g.entityID = g.entityID ?? entityID
            if let n = speaker.name, !Gazetteer.key(n).isEmpty { g.names[n, default: 0] += 1 }
            g.types[speaker.type, default: 0] += 1
            groups[key] = g
        }

        public func build() -> SpeakerIndex {
            // Base key → the key it is merged into (itself unless a surname alone).
            var target: [String: String] = [:]
            let keys = groups.keys.sorted()
            // Last word of every multi-word person name → the base keys having such a name.
            var byLastWord: [String: Set<String>] = [:]
            for k in keys where type(of: k) == .person {
                for n in groups[k]!.names.keys {
                    let words = Gazetteer.key(n).split(separator: " ")
                    if words.count > 1 { byLastWord[String(words.last!), default: []].insert(k) }
                }
            }
            for k in keys {
                target[k] = k
                guard k.hasPrefix("person:") else { continue }
                let folded = String(k.dropFirst("person:".count))
                guard !folded.contains(" "), let candidates = byLastWord[folded] else { continue }
                let others = candidates.subtracting([k])
                if others.count == 1 { target[k] = others.first! }
            }

            // Gather groups under their target keys.
            var merged: [String: Group] = [:]
            for k in keys {
                let g = groups[k]!
                var m = merged[target[k]!] ?? Group()
                m.claims += g.claims
                for (n, c) in g.names { m.names[n, default: 0] += c }
                for (t, c) in g.types { m.types[t, default: 0] += c }
                if target[k] == k {
                    m.entity = g.entity
                    m.entityID = g.entityID
                }
                merged[target[k]!] = m
            }

            var entries: [Entry] = merged.map { key, g in
                let names = g.names.map { NameCount(name: $0.key, count: $0.value) }.sorted {
                    $0.count != $1.count ? $0.count > $1.count : SpeakerIndex.scalarsLess($0.name, $1.name)
                }
                let name = names.isEmpty ? (g.entity?.name ?? g.entityID ?? key) : SpeakerIndex.displayName(names)
                return Entry(key: key, name: name, type: SpeakerIndex.entryType(key: key, g),
                             entity: g.entityID, claims: g.claims, names: names)
            }
            entries.sort {
                if $0.claims != $1.claims { return $0.claims > $1.claims }
                if $0.name != $1.name { return SpeakerIndex.scalarsLess($0.name, $1.name) }
                return SpeakerIndex.scalarsLess($0.key, $1.key)
            }
            var position: [String: Int] = [:]
            for (i, e) in entries.enumerated() { position[e.key] = i }
            var entryOfBaseKey: [String: Int] = [:]
            for k in keys { entryOfBaseKey[k] = position[target[k]!] }
            return SpeakerIndex(entries: entries, entryOfBaseKey: entryOfBaseKey, gazetteer: gazetteer)
        }

        private func type(of key: String) -> SpeakerType? {
            guard let colon = key.firstIndex(of: ":") else { return nil }
            let prefix = String(key[..<colon])
            guard prefix == "entity" else { return SpeakerType(rawValue: prefix) }
            return groups[key].map { $0.entity?.type ?? SpeakerIndex.majorityType($0.types) }
        }
    }

    /// The type of a merged entry: the gazetteer's for an entity, the key's otherwise.
    static func entryType(key: String, _ g: Builder.Group) -> SpeakerType {
        if let e = g.entity { return e.type }
        if key.hasPrefix("entity:") { return majorityType(g.types) }
        return SpeakerType(rawValue: String(key.prefix { $0 != ":" })) ?? .unknown
    }

    /// The most frequent type (ties in a fixed order), for entity ids the gazetteer lacks.
    static func majorityType(_ types: [SpeakerType: Int]) -> SpeakerType {
        var best = SpeakerType.unknown, bestCount = 0
        for t in [SpeakerType.person, .organization, .unnamed, .unknown] where (types[t] ?? 0) > bestCount {
            best = t
            bestCount = types[t] ?? 0
        }
        return best
    }

    /// Most frequent full name: among names of several words when there is one, the most
    /// frequent; ties: the longest (in Unicode scalars), then the smallest in scalar order.
    static func displayName(_ names: [NameCount]) -> String {
        let full = names.filter { Gazetteer.key($0.name).contains(" ") }
        let pool = full.isEmpty ? names : full
        let best = pool.min { a, b in
            if a.count != b.count { return a.count > b.count }
            let la = a.name.unicodeScalars.count, lb = b.name.unicodeScalars.count
            if la != lb { return la > lb }
            return scalarsLess(a.name, b.name)
        }
        return best?.name ?? ""
    }

    /// Ordering by Unicode scalar values: stable across platforms and Unicode versions (String's
    /// `<` compares canonical equivalence, which can tie different spellings).
    static func scalarsLess(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value }
    }
}
