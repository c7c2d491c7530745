/// The speakers a document mentions, so that every mention of one entity resolves to the
/// fullest name the document gives it (ANNOTATION.md, "Speaker"): a surname alone, a title tied
/// to a name by apposition, or a later fuller mention all lead to one entity.
struct DocumentEntities {
    struct TitleBinding {
        /// Stems of the title's words (`رييس روسي`).
        let key: [String]
        /// Stem of the title's head word (`رييس`).
        let head: String
        /// Token where the binding was seen.
        let at: Int
    }

    struct Entity {
        var type: SpeakerType
        /// Stems of each name form seen (person), or of the phrase (organisation, unnamed).
        var names: [[String]] = []
        /// Token range of the fullest name or phrase seen, and its original text.
        var best: Range<Int>
        var bestText: String
        var bestCount = 0
        var titles: [TitleBinding] = []
        var feminine: Bool?
        var plural = false
        /// Whether it has already spoken in this document (preferred when a title is ambiguous).
        var hasSpoken = false
        /// Other names (titles, spokespeople) for readers.
        var aliases: [String] = []
    }

    private(set) var entities: [Entity] = []

    subscript(i: Int) -> Entity {
        get { entities[i] }
        set { entities[i] = newValue }
    }

    /// Person names match when one's stems contain the other's and the shared part includes a
    /// surname-like word (not only a given name): `بوتين` ⊂ `فلاديمير بوتين`.
    static func sameName(_ a: [String], _ b: [String], givenNames: Set<String>) -> Bool {
        if a == b { return true }
        let (small, big) = a.count <= b.count ? (a, b) : (b, a)
        let bigSet = Set(big)
        guard Set(small).isSubset(of: bigSet) else { return false }
        return small.contains { !givenNames.contains($0) }
    }

    /// The entity for a person's name, created if new; a longer form becomes its best name.
    mutating func person(named stems: [String], tokens: Range<Int>, text: String, givenNames: Set<String>) -> Int {
        if let i = entities.firstIndex(where: { $0.type == .person && !$0.plural && $0.names.contains { DocumentEntities.sameName($0, stems, givenNames: givenNames) } }) {
            if !entities[i].names.contains(stems) { entities[i].names.append(stems) }
            // The fullest form wins; between equal ones, the one written in more words
            // (`عبد العزيز` over `عبدالعزيز`).
            if stems.count > entities[i].bestCount || (stems.count == entities[i].bestCount && tokens.count > entities[i].best.count) {
                entities[i].best = tokens
                entities[i].bestText = text
                entities[i].bestCount = stems.count
            }
            return i
        }
        entities.append(Entity(type: .person, names: [stems], best: tokens, bestText: text, bestCount: stems.count))
        return entities.count - 1
    }

    /// The entity for an organisation or unnamed source, by its phrase.
    mutating func group(_ type: SpeakerType, stems: [String], tokens: Range<Int>, text: String) -> Int {
        if let i = entities.firstIndex(where: { $0.type == type && $0.names.contains(stems) }) { return i }
        // A shorter mention of a known institution (`الوزارة` after `وزارة الصحة`) is that one.
        // Only when every word of the shorter is in the longer: `مصدر طبي` is not `مصدر في
        // المقاومة الشعبية`.
        if let i = entities.lastIndex(where: { $0.type == type && $0.names.contains { n in
            n.first == stems.first && stems.count < n.count && Set(stems).isSubset(of: Set(n)) } }) {
            return i
        }
        // `الوكالة الأميركية` after `وكالة التصنيف ستاندرد آند بورز` spoke: the same head and at
        // most one more word is the institution already speaking.
        if type == .organization, stems.count <= 2, let i = entities.lastIndex(where: { $0.type == type && $0.hasSpoken && $0.names.contains { n in
            n.first == stems.first && n.count > stems.count } }) {
            return i
        }
        // A fuller mention of a group seen in short form first becomes its best phrase.
        if let i = entities.lastIndex(where: { $0.type == type && $0.names.contains { n in
            n.first == stems.first && n.count < stems.count && Set(n).isSubset(of: Set(stems)) } }) {
            entities[i].names.append(stems)
            if stems.count > entities[i].bestCount {
                entities[i].best = tokens
                entities[i].bestText = text
                entities[i].bestCount = stems.count
            }
            return i
        }
        entities.append(Entity(type: type, names: [stems], best: tokens, bestText: text, bestCount: stems.count))
        return entities.count - 1
    }

    mutating func bind(title key: [String], head: String, at: Int, to entity: Int) {
        guard !key.isEmpty else { return }
        if !entities[entity].titles.contains(where: { $0.key == key }) {
            entities[entity].titles.append(TitleBinding(key: key, head: head, at: at))
        }
    }

    /// The person a title refers to: an exact title first, then a title containing this one,
    /// then the same head word; among equals, one that has spoken, then the nearest before `at`.
    /// A description sharing only a place adjective (`المهاجم السوري` after `اللاعب السوري
    /// عمر السومه`) is the weakest tie, used when nothing better exists.
    func resolve(title key: [String], head: String, at: Int, descriptors: Set<String> = []) -> Int? {
        var best: (score: Double, distance: Int, index: Int)?
        for (i, e) in entities.enumerated() where e.type == .person {
            for b in e.titles {
                var score: Double
                if b.key == key { score = 3 }
                else if Set(key).isSubset(of: Set(b.key)) && b.head == head { score = 2 }
                else if b.head == head { score = 1 }
                else if !descriptors.isDisjoint(with: b.key) { score = 0.25 }
                else { continue }
                if e.hasSpoken { score += 0.5 }
                // Nearest binding before the mention; bindings after it count as further away.
                let distance = b.at <= at ? at - b.at : 1_000_000 + b.at - at
                if best == nil || score > best!.score || (score == best!.score && distance < best!.distance) {
                    best = (score, distance, i)
                }
            }
        }
        return best?.index
    }
}
