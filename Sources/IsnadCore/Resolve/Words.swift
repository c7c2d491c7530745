import Foundation
/// What the lexicons say about one word token.
public struct WordClass: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public static let title = WordClass(rawValue: 1 << 0)
    public static let honorific = WordClass(rawValue: 1 << 1)
    public static let organization = WordClass(rawValue: 1 << 2)
    public static let unnamed = WordClass(rawValue: 1 << 3)
    public static let document = WordClass(rawValue: 1 << 4)
    public static let outlet = WordClass(rawValue: 1 << 5)
    public static let givenName = WordClass(rawValue: 1 << 6)
    public static let particle = WordClass(rawValue: 1 << 7)
    public static let stop = WordClass(rawValue: 1 << 8)
    public static let time = WordClass(rawValue: 1 << 9)
    public static let nationality = WordClass(rawValue: 1 << 10)
    public static let portfolio = WordClass(rawValue: 1 << 11)
    public static let feminine = WordClass(rawValue: 1 << 12)
    /// A common word (`common-words.txt`): never part of a name.
    public static let common = WordClass(rawValue: 1 << 14)
    /// A country, capital or region (`places.txt`): speaks for its government (`قالت واشنطن`).
    public static let place = WordClass(rawValue: 1 << 15)
    /// A title in the dual or sound plural (`المدربان`, `المحللين`): two or more persons, whose
    /// names may follow joined by و.
    public static let dual = WordClass(rawValue: 1 << 16)
    /// A quantifier that can head a source (`أحد المسؤولين`, `بعض الخبراء`): stop words tagged `quant`.
    public static let quantifier = WordClass(rawValue: 1 << 13)

    /// Classes that head a phrase able to speak.
    public static let heads: WordClass = [.title, .organization, .unnamed, .document, .outlet]
}

/// A word token as the resolver sees it.
///
/// A class: a document holds one per token, mostly shared with the thread's word cache, and
/// handing out a reference costs one retain where copying the value cost one per field. It is
/// filled once when the word is first classified and only read after that.
public final class WordInfo: @unchecked Sendable {
    /// Folded text as written.
    public let folded: String
    /// The stem the lexicons matched (proclitic and article removed), or the best guess.
    public let stem: String
    /// Whether the word carries the definite article (الرئيس، للرئيس).
    public let article: Bool
    /// Whether a proclitic (و ف ب ل ك) was removed to find it.
    public let proclitic: String
    public internal(set) var classes: WordClass
    /// Stems of every reading (for multiword lookups), and which lexicons have a multiword
    /// entry starting with one of them (bit 0 titles, 1 organisations, 2 outlets, 3 places).
    public var readingStems: [String] = []
    public var startsMultiword: UInt8 = 0
    /// Which of the same four lexicons hold one of its readings as a single word.
    public var singleEntry: UInt8 = 0

    public init(folded: String, stem: String, article: Bool, proclitic: String, classes: WordClass) {
        self.folded = folded
        self.stem = stem
        self.article = article
        self.proclitic = proclitic
        self.classes = classes
    }
}

/// The lexicons of a language pack, looked up the way words occur in text. A class, so the
/// resolver's many small structs share it instead of copying a dozen dictionaries; read-only
/// after `init`, hence safe to share between threads.
public final class Lexicons: @unchecked Sendable {
    let pack: LanguagePack
    let titles, honorifics, organizations, unnamed, documents, outlets, givenNames, particles,
        stops, times, nationalities, portfolios, commonWords, places: Lexicon
    let proclitics: [String]
    let articles: [String]
    let articleAfterL: [String]
    let feminineSuffixes: [String]
    let pluralSuffixes: [String]
    let dualSuffixes: [String]
    public let relatives: Set<String>
    public let fronting: Set<String>
    public let restating: Set<String>
    public let clauseOpeners: Set<String>
    public let speechNouns: Set<String>
    let nonNameEndings: [String]
    /// `تي`, `تنا`: my/our on a noun whose ة is written ت before the suffix (`سعادتي`).
    let firstPersonEndings: [String]
    public let subordinators: Set<String>
    /// Subordinators whose clause stays inside the content before them (`…، حيث استبعدت …`).
    public let embeddingLinks: Set<String>
    /// Links between the writer's clauses; two-word links have their words joined by a space.
    public let clauseLinks: Set<String>
    public let chainPrepositions: Set<String>
    public let articleParticles: Set<String>
    /// Prepositions: a noun phrase right after one is its object, not a verb's subject.
    public let prepositions: Set<String>
    /// Words after a title or source noun that mark another, anonymous person (`محلل آخر`).
    public let otherMarkers: Set<String>
    /// Words that make a following أن part of a conjunction: `إلا أن` starts another clause,
    /// `بعد أن` an adverbial one; neither opens a cue's content.
    public let contrastHeads: Set<String>
    public let adverbialHeads: Set<String>
    /// Attached object pronouns, longest first (`يعتبرونها`, `صرح به`).
    public let objectPronouns: [String]
    /// `كان`, `كانت` …, and `قد`: `وكانت تركيا قد أعلنت`.
    public let auxiliaries: Set<String>
    public let perfectParticles: Set<String>
    /// Partitive pronouns (`أحدهم`, folded) → the word that names one member (`أحد`).
    public let partitives: [String: String]
    /// Singular source nouns (`مصدر`, folded) → the plural a bare `المصدر` may stand for (`مصادر`).
    public let pluralOf: [String: String]
    /// Source nouns tagged `addressee` (`أطراف`, `جهات`): usually whom a call is made to.
    public let addressees: Set<String>
    /// `بن`, `بنت`, `ابن`: a name with one is a lineage, which may run longer.
    public let lineageParticles: Set<String>
    let all: [(Lexicon, WordClass)]
    /// Every single-word entry of every lexicon, merged: one lookup per reading instead of one
    /// per lexicon.
    struct Merged {
        var classes: WordClass = []
        var fem = false
        var quant = false
        /// Bits 0–3: titles, organisations, outlets, places hold it as a word / start an entry with it.
        var single: UInt8 = 0
        var starts: UInt8 = 0
    }
    private(set) var merged: [ByteString: Merged] = [:]

    public init(_ pack: LanguagePack) {
        self.pack = pack
        titles = pack.lexicon("titles"); honorifics = pack.lexicon("honorifics")
        organizations = pack.lexicon("organizations"); unnamed = pack.lexicon("unnamed")
        documents = pack.lexicon("documents"); outlets = pack.lexicon("outlets")
        givenNames = pack.lexicon("given-names"); particles = pack.lexicon("name-particles")
        stops = pack.lexicon("stopwords"); times = pack.lexicon("time")
        nationalities = pack.lexicon("nationalities"); portfolios = pack.lexicon("portfolios")
        commonWords = pack.lexicon("common-words"); places = pack.lexicon("places")
        let s = pack.settings
        proclitics = s["proclitics"].sorted { $0.count > $1.count }
        articles = s["articles"]
        articleAfterL = s["article-after-l"]
        feminineSuffixes = s["feminine-suffixes"]
        pluralSuffixes = s["plural-suffixes"]
        dualSuffixes = s["dual-suffixes"]
        relatives = Set(s["relatives"])
        fronting = Set(s["fronting"])
        restating = Set(s["restating-objects"])
        clauseOpeners = Set(s["clause-openers"])
        speechNouns = Set(s["speech-nouns"])
        nonNameEndings = s["non-name-endings"].sorted { $0.count > $1.count }
        firstPersonEndings = s["first-person-endings"].sorted { $0.count > $1.count }
        subordinators = Set(s["subordinators"])
        embeddingLinks = Set(s["embedding-links"])
        clauseLinks = Set(s["clause-links"].map { $0.replacingOccurrences(of: "_", with: " ") })
        chainPrepositions = Set(s["chain-prepositions"])
        articleParticles = Set(s["article-particles"])
        prepositions = Set(s["prepositions"])
        otherMarkers = Set(s["other-markers"])
        // With or without و/ف, resolved here once rather than per complementiser.
        let withConjunction = { (words: [String]) in Set(words.flatMap { [$0, "و" + $0, "ف" + $0] }) }
        contrastHeads = withConjunction(s["contrast-heads"])
        adverbialHeads = withConjunction(s["adverbial-heads"])
        objectPronouns = s["object-pronouns"].sorted { $0.count > $1.count }
        auxiliaries = withConjunction(s["auxiliaries"])
        perfectParticles = Set(s["perfect-particles"])
        partitives = unnamed.tagValues("one-of")
        pluralOf = unnamed.tagValues("pl").mapValues { ArabicFolding.fold($0) }
        lineageParticles = Set(s["lineage-particles"])
        addressees = Set(unnamed.entries.filter { $0.value.contains("addressee") }.keys)
        all = [(titles, .title), (honorifics, .honorific), (organizations, .organization), (unnamed, .unnamed),
               (documents, .document), (outlets, .outlet), (givenNames, .givenName), (particles, .particle),
               (stops, .stop), (times, .time), (nationalities, .nationality), (portfolios, .portfolio),
               (places, .place)]
        for (lex, cls) in all {
            for (key, tags) in lex.entries where !key.contains(" ") {
                var m = merged[ByteString(key)] ?? Merged()
                m.classes.insert(cls)
                if tags.contains("fem") { m.fem = true }
                if tags.contains("quant") { m.quant = true }
                merged[ByteString(key)] = m
            }
        }
        // Bit 4: the first word of a known name of several words (the gazetteer's).
        for first in pack.gazetteer.multiwordNames.keys {
            let k = ByteString(first)
            var m = merged[k] ?? Merged()
            m.starts |= 1 << 4
            merged[k] = m
        }
        for (bit, lex) in [titles, organizations, outlets, places].enumerated() {
            for key in lex.entries.keys {
                let words = key.split(separator: " ")
                let k = ByteString(String(words[0]))
                var m = merged[k] ?? Merged()
                if words.count == 1 { m.single |= 1 << bit } else { m.starts |= 1 << bit }
                merged[k] = m
            }
        }
    }

    /// Readings of a folded word: as written, without the article, without a proclitic (and then
    /// without the article), in that order. Each is (stem, article, proclitic).
    func readings(_ w: String) -> [(String, Bool, String)] {
        var out: [(String, Bool, String)] = [(w, false, "")]
        func stripArticle(_ s: String, proclitic: String) {
            for a in articles where s.hasPrefix(a) && s.count > a.count + 1 {
                out.append((String(s.dropFirst(a.count)), true, proclitic))
            }
        }
        stripArticle(w, proclitic: "")
        for p in proclitics where w.hasPrefix(p) && w.count > p.count + 1 {
            let rest = String(w.dropFirst(p.count))
            out.append((rest, false, p))
            stripArticle(rest, proclitic: p)
            // ل + ال is written لل: للرئيس = ل + (ا)لرئيس.
            if articleAfterL.contains(where: { p.hasSuffix($0) }) {
                for l in articleAfterL where rest.hasPrefix(l) && rest.count > l.count + 1 {
                    out.append((String(rest.dropFirst(l.count)), true, p))
                    // And with the article written out, for entries that keep it (الأمم المتحدة).
                    if let a = articles.first { out.append((a + String(rest.dropFirst(l.count)), false, p)) }
                }
            }
        }
        // Last, each reading without the accusative ending (مسؤولا → مسؤول, أطرافا → أطراف).
        out += out.compactMap { r -> (String, Bool, String)? in
            r.0.hasSuffix("ا") && r.0.count > 4 ? (String(r.0.dropLast()), r.1, r.2) : nil
        }
        return out
    }

    /// Classifies one word: the first reading any lexicon knows wins; a nationality may also
    /// carry a feminine or plural suffix (الروسية، الأمريكيين).
    public func classify(_ w: String, hamzaInitial: Bool = false) -> WordInfo {
        let info = classifyClasses(w, hamzaInitial: hamzaInitial)
        let stems = readings(w).map(\.0)
        info.readingStems = stems
        for stem in stems {
            guard let m = merged[ByteString(stem)] else { continue }
            info.startsMultiword |= m.starts
            info.singleEntry |= m.single
        }
        return info
    }

    func classifyClasses(_ w: String, hamzaInitial: Bool) -> WordInfo {
        // The article is written with a bare alef: إلفر and ألفريد are not ال + …
        var rs = readings(w)
        if hamzaInitial { rs = rs.filter { !($0.1 && $0.2.isEmpty) } }
        for (stem, article, proclitic) in rs {
            var classes: WordClass = []
            if let m = merged[ByteString(stem)] {
                classes = m.classes
                // Given names do not take the article (العودة is not the name عودة).
                if article { classes.remove(.givenName) }
                if !classes.isEmpty {
                    if m.fem { classes.insert(.feminine) }
                    if m.quant { classes.insert(.quantifier) }
                }
            }
            if classes.isEmpty, article || !proclitic.isEmpty || stem == w {
                if let base = nationalityBase(stem) {
                    classes.insert(.nationality)
                    if base.fem { classes.insert(.feminine) }
                }
            }
            // A bare proclitic reading must not turn a name into a stop word (وليد ≠ و + ليد).
            if !classes.isEmpty && !(proclitic.isEmpty == false && classes == .stop && stem.count < 2) {
                return WordInfo(folded: w, stem: stem, article: article, proclitic: proclitic, classes: classes)
            }
        }
        // A title with a dual or plural ending (`المدربان الخالد والسلطان`).
        for (stem, article, proclitic) in rs where stem.count > 4 {
            for suffix in dualSuffixes where stem.hasSuffix(suffix) {
                let base = String(stem.dropLast(suffix.count))
                if let m = merged[ByteString(base)], m.classes.contains(.title), !m.classes.contains(.givenName) {
                    return WordInfo(folded: w, stem: base, article: article, proclitic: proclitic, classes: [.title, .dual])
                }
            }
        }
        // A common word, in any reading and without an accusative ending: not a name. Only a
        // conjunction or a preposition other than ك is read off, on words long enough that the
        // rest is not a name's tail (كيري is not ك + يري, بالمر not ب + المر).
        for (stem, article, proclitic) in rs {
            if proclitic.hasSuffix("ك") || (!proclitic.isEmpty && stem.count < 4) || givenNames.contains(w) { continue }
            let bare = stem.hasSuffix("ا") && stem.count > 3 ? String(stem.dropLast()) : stem
            if commonWords.contains(stem) || commonWords.contains(bare) {
                return WordInfo(folded: w, stem: stem, article: article, proclitic: proclitic, classes: .common)
            }
        }
        // Unknown: the article reading if there is one (الجبرين), then a proclitic with the
        // article (بالتورط، للحرب), else the word as written.
        if let (stem, article, proclitic) = rs.first(where: { $0.1 && $0.2.isEmpty }) ?? rs.first(where: { $0.1 }) {
            return WordInfo(folded: w, stem: stem, article: article, proclitic: proclitic, classes: [])
        }
        return WordInfo(folded: w, stem: w, article: false, proclitic: "", classes: [])
    }

    private func nationalityBase(_ s: String) -> (String, fem: Bool)? {
        for f in feminineSuffixes where s.hasSuffix(f) {
            let b = String(s.dropLast(f.count))
            if nationalities.contains(b) { return (b, true) }
        }
        for p in pluralSuffixes where s.hasSuffix(p) {
            let b = String(s.dropLast(p.count))
            if nationalities.contains(b) { return (b, false) }
        }
        return nil
    }

    /// Whether an unknown word could be (part of) a name: not with an attached pronoun or the
    /// feminine ending of a common noun.
    /// After given names (`continuing`), a nisba surname may look like a first-person noun
    /// (`علي أكبر ولايتي`, not `ولاية` + my), so that check is left out.
    public func couldBeName(_ w: WordInfo, continuing: Bool = false) -> Bool {
        if w.classes.contains(.givenName) { return true }
        if w.classes.contains(.common) { return false }
        if nonNameEndings.contains(where: { w.folded.hasSuffix($0) && w.folded.count > $0.count + 1 }) { return false }
        return continuing || !hasFirstPersonEnding(w.folded)
    }

    /// `سعادتي` is `سعادة` + my: the ending, and a base with ة that some lexicon knows.
    func hasFirstPersonEnding(_ folded: String) -> Bool {
        for e in firstPersonEndings where folded.hasSuffix(e) && folded.count > e.count + 1 {
            // The ت of the ending is the written ة; folded ة is ه.
            let base = String(folded.dropLast(e.count)) + "ه"
            for (stem, _, _) in readings(base) where merged[ByteString(stem)] != nil || commonWords.contains(stem) {
                return true
            }
        }
        return false
    }

    /// Longest multiword entry of `lex` starting at token `i` (counting tokens), 0 if none.
    /// The first token is read through its readings; the following ones as written.
    func longestEntry(_ lex: Lexicon, at i: Int, words: [WordInfo?], limit: Int) -> Int {
        guard let first = words[i] else { return 0 }
        var best = 0
        for stem in first.readingStems {
            if lex.contains(stem) { best = max(best, 1) }
            guard lex.maxWords > 1, lex.startsEntry(stem) else { continue }
            var key = stem
            var k = i + 1
            while k < limit, k - i < lex.maxWords, let w = words[k] {
                key += " " + w.folded
                if lex.contains(key) { best = max(best, k - i + 1) }
                k += 1
            }
        }
        return best
    }
}
