/// A phrase that can be a speaker: `الرئيس الروسي فلاديمير بوتين`, `مصادر مطلعة`,
/// `وزارة الصحة`, `"عسيري"`.
public struct NounPhrase: Sendable, Equatable {
    public enum Head: Sendable, Equatable {
        /// A person named or described by a title (`الرئيس`, `المحلل`).
        case person
        case organization
        case unnamed
        /// A statement or report (`البيان`), which speaks for its issuer.
        case document
        /// A news outlet (`رويترز`, `وكالة الأنباء السعودية`).
        case outlet
    }

    /// Tokens of the whole phrase.
    public var range: Range<Int>
    /// Tokens of the proper name inside it.
    public var name: Range<Int>?
    /// Tokens of titles and descriptions before the name, or of the whole phrase without a name.
    public var titles: [Range<Int>] = []
    public var head: Head
    /// Grammatical gender known from the lexicon (a feminine title or given name).
    public var feminine: Bool?
}

/// Reads noun phrases over the tokens of one document.
struct PhraseReader {
    let text: AnalyzedText
    let words: [WordInfo?]
    let lex: Lexicons
    /// Tokens that belong to a cue or a complementiser: a phrase never runs into them.
    let barrier: [Bool]
    /// Stems of the last word of names the document gives in full: such a word alone, even with
    /// the article, names that person (`وطالب الجلاصي بعقد …`).
    var knownSurnames: Set<String> = []
    /// Whether two persons joined by و may form one subject: only for a dual or plural cue
    /// (`أوضحا`), since a name after و is otherwise usually another clause's.
    var personConjuncts = false
    /// Known multiword names (the gazetteer's), by first folded word.
    var knownNames: [String: [[String]]] = [:]

    /// Longest entries starting at each token, in titles, organisations, outlets and places,
    /// computed once per document (the lookups are the costly part of reading a phrase).
    var entries: [(UInt8, UInt8, UInt8, UInt8)] = []

    /// Longest entry of lexicon `which` (0 titles, 1 organisations, 2 outlets, 3 places) at
    /// token `j` that ends by `end`.
    func entry(_ which: Int, at j: Int, end: Int) -> Int {
        guard j < entries.count else { return 0 }
        let e = entries[j]
        let n = Int(which == 0 ? e.0 : which == 1 ? e.1 : which == 2 ? e.2 : e.3)
        if j + n <= end { return n }
        let lexicon = [lex.titles, lex.organizations, lex.outlets, lex.places][which]
        return lex.longestEntry(lexicon, at: j, words: words, limit: end)
    }

    /// Length of the known name starting at each token (0 if none), computed once per document.
    var knownNameLengths: [UInt8] = []

    /// Length of a known name starting at token `j` and ending by `end`, 0 if none.
    func knownName(at j: Int, end: Int) -> Int {
        guard j < knownNameLengths.count else { return 0 }
        let n = Int(knownNameLengths[j])
        return j + n <= end ? n : 0
    }

    /// Fills `knownNameLengths` (only words that start a known name are looked at twice).
    mutating func findKnownNames() {
        knownNameLengths = Array(repeating: 0, count: words.count)
        guard !knownNames.isEmpty else { return }
        for j in words.indices {
            guard let w = words[j], w.startsMultiword & 16 != 0, let candidates = knownNames[w.folded] else { continue }
            for c in candidates where j + c.count <= words.count {
                if (0..<c.count).allSatisfy({ words[j + $0]?.folded == c[$0] }) { knownNameLengths[j] = UInt8(c.count); break }
            }
        }
    }

    static let maxNameTokens = 5
    static let maxLineageTokens = 11
    static let maxComplements = 6

    func isPunct(_ i: Int, _ marks: Set<Unicode.Scalar>) -> Bool {
        text.tokens[i].kind == .punct && text.tokens[i].mark.map(marks.contains) == true
    }

    /// A short quotation that is a name or a term the writer flags (`"عسيري"`, `«داعش»`,
    /// `قناة "العربية"`) rather than speech (ANNOTATION.md convention 4): at most three words,
    /// each a name-like word (no article, not a common word) or an outlet or institution.
    func termQuote(at i: Int) -> AnalyzedText.Quote? {
        guard text.tokens[i].kind == .punct, AnalyzedText.isQuoteMark(text.tokens[i].mark),
              let q = text.quote(openingAt: i), q.close != nil, !q.inner.isEmpty, q.inner.count <= 4 else { return nil }
        // Right after an institution or a title, a short quotation is its name:
        // `حزب «القوات اللبنانية»`, `قناة "العربية"`, `صحيفة "النهار"`.
        if i > 0, let prev = words[i - 1], !prev.classes.intersection([.organization, .outlet, .title]).isEmpty,
           q.inner.allSatisfy({ words[$0].map { !$0.classes.contains(.stop) } ?? false }) {
            return q
        }
        guard q.inner.count <= 3 else { return nil }
        for k in q.inner {
            guard let w = words[k] else { return nil }
            let c = w.classes
            if !c.intersection([.outlet, .organization]).isEmpty { continue }
            if c.contains(.stop) || c.contains(.time) || w.article || !w.proclitic.isEmpty { return nil }
            if !c.isSubset(of: [.givenName, .particle, .feminine, .honorific, .title, .nationality]) { return nil }
        }
        return q
    }

    /// The phrase that starts at token `i` and ends before `end`, or nil when what stands there
    /// cannot speak (an inanimate noun, a clause). `bare` lets an unknown word with no title
    /// before it start a name (`قال بوتين`); only right after a verb is that a safe guess.
    ///
    /// `nominal` marks a phrase followed directly by a nominal content (`أكد المرصد مقتل …`):
    /// after a definite word only a definite word or an adjective may complete the phrase,
    /// since an indefinite noun there starts the content.
    ///
    /// `object` allows a phrase that starts with an attached preposition (`وفقا للوزارة`), as a
    /// source marker's object does; a subject never does (`قال لصحيفة …` names no speaker).
    func phrase(at i: Int, end: Int, bare: Bool = true, nominal: Bool = false, object: Bool = false) -> NounPhrase? {
        guard i >= 0, i < end, i < words.count else { return nil }
        if !object, let w = words[i], isPrepositional(w) { return nil }
        var j = i
        var name: Range<Int>?
        var titles: [Range<Int>] = []
        var titleStart: Int?
        var head: NounPhrase.Head?
        var feminine: Bool?
        var complements = 0
        var orgNameTokens = 0
        // A dual or plural title heads the phrase: names joined by و are all its holders.
        var dualTitle = false
        enum Last { case none, honorific, title, org, unnamed, document, outlet, name, complement }
        var last = Last.none
        // A given name further on means unknown words before it are complements, not a name
        // (`مدرب مانشستر يونايتد لويس فان جال`).
        let givenAhead: Int? = (i..<min(end, i + 12)).first { k in
            words[k]?.classes.contains(.givenName) == true && !(words[k]?.classes.contains(.stop) ?? false)
        }

        func closeTitles(at k: Int) {
            if let s = titleStart, s < k { titles.append(s..<k) }
            titleStart = nil
        }
        func startTitle(_ k: Int) { if titleStart == nil { titleStart = k } }

        loop: while j < end {
            if barrier[j] && j > i { break }
            let tok = text.tokens[j]
            if tok.kind == .punct {
                if name == nil, let q = termQuote(at: j), let close = q.close, close < end,
                   last != .name {
                    // The quoted name of an institution completes it: `حزب «القوات اللبنانية»`.
                    if [.org, .outlet, .title].contains(last), q.inner.count > 1 || givenAhead != nil {
                        complements += 1; last = .complement; j = close + 1; continue
                    }
                    // A quoted name or outlet: «عكاظ», "عسيري".
                    if last == .none || last == .honorific || last == .title || last == .complement {
                        // After a title, only words that could be a name (`المتحدث "عسيري"`, not
                        // `رئيسة «ممتازة»`, an adjective in quotation marks).
                        if last == .none || last == .honorific || (q.inner.count <= 3 && givenAhead == nil && q.inner.allSatisfy { k in
                            text.tokens[k].kind == .punct || words[k].map { $0.classes.contains(.givenName) || lex.couldBeName($0) } == true
                        }) {
                            closeTitles(at: j)
                            name = q.inner
                            if head == nil { head = .person }
                            last = .name
                            j = close + 1
                            continue
                        }
                    }
                    if last == .unnamed || last == .org || last == .outlet || last == .document {
                        complements += 1; last = .complement; j = close + 1; continue
                    }
                    break
                }
                if isPunct(j, ["("]), last != .none, let close = (j + 1..<min(end, j + 5)).first(where: { isPunct($0, [")"]) }) {
                    // `مصادر (الرياضي)`: an outlet or place in brackets completes the phrase.
                    if close > j + 1, (j + 1..<close).allSatisfy({ words[$0] != nil }) {
                        j = close + 1
                        continue
                    }
                }
                // `المبعوث الأممي الخاص للشرق الأوسط -نيكولاي ملادينوف-`: a name between dashes.
                if isPunct(j, ["-", "–", "—"]), name == nil, last != .none, j + 1 < end, let w = words[j + 1],
                   w.classes.contains(.givenName) || (w.classes.isEmpty && !w.article && lex.couldBeName(w)) {
                    let e = nameEnd(from: j + 1, end: end, arabic: w.classes.contains(.givenName))
                    closeTitles(at: j)
                    name = (j + 1)..<e
                    if head == nil { head = .person }
                    j = e < end && isPunct(e, ["-", "–", "—"]) ? e + 1 : e
                    last = .name
                    continue
                }
                if isPunct(j, ["،", ","]), name == nil, last != .none, j + 1 < end, let w = words[j + 1],
                   !w.classes.intersection([.honorific, .title, .givenName]).isEmpty {
                    // Apposition: `المتحدث باسم قوات التحالف، العميد ركن أحمد عسيري`.
                    j += 1
                    continue
                }
                break
            }
            guard let w = words[j] else { break }
            let c = w.classes
            // Several subjects joined by و (convention 11): `كندا والمكسيك`, `حسن روحاني ومحمد
            // جواد ظريف` — one phrase, as written.
            if j > i, w.proclitic == "و", !w.article || c.contains(.place) || c.contains(.organization),
               last == .name || (last == .org && head == .organization),
               let conj = conjunct(at: j, end: end, afterName: last == .name, persons: personConjuncts || dualTitle) {
                if let n = name { name = n.lowerBound..<conj }
                j = conj
                continue
            }
            // A name the gazetteer knows is read whole (`الأمين العام بان كي مون`).
            if name == nil, !barrier[j] || j == i, let n = Optional(knownName(at: j, end: end)), n > 0,
               last == .none || last == .honorific || last == .title || last == .complement || (last == .org && head == .person) {
                closeTitles(at: j)
                name = j..<(j + n)
                if head == nil { head = .person }
                j += n; last = .name; continue
            }
            // Multiword entries first: a title or an institution.
            // A dual or plural title (`المدربان`) is a title of one word.
            let nTitle = c.contains(.dual) ? 1 : entry(0, at: j, end: end)
            if c.contains(.dual) && name == nil { dualTitle = true }
            let nOrg = entry(1, at: j, end: end)
            let nOutlet = entry(2, at: j, end: end)
            let nPlace = entry(3, at: j, end: end)
            // A preposition attached to a later word starts an adjunct (`أحدهم لوكالة الصحافة`),
            // except inside a title chain (`رئيس هيئة أعضاء الشرف بنادي الرائد`, `الأمين العام
            // للأمم المتحدة`); `ل` before a news outlet names whom one spoke to (`قال اللاعب لبرنامج`).
            if j > i && isPrepositional(w) && (!(name == nil && [.title, .org, .complement].contains(last)
                && (!c.intersection([.organization, .title, .place]).isEmpty || nOrg > 0 || nTitle > 0 || nPlace > 0))
                || (w.proclitic.hasSuffix("ل") && (c.contains(.outlet) || nOutlet > 0) && nPlace == 0)) { break }
            // A place of several words inside a title chain (`المبعوث الخاص للشرق الأوسط`).
            if nPlace > 1, name == nil, [.title, .org, .complement].contains(last) {
                complements += 1; last = .complement; j += nPlace; continue
            }
            // `كل من البحرين وعمان` (both): the subjects follow, joined by و.
            if j == i, w.folded == "كل", j + 2 < end, words[j + 1]?.folded == "من" {
                j += 2
                startTitle(j)
                continue
            }
            // `أحد سكان المدينة`, `بعض المسؤولين`: a quantifier before a source word.
            if j == i, c.contains(.quantifier), j + 1 < end, let n = words[j + 1],
               !n.classes.intersection([.unnamed, .title, .organization]).isEmpty {
                startTitle(j)
                j += 1
                continue
            }
            if c.contains(.stop) && nTitle == 0 && nOrg == 0 {
                // A preposition inside a title chain: `المستشار في مكتب وزير الدفاع`.
                // (`المرشحة الديموقراطية إلى البيت الأبيض هيلاري كلينتون`: an institution of
                // several words counts too.)
                if name == nil, [.title, .org, .unnamed, .complement].contains(last), j + 1 < end, lex.chainPrepositions.contains(w.folded),
                   let n = words[j + 1], !n.classes.intersection([.organization, .title]).isEmpty
                    || entry(1, at: j + 1, end: end) > 1 || entry(0, at: j + 1, end: end) > 1
                    // An anonymous source and its place (`مسؤولون في واشنطن`, `مصدر في دمشق`).
                    || (head == .unnamed && n.classes.contains(.place) && n.proclitic.isEmpty) {
                    complements += 1
                    j += 1
                    continue
                }
                break
            }
            // `الرئيس الأمريكي الحالي أوباما`: a term-status word (portfolios.txt, also a time
            // word) inside a title chain belongs to the title.
            if c.contains(.time) && nTitle == 0 && nOrg == 0
                && !(c.contains(.portfolio) && name == nil && [.title, .complement].contains(last)) { break }
            // `مندوب خليجي آخر`: another person of that description, anonymous.
            if name == nil, [.title, .unnamed, .complement].contains(last), head == .person || head == .unnamed,
               w.proclitic.isEmpty, lex.otherMarkers.contains(w.folded) {
                // Only a preposition before an institution continues it (`محلل آخر في السوق`),
                // not a genitive (`وأكد مصدر عسكري آخر الحصيلة`: the object follows).
                head = .unnamed
                j += 1; last = .complement; complements = PhraseReader.maxComplements; continue
            }
            if name != nil {
                // After the name: an apposed title (`لويس فان جال مدرب مانشستر يونايتد`).
                if nTitle > 0 && last == .name {
                    startTitle(j); j += nTitle; last = .title; complements = 0; continue
                }
                if [.title, .complement].contains(last), complements < PhraseReader.maxComplements,
                   c.isDisjoint(with: [.givenName, .honorific]), w.proclitic.isEmpty || w.article {
                    complements += 1; j += 1; last = .complement; continue
                }
                break
            }
            // After a definite word, an indefinite common noun starts something else
            // (`واتهم الوزير أطرافا خارجية …`: the minister, then his object).
            if j > i, !w.article, w.proclitic.isEmpty, words[j - 1]?.article == true, name == nil,
               !c.intersection([.unnamed, .document]).isEmpty, nTitle == 0, nOrg == 0 { break }
            if c.contains(.honorific) && nTitle == 0 {
                startTitle(j); last = .honorific
                if c.contains(.feminine) { feminine = true }
                j += 1; continue
            }
            if nTitle > 0 && !(c.contains(.givenName) && last == .honorific) {
                startTitle(j)
                if head == nil { head = .person }
                if c.contains(.feminine) { feminine = true }
                j += nTitle; last = .title; complements = 0; continue
            }
            if nOrg > 0 || nOutlet > 0 {
                startTitle(j)
                if head == nil { head = nOrg >= nOutlet ? .organization : .outlet }
                j += max(nOrg, nOutlet); last = nOrg >= nOutlet ? .org : .outlet; complements = 0; continue
            }
            if c.contains(.place) && !c.contains(.givenName) {
                // A country or capital: the head (`قالت واشنطن`) or a complement (`سفير السعودية`).
                if last == .none {
                    startTitle(j); head = .organization; last = .org
                } else if [.title, .org, .complement, .unnamed].contains(last) {
                    complements += 1; last = .complement
                } else { break }
                j += 1; continue
            }
            // `ودعت وزارة الصحة الجهات المعنية إلى …`: an addressee noun after a phrase starts the
            // verb's object.
            if c.contains(.unnamed), j > i, lex.addressees.contains(w.stem) { break }
            if c.contains(.unnamed) {
                startTitle(j)
                if head == nil { head = .unnamed }
                j += 1; last = .unnamed; complements = 0; continue
            }
            if c.contains(.document) {
                startTitle(j)
                if head == nil { head = .document }
                j += 1; last = .document; complements = 0; continue
            }
            if !c.intersection([.nationality, .portfolio]).isEmpty {
                if last == .none { break }
                j += 1; last = .complement; continue
            }
            // A name particle starts a name when a name-like word follows (`فان جال`, `دي خيا`).
            let particleStart = c == .particle && j + 1 < end && !barrier[j + 1]
                && words[j + 1].map { $0.classes.isSubset(of: [.givenName, .particle]) && !$0.article && lex.couldBeName($0) } == true
            // After an honorific, a family name with the article is a name (`العميد العسيري`).
            let knownSurname = last == .none && bare && w.article && w.proclitic.isEmpty && knownSurnames.contains(w.stem)
            let afterHonorific = last == .honorific || (j > i && words[j - 1]?.classes.contains(.honorific) == true)
            let familyAfterHonorific = afterHonorific && name == nil && c.isEmpty && w.article && w.proclitic.isEmpty && lex.couldBeName(w)
            // `الأميرة مضاوي بنت محمد …`: an unknown word followed by بن/بنت is a given name.
            let beforeNasab = c.isEmpty && !w.article && w.proclitic.isEmpty && name == nil && lex.couldBeName(w)
                && [.title, .honorific, .complement].contains(last) && j + 1 < end && !barrier[j + 1]
                && words[j + 1].map { lex.lineageParticles.contains($0.folded) } == true
            let nameStart = c.contains(.givenName) || particleStart || familyAfterHonorific || knownSurname || beforeNasab
                || (c.isEmpty && !w.article && w.proclitic.isEmpty && lex.couldBeName(w)
                    && ((last == .none && bare) || last == .honorific || ((last == .title || last == .complement) && givenAhead == nil)))
            if nameStart && (givenAhead == nil || givenAhead == j || c.contains(.givenName) || beforeNasab) {
                closeTitles(at: j)
                let e = familyAfterHonorific || knownSurname ? j + 1 : nameEnd(from: j, end: end, arabic: c.contains(.givenName))
                // An unknown word with nothing before it is a name only when the phrase ends
                // right after it (`قال بوتين إن`, `قال عسيري الليلة`), not before more words.
                if last == .none && !object && !c.contains(.givenName) && !particleStart && !knownSurname && e < end, !boundary(e) { return nil }
                name = j..<e
                if head == nil { head = .person }
                if c.contains(.givenName) && c.contains(.feminine) && feminine == nil { feminine = true }
                j = e; last = .name; continue
            }
            if [.title, .org, .unnamed, .document, .outlet, .complement].contains(last), complements < PhraseReader.maxComplements {
                // A genitive or an adjective completing the head: `قائد المنطقة العسكرية`, `مصادر مطلعة`.
                // After a definite word only a definite one continues (`المرصد مقتل …` is
                // the head and the content); a conjunction starts something else.
                if !w.article, j > i, words[j - 1]?.article == true {
                    // Except an institution's own name after it, when no content follows here
                    // (`وكالة التصنيف الائتماني ستاندرد آند بورز`).
                    guard !nominal, head == .organization, c.isEmpty, w.proclitic.isEmpty, lex.couldBeName(w),
                          orgNameTokens < 3 else { break }
                    orgNameTokens += 1
                    complements += 1; j += 1; last = .complement; continue
                }
                // A conjunction starts something else, except between the complements of a title
                // whose holder's given name follows (`أخصائي طب وجراحة العيون الدكتور خالد`).
                if w.proclitic == "و", name == nil, let g = givenAhead, g > j + 1, c.subtracting(.common).isEmpty, !barrier[j] {
                    complements += 1; j += 1; last = .complement; continue
                }
                if w.proclitic == "و" || w.proclitic == "ف" { break }
                if !w.proclitic.isEmpty, !w.article { break }
                complements += 1; j += 1; last = .complement; continue
            }
            break loop
        }
        // Titles before the name end where it starts; a title after it (apposition) runs on.
        if let s = titleStart, let n = name, s < n.lowerBound { closeTitles(at: n.lowerBound) } else { closeTitles(at: j) }
        guard let head, j > i else { return nil }
        // Drop a trailing quote or bracket that belonged to the phrase's last word only.
        return NounPhrase(range: i..<j, name: name, titles: titles, head: head, feminine: feminine)
    }

    /// End of a second subject joined by و at token `j` (a place or institution after one, a
    /// person after a name), or nil.
    func conjunct(at j: Int, end: Int, afterName: Bool, persons: Bool) -> Int? {
        guard let w = words[j] else { return nil }
        let c = w.classes
        if !afterName, !c.intersection([.place, .organization]).isEmpty {
            let n = lex.longestEntry(lex.organizations, at: j, words: words, limit: end)
            return j + max(1, n)
        }
        if afterName, persons, c.contains(.givenName) || (c.isEmpty && lex.couldBeName(w)) {
            return nameEnd(from: j, end: end, arabic: c.contains(.givenName))
        }
        return nil
    }

    /// Whether a phrase may end before token `k`: punctuation, a function or time word, a title
    /// in apposition, a cue or a complementiser.
    func boundary(_ k: Int) -> Bool {
        if barrier[k] || text.tokens[k].kind == .punct { return true }
        guard let w = words[k] else { return true }
        return !w.classes.intersection([.stop, .time, .title, .honorific, .nationality]).isEmpty || isPrepositional(w)
    }

    /// Whether a word carries an attached preposition (ل، ب، ك) in front of a known word or the
    /// article: `لصحيفة`, `بالمدافع`, `للقضاء`.
    func isPrepositional(_ w: WordInfo) -> Bool {
        guard let p = w.proclitic.last, "لبك".contains(p) else { return false }
        return w.article || !w.classes.isEmpty
    }

    /// End of a personal name starting at `i`: given names, particles, and unknown words (with
    /// the article only after an Arabic given name: `عبدالعزيز الجبرين`, not `بوتين الغرب`).
    func nameEnd(from i: Int, end: Int, arabic: Bool) -> Int {
        var k = i + 1
        // Whether every word so far is a given name or a particle: only then may a family name
        // with the article follow (`عبدالعزيز الجبرين`, `أحمد سيف اليافعي`), and it ends the name
        // (`فلاديمير بوتين الغرب` is Putin and an object).
        var onlyGiven = words[i]?.classes.contains(.givenName) == true
        // A lineage (`مضاوي بنت محمد بن عبد الله بن عبد الرحمن`) may run longer than a name.
        let limit = (i..<min(end, i + PhraseReader.maxNameTokens)).contains { words[$0].map { lex.lineageParticles.contains($0.folded) } == true }
            ? PhraseReader.maxLineageTokens : PhraseReader.maxNameTokens
        while k < end, k - i < limit, !barrier[k], let w = words[k] {
            let c = w.classes
            // `وعلي أكبر ولايتي` after a name starts another name, joined by و.
            if !w.proclitic.isEmpty && !w.article { break }
            // A function word is never inside a name, even one that folds like one (أن/آن).
            if c.contains(.stop) { break }
            // After a particle the next word belongs to the name whatever it looks like
            // (`عبد ربه منصور هادي`, `أبو مازن`).
            if words[k - 1]?.classes == .particle && w.proclitic.isEmpty && !c.contains(.stop) && !w.article { k += 1; continue }
            // The second word of a compound after عبد/أبو belongs to the name even if nothing
            // follows (`خالد بن عبد الله إن …`).
            if let p = words[k - 1], p.classes.contains(.particle), lex.articleParticles.contains(p.folded), w.proclitic.isEmpty,
               !c.contains(.stop), !barrier[k] { k += 1; continue }
            // A particle belongs to the name only when more name follows it (`فان` in `لويس فان
            // جال`, not in `ساموروكوف فان البعض` where it is فإن).
            if c.contains(.particle) && !c.contains(.givenName) {
                guard k + 1 < end, !barrier[k + 1], let n = words[k + 1], n.proclitic.isEmpty,
                      n.classes.isSubset(of: [.givenName, .particle, .feminine]) && !n.article
                        || (n.article && n.classes.isEmpty && lex.articleParticles.contains(w.folded)) else { break }
                k += 1; continue
            }
            if c.contains(.givenName) && !w.article { k += 1; continue }
            // A month or a weekday used as a name between names (`أحمد سيف محرم اليافعي`).
            if c.contains(.time), !w.article, w.proclitic.isEmpty, k + 1 < end, let n = words[k + 1],
               n.proclitic.isEmpty, n.classes.isEmpty, n.article || lex.couldBeName(n), !barrier[k + 1] { k += 1; continue }
            // `عبد العزيز`, `أبو الغيط`: after a particle, a word with the article is part of the
            // same name unit, and more may follow (`عبد العزيز الخالد`).
            if w.article && w.proclitic.isEmpty, let p = words[k - 1], p.classes.contains(.particle), lex.articleParticles.contains(p.folded) { k += 1; continue }
            if !c.isEmpty && !(c == .givenName) { break }
            // `بالتورط`, `للحرب`: a preposition with the article is never inside a name.
            if w.article && !w.proclitic.isEmpty { break }
            if w.article {
                // A family name with the article after given names (`عبدالعزيز الجبرين`), or
                // after one unknown first name when the phrase ends right there (`مكرم الخطيب
                // أن …`, but not `بوتين الغرب بالتورط`).
                if onlyGiven && arabic || (k == i + 1 && c.isEmpty && lex.couldBeName(w) && (k + 1 >= end || boundary(k + 1))) { k += 1 }
                break
            }
            if !w.proclitic.isEmpty || !lex.couldBeName(w, continuing: k > i) || w.folded.hasPrefix("وو") { break }
            onlyGiven = false
            k += 1
        }
        return k
    }
}
