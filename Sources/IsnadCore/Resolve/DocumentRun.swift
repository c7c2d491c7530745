import PCRE2

/// The work on one document. Created per document; not shared between threads.
struct DocumentRun {
    let x: Extractor
    let text: AnalyzedText
    var words: [WordInfo?] = []
    var cues: [CueHit] = []
    /// Token → the cue hit index that covers it.
    var cueAt: [Int?] = []
    /// Token → end token of a complementiser starting there (and the folded byte its content starts at).
    var compAt: [Int: (end: Int, byte: Int)] = [:]
    /// Complementisers valid only after a source marker's phrase (`فإن`), by start token.
    var sourceCompAt: [Int: (end: Int, byte: Int)] = [:]
    /// Token indices where a trailing writer's clause starts.
    var trailStarts: [Int] = []
    /// Colons of heading rules (`head` set), as token indices.
    var headingHits: [(CompiledRule, Int)] = []
    var vetoed: [Bool] = []
    var furniture: [Bool] = []
    var reader: PhraseReader!
    var entities = DocumentEntities()
    /// Person mentions found anywhere in the document (pre-pass), by start token.
    var mentions: [(phrase: NounPhrase, entity: Int)] = []
    /// Organisation phrases found anywhere, for statements that speak for their issuer.
    var orgMentions: [NounPhrase] = []
    /// Contents read before a statement cue, which its issuer cannot come from.
    var issuedContents: [Range<Int>] = []
    /// First tokens of the cues that gave a reading (the others reported nothing).
    var readingCues: Set<Int> = []
    /// Speakers resolved so far, in text order: what a dropped subject continues, and the
    /// group a partitive (`أحدهم`) names one of.
    var spoken: [Said] = []

    static let maxRegion = 22

    init(extractor: Extractor, text: AnalyzedText) {
        self.x = extractor
        self.text = text
    }

    var tokens: [AnalyzedText.Token] { text.tokens }

    // MARK: Scanning

    mutating func scan(workspace: Workspace) throws(PCRE2Error) {
        let scratch = workspace.scratch
        let folded = text.source.folded
        let scalars = text.source.scalars
        words = tokens.map { t in
            guard t.kind == .word else { return nil }
            let first = scalars[t.span.lowerBound]
            let last = scalars[t.span.upperBound - 1]
            let hamza = first == "\u{0623}" || first == "\u{0625}" || first == "\u{0622}"
            let flags: UInt8 = (hamza ? 1 : 0) | (last == "\u{0649}" ? 2 : 0) | (last == "\u{064A}" ? 4 : 0)
            let key = WordKey(bytes: folded.bytes[t.bytes], flags: flags)
            return workspace.word(key) {
                let w = x.lex.classify(t.text, hamzaInitial: hamza)
                // Folding makes على (on) and علي (Ali) one word; the original spelling tells
                // them apart when the lexicons disagree.
                if w.classes.contains(.stop) && w.classes.contains(.givenName) {
                    if flags & 2 != 0 { w.classes.remove(.givenName) } else if flags & 4 != 0 { w.classes.remove(.stop) }
                }
                return w
            }
        }
        cueAt = Array(repeating: nil, count: tokens.count)
        vetoed = Array(repeating: false, count: tokens.count)
        furniture = Array(repeating: false, count: tokens.count)

        if let lead = x.leadSet {
            for h in try lead.hits(in: folded, scratch: scratch, limits: x.limits) {
                let r = text.tokenRange(ofBytes: h.range)
                // `extends: rest`: what follows (teasers after `مقالات ذات صلة`) is furniture too.
                let upper = h.rule["extends"] == "rest" ? tokens.count : r.upperBound
                for k in r.lowerBound..<upper { furniture[k] = true }
            }
        }
        // Cues first: the other sets matter only in sentences that hold a cue, so they are
        // scanned there alone (the text of a news article is mostly narration).
        let cueHits = try x.cueSet.hits(in: folded, scratch: scratch, limits: x.limits)
        var ranges: [Range<Int>] = []
        for h in cueHits {
            let k = text.tokenIndex(atByte: h.range.lowerBound)
            guard k < tokens.count else { continue }
            let sent = text.sentences[tokens[k].sentence]
            let r = tokens[sent.lowerBound].bytes.lowerBound..<tokens[sent.upperBound - 1].bytes.upperBound
            if let last = ranges.last, last.upperBound >= r.lowerBound {
                ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                ranges.append(r)
            }
        }
        for range in ranges {
            if let veto = x.vetoSet {
                for h in try veto.hits(in: folded, range: range, scratch: scratch, limits: x.limits) {
                    for k in text.tokenRange(ofBytes: h.range) { vetoed[k] = true }
                }
            }
            for h in try x.compSet.hits(in: folded, range: range, scratch: scratch, limits: x.limits) {
                let r = text.tokenRange(ofBytes: h.range)
                // Colons and quotation marks open content through the quotation analysis, which
                // pairs the marks; a complementiser rule is for words.
                guard !r.isEmpty, tokens[r.lowerBound].kind == .word else { continue }
                if h.rule["after"] == "source" { sourceCompAt[r.lowerBound] = (r.upperBound, h.range.upperBound) }
                else { compAt[r.lowerBound] = (r.upperBound, h.range.upperBound) }
            }
            if let trail = x.trailSet {
                for h in try trail.hits(in: folded, range: range, scratch: scratch, limits: x.limits) {
                    let r = text.tokenRange(ofBytes: h.range)
                    if !r.isEmpty { trailStarts.append(r.lowerBound) }
                }
            }
        }
        // Headings attribute by a colon, without a cue: scanned everywhere.
        if let head = x.headSet {
            for h in try head.hits(in: folded, scratch: scratch, limits: x.limits) {
                let r = text.tokenRange(ofBytes: h.range)
                if !r.isEmpty, tokens[r.lowerBound].mark == ":" { headingHits.append((h.rule, r.lowerBound)) }
            }
        }
        for h in cueHits {
            let r = text.tokenRange(ofBytes: h.range)
            guard !r.isEmpty else { continue }
            let rule = h.rule
            let lemma = ArabicFolding.fold(rule["lemma"] ?? "")
            let word = tokens[r.lowerBound].text
            let conj = DocumentRun.hasConjunction(word, lemma: lemma, proclitics: ["و", "ف"])
            let hit = CueHit(
                rule: rule, role: CueRole(rawValue: rule["role"] ?? "verb") ?? .verb,
                lemma: rule["lemma"] ?? "", family: rule["family"] ?? "",
                tokens: r, span: text.source.originalRange(h.range),
                feminine: h.match["fem"] != nil, plural: h.match["pl"] != nil, dual: h.match["du"] != nil,
                governs: (rule["governs"] ?? "").split(separator: " ").map { ArabicFolding.fold($0) },
                relay: rule["relay"].map { ArabicFolding.fold($0) },
                confidence: Double(rule["confidence"] ?? "") ?? 1.0,
                conjunction: conj)
            if r.contains(where: { vetoed[$0] || furniture[$0] }) { continue }
            // `مصادر مؤكدة`, `تصريحات مشيرة`: a participle right after a noun it agrees with is
            // that noun's adjective, not a cue.
            if hit.role == .participle, !conj, r.lowerBound > 0, let prev = words[r.lowerBound - 1],
               !prev.classes.intersection([.unnamed, .organization, .document]).isEmpty { continue }
            for k in r { cueAt[k] = cues.count }
            cues.append(hit)
        }
        // A known name is not a complementiser: بان كي مون (folded بأن).
        for k in compAt.keys.sorted() {
            guard let w = words[k], let names = x.knownNames[w.folded] else { continue }
            if names.contains(where: { c in k + c.count <= tokens.count && (0..<c.count).allSatisfy { words[k + $0]?.folded == c[$0] } }) {
                compAt[k] = nil
            }
        }
        var barrier = Array(repeating: false, count: tokens.count)
        for k in tokens.indices where cueAt[k] != nil || compAt[k] != nil { barrier[k] = true }
        reader = PhraseReader(text: text, words: words, lex: x.lex, barrier: barrier)
        reader.knownNames = x.knownNames
        reader.findKnownNames()
        let lex = x.lex
        let n = tokens.count
        reader.entries = words.indices.map { k in
            guard let w = words[k] else { return (0, 0, 0, 0) }
            func len(_ lexicon: Lexicon, _ bit: UInt8, _ cls: WordClass) -> UInt8 {
                if w.startsMultiword & bit != 0 { return UInt8(min(255, lex.longestEntry(lexicon, at: k, words: words, limit: n))) }
                return w.singleEntry & bit != 0 ? 1 : 0
            }
            return (len(lex.titles, 1, .title), len(lex.organizations, 2, .organization), len(lex.outlets, 4, .outlet), len(lex.places, 8, .place))
        }
        findMentions()
        reader.knownSurnames = Set(entities.entities.filter { $0.type == .person }.flatMap { e in
            e.names.filter { $0.count >= 2 }.compactMap(\.last) })
    }

    /// `وأضاف` carries a conjunction; `وصف` (a lemma starting with و) does not, `ووصف` does.
    static func hasConjunction(_ word: String, lemma: String, proclitics: [Character]) -> Bool {
        guard let f = word.first, proclitics.contains(f) else { return false }
        if lemma.first != f { return true }
        let second = word.dropFirst().first
        return second == f || second == "ي" || second == "ت" || second.map(proclitics.contains) == true
    }

    /// Pre-pass: every titled or named person phrase in the document, so that titles bind to
    /// names and surnames resolve even before (or without) a cue next to them.
    mutating func findMentions() {
        var i = 0
        while i < tokens.count {
            guard let w = words[i], !furniture[i], !inSpeech(i),
                  !w.classes.intersection([.title, .honorific, .givenName, .organization]).isEmpty else { i += 1; continue }
            let end = min(tokens.count, sentenceEnd(of: i))
            if let np = reader.phrase(at: i, end: end), np.head == .person, let name = np.name {
                let e = register(np, name: name)
                mentions.append((np, e))
                i = np.range.upperBound
            } else if let np = reader.phrase(at: i, end: end, bare: false), np.head == .organization {
                orgMentions.append(np)
                i = np.range.upperBound
            } else {
                i += 1
            }
        }
    }

    mutating func register(_ np: NounPhrase, name: Range<Int>) -> Int {
        let stems = nameKey(name)
        let e = entities.person(named: stems, tokens: name, text: nameText(name), givenNames: x.givenNames)
        for t in np.titles {
            let key = t.compactMap { k -> String? in
                guard let w = words[k], !w.classes.contains(.honorific) else { return nil }
                return w.stem
            }
            if let head = t.first(where: { words[$0]?.classes.contains(.title) == true }).flatMap({ words[$0]?.stem }) {
                entities.bind(title: key, head: head, at: t.lowerBound, to: e)
            }
        }
        if let f = np.feminine, entities[e].feminine == nil { entities[e].feminine = f }
        // A known given name tells the gender: not tagged feminine is masculine (أحمد).
        if entities[e].feminine == nil, let first = words[name.lowerBound], first.classes.contains(.givenName) {
            entities[e].feminine = first.classes.contains(.feminine)
        }
        return e
    }

    /// A name as a key: stems, with a compound particle joined to the word after it, so that
    /// `عبد العزيز الخالد` and `عبدالعزيز الخالد` are one name.
    func nameKey(_ r: Range<Int>) -> [String] {
        var out: [String] = []
        var k = r.lowerBound
        while k < r.upperBound {
            guard let w = words[k] else { k += 1; continue }
            if (w.folded == "عبد" || w.folded == "ابو"), k + 1 < r.upperBound, let n = words[k + 1] {
                out.append(w.folded + (n.article ? "ال" : "") + n.stem)
                k += 2
                continue
            }
            out.append(w.stem)
            k += 1
        }
        return out
    }

    /// The original text of a name, without a preposition or conjunction attached to its first
    /// word (`لعبد الله الموسى` → `عبد الله الموسى`).
    func nameText(_ r: Range<Int>) -> String {
        guard let first = r.first, let w = words[first], !w.proclitic.isEmpty, !w.article,
              !w.classes.intersection([.givenName, .particle]).isEmpty else { return text.text(of: r) }
        let byte = tokens[first].bytes.lowerBound + w.proclitic.utf8.count
        let start = text.source.originalOffset(ofFoldedByte: byte)
        return text.source.text(start..<tokens[r.upperBound - 1].span.upperBound)
    }

    /// Whether token `i` is inside a quotation of speech (not a quoted name).
    func inSpeech(_ i: Int) -> Bool {
        guard let q = text.quoteOf[i] else { return false }
        return reader.termQuote(at: text.quotes[q].open) == nil
    }

    func sentenceEnd(of i: Int) -> Int {
        text.sentences[tokens[i].sentence].upperBound
    }

    func sentenceStart(of i: Int) -> Int {
        text.sentences[tokens[i].sentence].lowerBound
    }

    func isPunct(_ i: Int, _ marks: Set<Unicode.Scalar>) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .punct && tokens[i].mark.map(marks.contains) == true
    }

    static let commas: Set<Unicode.Scalar> = ["،", ",", "؛", ";"]
    static let dashes: Set<Unicode.Scalar> = ["-", "–", "—", "ـ"]
}
