/// Reading each cue's clause: where its content starts and ends, and where its speaker is.
extension DocumentRun {
    /// What opens a cue's content.
    struct Opener {
        enum Kind { case complementiser, colon, quote, governed, speech, merged }
        var kind: Kind
        /// First token of the opener (the end of the subject region).
        var at: Int
        /// First token of the content, and the folded byte it starts at (after a governed
        /// proclitic such as the ب of بوقف).
        var token: Int
        var byte: Int
        var mergedCue: Int?
    }

    func byteStart(_ k: Int) -> Int { k < tokens.count ? tokens[k].bytes.lowerBound : text.source.folded.count }

    /// The governed preposition at token `k`, if the cue governs one there: a separate word
    /// (`إلى`, `على`) or an attached letter (`ب` of `بوقف`). Returns the content start byte.
    func governed(at k: Int, by cue: CueHit) -> (token: Int, byte: Int)? {
        guard k < tokens.count, let w = words[k], !cue.governs.isEmpty else { return nil }
        if cue.governs.contains(w.folded) { return (k + 1, byteStart(k + 1)) }
        for g in cue.governs where g.count == 1 && w.folded.hasPrefix(g) && w.folded.count > 2 {
            // An attached preposition: content starts inside the token, after the letter.
            if w.classes.contains(.stop) { continue }
            return (k, tokens[k].bytes.lowerBound + g.utf8.count)
        }
        return nil
    }

    /// After a complementiser, a colon or a governed preposition, one more opener may follow
    /// directly (`إلى أن`, `أن:`); skip it.
    func settle(_ o: Opener) -> Opener {
        var o = o
        var guardCount = 0
        while o.token < tokens.count, guardCount < 3 {
            guardCount += 1
            if let c = compAt[o.token], o.kind != .complementiser || c.end > o.token {
                if o.kind == .complementiser && o.token == o.at { break }
                o.byte = c.byte; o.token = c.end; o.kind = o.kind == .governed ? .complementiser : o.kind
                continue
            }
            if isPunct(o.token, [":"]) && o.kind != .colon { o.token += 1; o.byte = byteStart(o.token); continue }
            break
        }
        return o
    }

    /// The first opener of `cue`'s content between `a` and `limit`, reading past the subject.
    /// `consumed` collects other cues folded into this one (a saying participle after the
    /// subject, `على لسان` naming a spokesperson).
    func findOpener(from a: Int, limit: Int, cue: CueHit, index: Int, alias: inout NounPhrase?, consumed: inout Set<Int>) -> Opener? {
        var k = a
        // A governed preposition cannot open the content inside the subject phrase
        // (`واتهم الرئيس فلاديمير بوتين الغرب` — the ب of بوتين is not a preposition).
        let subjectEnd = cue.governs.isEmpty ? a : (reader.phrase(at: a, end: limit)?.range.upperBound ?? a)
        while k < limit && k - a <= DocumentRun.maxRegion {
            if let c = compAt[k] ?? (cue.role == .source ? sourceCompAt[k] : nil) {
                // `… إلا أن البيت الأبيض أكد`: a conjunction, which starts another clause;
                // `قبل أن يبدأ زيارته إن …`: an adverbial clause, after which the search goes on.
                if k > a, let w = words[k - 1] {
                    if x.lex.contrastHeads.contains(w.folded) { return nil }
                    if x.lex.adverbialHeads.contains(w.folded) { k += 1; continue }
                }
                return settle(Opener(kind: .complementiser, at: k, token: c.end, byte: c.byte))
            }
            let t = tokens[k]
            if t.kind == .punct {
                if t.mark == ":" { return settle(Opener(kind: .colon, at: k, token: k + 1, byte: t.bytes.upperBound)) }
                if AnalyzedText.isQuoteMark(t.mark), let q = text.quote(openingAt: k) {
                    // A quotation opens the content when it is speech, not a flagged name, and
                    // stands where content goes: right after the cue or a colon, or long enough.
                    let speech = reader.termQuote(at: k) == nil
                    if speech && (k == a || isPunct(k - 1, [":"])
                                  || (q.inner.count >= 3 && (isPunct(k - 1, DocumentRun.commas) || phraseEnds(from: a, at: k)))) {
                        return Opener(kind: .quote, at: k, token: k, byte: t.bytes.lowerBound)
                    }
                    if let close = q.close { k = close + 1; continue }
                    return nil
                }
                k += 1
                continue
            }
            if let ci = cueAt[k], ci != index {
                let other = cues[ci]
                if k > a, let w = words[k - 1], x.lex.subordinators.contains(w.folded), !other.conjunction {
                    // An embedded clause: go on after its next comma.
                    var e = k + 1
                    while e < limit, !isPunct(e, DocumentRun.commas) { e += 1 }
                    k = e + 1
                    continue
                }
                if other.role == .participle && (other.family == "saying" || k == a) && cue.role == .verb
                    && (k == a || phraseEnds(from: a, at: k) || isPunct(k - 1, DocumentRun.commas) && phraseEnds(from: a, at: k - 1)) {
                    // `وحذر الوزير قائلا: "…"`: one content, one attribution.
                    var o = settle(Opener(kind: .merged, at: k, token: other.tokens.upperBound,
                                          byte: byteStart(other.tokens.upperBound), mergedCue: ci))
                    if isPunct(o.token, [":"]) { o.token += 1; o.byte = byteStart(o.token) }
                    return o
                }
                if other.role == .source && cue.role == .verb && other.family != "restating"
                    && (k == a || phraseEnds(from: a, at: k)
                        || (subjectEnd > a && !(subjectEnd..<(k - 1)).contains { isPunct($0, DocumentRun.commas) })) {
                    // `أكد البيت الأبيض على لسان المتحدث باسمه أن …`: the spokesperson is an alias.
                    consumed.insert(ci)
                    let start = other.tokens.upperBound
                    if let np = reader.phrase(at: start, end: limit, object: true) {
                        alias = np
                        k = np.range.upperBound
                    } else {
                        k = start
                    }
                    continue
                }
                return nil
            }
            if let w = words[k], x.lex.speechNouns.contains(w.folded) {
                // `نقلت الوكالة عن مسؤول قوله: …`
                return settle(Opener(kind: .speech, at: k, token: k + 1, byte: byteStart(k + 1)))
            }
            if k >= subjectEnd, let g = governed(at: k, by: cue), k == a || phraseEnds(from: a, at: k) || adjunctsBetween(subjectEnd, k, from: a) {
                return settle(Opener(kind: .governed, at: k, token: g.token, byte: g.byte))
            }
            k += 1
        }
        return nil
    }

    /// Whether the words between a subject phrase (ending at `e`) and token `k` are adjuncts —
    /// a preposition or a time word first, no comma (`ورحب الاتحاد الأوروبي على الفور بخطة …`).
    func adjunctsBetween(_ e: Int, _ k: Int, from a: Int) -> Bool {
        guard e > a, e < k, k - e <= 6 else { return false }
        // Set off by commas (`أعلن المكتب، في بيان، عن …`) or not.
        if isPunct(e, DocumentRun.commas) {
            guard isPunct(k - 1, DocumentRun.commas), e + 1 < k - 1, let w = words[e + 1],
                  !w.classes.intersection([.stop, .time]).isEmpty else { return false }
            return !(e + 1..<k - 1).contains { isPunct($0, DocumentRun.commas) || cueAt[$0] != nil }
        }
        guard let w = words[e], !w.classes.intersection([.stop, .time]).isEmpty else { return false }
        return !(e..<k).contains { isPunct($0, DocumentRun.commas) || cueAt[$0] != nil }
    }

    /// Whether a speaker phrase starting at `a` ends exactly at `k`.
    func phraseEnds(from a: Int, at k: Int) -> Bool {
        guard let np = reader.phrase(at: a, end: k) else { return false }
        return np.range.upperBound == k
    }

    /// The content that starts at token `t` (folded byte `byte`) and ends by `limit`: a whole
    /// quotation when it stands alone, else the clause to the sentence end (trimmed later).
    func content(token t: Int, byte: Int, limit: Int) -> (Range<Int>, Kind, quoted: Bool)? {
        guard t < limit else { return nil }
        var start = t
        while start < limit, tokens[start].kind == .punct, !AnalyzedText.isQuoteMark(tokens[start].mark) { start += 1 }
        guard start < limit else { return nil }
        if AnalyzedText.isQuoteMark(tokens[start].mark), let q = text.quote(openingAt: start), !q.inner.isEmpty {
            let after = (q.close ?? (q.inner.upperBound - 1)) + 1
            // Direct when nothing but punctuation (or a new cue) follows the quotation in the sentence.
            var rest = after
            while rest < limit, tokens[rest].kind == .punct { rest += 1 }
            if reader.termQuote(at: start) == nil, rest >= limit || cueAt[rest] != nil || trailStarts.contains(rest) {
                let r = byteStart(q.inner.lowerBound)..<tokens[q.inner.upperBound - 1].bytes.upperBound
                return (r, .direct, true)
            }
        }
        let startByte = start == t ? byte : byteStart(start)
        var end = limit
        if let trail = trailStarts.first(where: { $0 > start && $0 < end }) { end = trail }
        guard end > start else { return nil }
        let r = startByte..<tokens[end - 1].bytes.upperBound
        return (r, .indirect, false)
    }

    // MARK: Readings per role

    /// Reads every cue in text order.
    mutating func readCues() -> [Reading] {
        var readings: [Reading] = []
        var consumed = Set<Int>()
        readings.append(contentsOf: headingColons())
        for (i, c) in cues.enumerated() {
            if consumed.contains(i) { continue }
            // A cue never runs across a sentence end (a multiword marker split by a full stop).
            if c.tokens.upperBound > sentenceEnd(of: c.tokens.lowerBound) { continue }
            // `قال إنه يتوقع …`: a verb right after a complementiser with a pronoun is the
            // reported clause itself, not a new attribution.
            let s0 = c.tokens.lowerBound
            if c.role == .verb, !c.conjunction, s0 > 0, let w = words[s0 - 1], compAt[s0 - 1] != nil || sourceCompAt[s0 - 1] != nil,
               w.folded.hasSuffix("ه") || w.folded.hasSuffix("ها") || w.folded.hasSuffix("هم") || w.folded.hasSuffix("نا") || w.folded.hasSuffix("ني") {
                continue
            }
            let quoted = inSpeech(c.tokens.lowerBound)
            var r: Reading?
            switch c.role {
            case .verb: r = readVerb(c, index: i, consumed: &consumed)
            case .participle: r = readParticiple(c, index: i, consumed: &consumed)
            case .source: r = readSource(c, index: i, consumed: &consumed)
            case .noun: r = readNoun(c, index: i, consumed: &consumed)
            }
            // A cue inside a quotation counts only with its own explicit source there
            // (`… لكن الجماهير يرون فيها بطولة …`), and its content stays inside the quotation.
            if quoted, var q = r {
                guard case .phrase(let np) = q.source, np.range.lowerBound >= quoteStart(c.tokens.lowerBound) else { continue }
                // `لا يمكن أن يكون قد وعد أحدهم بأي شيء`: a partitive pronoun names nobody.
                if np.range.count == 1, let w = words[np.range.lowerBound], x.lex.partitives[w.stem] != nil || x.lex.partitives[w.folded] != nil { continue }
                let end = quoteEndByte(c.tokens.lowerBound)
                if q.content.upperBound > end { q.content = q.content.lowerBound..<max(q.content.lowerBound, end) }
                r = q
            }
            if let r { readings.append(r) }
        }
        return readings
    }

    /// First token inside the quotation holding token `k`.
    func quoteStart(_ k: Int) -> Int { text.quoteOf[k].map { text.quotes[$0].inner.lowerBound } ?? 0 }

    /// Folded byte where the quotation holding token `k` ends (before its closing mark).
    func quoteEndByte(_ k: Int) -> Int {
        guard let qi = text.quoteOf[k] else { return text.source.folded.count }
        let q = text.quotes[qi]
        return tokens[q.inner.upperBound - 1].bytes.upperBound
    }

    func reading(_ c: CueHit, _ source: SpeakerSource, _ content: (Range<Int>, Kind, quoted: Bool), confidence: Double) -> Reading {
        Reading(cue: c, source: source, alias: nil, content: content.0, kind: content.1, quoted: content.quoted,
                sentence: sentenceEnd(of: c.tokens.lowerBound), confidence: confidence * c.confidence)
    }

    mutating func readVerb(_ c: CueHit, index: Int, consumed: inout Set<Int>) -> Reading? {
        reader.personConjuncts = c.plural || c.dual
        defer { reader.personConjuncts = false }
        let a = c.tokens.upperBound
        let sEnd = sentenceEnd(of: c.tokens.lowerBound)
        var alias: NounPhrase?
        if let op = findOpener(from: a, limit: sEnd, cue: c, index: index, alias: &alias, consumed: &consumed) {
            // Stance verbs count only with a proposition or quoted words (convention 6):
            // `أشاد بالمدافع` praises someone, it reports nothing.
            if c.family == "stance" && op.kind == .governed {
                // … unless the object quotes the speaker's words (`رحب بخطة أوباما و"جهوده الصادقة"`).
                // Only the object itself: quotations after the next cue are that cue's
                // (`وقلل X من أهمية …، وقال لـ"دنيا الرياضة" …`).
                let nextCue = (op.token..<sEnd).first { cueAt[$0] != nil } ?? sEnd
                guard let b = content(token: op.token, byte: op.byte, limit: min(contentLimit(op.token, sEnd), nextCue)), hasQuotedSpeech(b.0) else { return nil }
            }
            if let m = op.mergedCue { consumed.insert(m) }
            guard let body = content(token: op.token, byte: op.byte, limit: contentLimit(op.token, sEnd)) else { return nil }
            let region = a..<(op.kind == .merged ? op.at : op.at)
            var source: SpeakerSource?
            // `كيري يحذر الكونجرس من …`: a present-tense verb after its named subject; what
            // follows it is the object.
            if !c.conjunction, isPresentTense(c), case .phrase(let pre)? = subjectBefore(c), pre.name != nil || !pre.titles.isEmpty {
                source = .phrase(pre)
            }
            if source == nil, !region.isEmpty {
                source = subject(in: region, cue: c)
                // `في حين حث الأطراف المتحاربة على السعي …`: a call's addressee, not its subject.
                if c.family == "calling", op.kind == .governed, case .phrase(let p)? = source, p.head == .unnamed,
                   p.range.lowerBound == region.lowerBound, let w = words[p.range.lowerBound], x.lex.addressees.contains(w.stem) {
                    source = c.conjunction ? .continuation : (subjectBefore(c) ?? .continuation)
                }
            }
            if source == nil { source = subjectBefore(c) }
            guard let source else { return nil }
            var r = reading(c, source, body, confidence: 0.92)
            r.alias = alias
            return r
        }
        // A quotation that ends the sentence after adjuncts is the content (`وقال للصحافيين بعد
        // لقائه ممثلي الدائنين «سيختتم كل شيء هذا الأسبوع»`).
        if let q = closingQuote(after: a, limit: sEnd) {
            let np = reader.phrase(at: a, end: q.open)
            let source: SpeakerSource? = np.map { .phrase($0) } ?? subjectBefore(c)
            if let source {
                let r = byteStart(q.inner.lowerBound)..<tokens[q.inner.upperBound - 1].bytes.upperBound
                return reading(c, source, (r, .direct, true), confidence: 0.8)
            }
        }
        // A quotation right before the verb is its content (`"سنواصل العمل"، قال الوزير`).
        if let q = quoteBefore(c.tokens.lowerBound), let np = reader.phrase(at: a, end: sEnd) {
            let r = byteStart(q.inner.lowerBound)..<tokens[q.inner.upperBound - 1].bytes.upperBound
            return reading(c, .phrase(np), (r, .direct, true), confidence: 0.85)
        }
        // No opener: a nominal content after the subject (`اتهم بوتين الغرب بالتورط …`).
        guard c.family != "stance" else { return nil }
        // A subject before the verb (`بوتين يؤكد نشر …`) comes first; after the verb, an
        // unknown word is a name only if the document or the gazetteer knows it, since a
        // nominal content starts right there (`يؤكد نشر`).
        let before = c.conjunction ? nil : subjectBefore(c)
        var np: NounPhrase?
        if case .phrase? = before { np = nil } else {
            np = reader.phrase(at: a, end: sEnd, nominal: true)
            if let p = np, p.titles.isEmpty, p.head == .person, let name = p.name, !isKnownName(name) { np = nil }
        }
        // `في حين حث الأطراف المتحاربة على السعي …`: a call's addressee, not its subject.
        var addressee = false
        if c.family == "calling", let p = np, p.head == .unnamed, let w = words[p.range.lowerBound], x.lex.addressees.contains(w.stem),
           governed(at: p.range.upperBound, by: c) != nil {
            addressee = true
        }
        var start = np?.range.upperBound ?? a
        if addressee { np = nil }
        start = skipRecipient(start, limit: sEnd)
        var byte = byteStart(start)
        if let g = governed(at: start, by: c) { start = g.token; byte = g.byte }
        else if !c.governs.isEmpty, np != nil || before != nil, start < sEnd,
                words[start].map({ !$0.classes.intersection([.stop, .time]).isEmpty }) == true,
                let g = governedAhead(from: start, limit: min(sEnd, start + 12), cue: c) {
            // `وطالب مورار في ختام زيارته لليمن بالسماح …`: adjuncts, then the governed object.
            start = g.token; byte = g.byte
        }
        guard start < sEnd else { return nil }
        let wordsAfter = (start..<sEnd).filter { tokens[$0].kind == .word }.count
        guard wordsAfter >= 3, let body = content(token: start, byte: byte, limit: sEnd) else { return nil }
        // `nominal: past` (اعتبر): a present tense with a nominal content is the passive
        // (`ويعتبر بلاتيني من أقوى المرشحين`, is considered) unless the verb is plainly active:
        // it carries its object (`يعتبرونها مباراة إعداد`) or a titled subject stands before it
        // (`رئيس الأركان الجديد يعتبر روسيا خطرا`). `nominal: no` never takes one.
        if c.rule["nominal"] == "no" { return nil }
        if c.rule["nominal"] == "past" && isPresentTense(c) {
            var titledSubject = false
            if case .phrase(let p)? = before { titledSubject = !p.titles.isEmpty && p.head == .person }
            // `تعتبر من أكثر الدول`: is counted among, whatever the subject.
            if let w = words[start], w.classes.contains(.stop) { titledSubject = false }
            guard titledSubject || carriesObject(c) else { return nil }
        }
        // A nominal content names what was said, not where or of what (`وتابعت في بيانها`,
        // `وأكد هذه المعلومات`, `واختتم حديثه`).
        if start == (np?.range.upperBound ?? a) || start == skipRecipient(np?.range.upperBound ?? a, limit: sEnd),
           let w = words[start], w.classes.contains(.stop), !w.classes.contains(.quantifier), wordsAfter <= 4 { return nil }
        // `واختتم حديثه قائلاً: …`: an object of one or two words and then a participle cue;
        // the participle introduces the content, the verb adds none (convention 5).
        if let p = (start..<min(sEnd, start + 4)).first(where: { cueAt[$0] != nil }), p > start,
           (start..<p).filter({ tokens[$0].kind == .word }).count <= 2,
           let pi = cueAt[p], cues[pi].role == .participle { return nil }
        guard let source: SpeakerSource = np.map({ .phrase($0) }) ?? before ?? subjectBefore(c) else { return nil }
        // `ويعتبر هذا المستوى أقل …` is passive (is considered): a present-tense verb with a
        // nominal content and no subject of its own reports nothing.
        if case .continuation = source, isPresentTense(c), !carriesObject(c) { return nil }
        return reading(c, source, body, confidence: 0.8)
    }

    /// The first governed preposition from `k` on, before a comma or another cue.
    func governedAhead(from k: Int, limit: Int, cue: CueHit) -> (token: Int, byte: Int)? {
        var j = k
        while j < limit, cueAt[j] == nil, !isPunct(j, DocumentRun.commas) {
            if let g = governed(at: j, by: cue) { return g }
            j += 1
        }
        return nil
    }

    /// Past whom the speaker spoke to, right after the subject: `لـ«عكاظ»`, `لصحيفة الحياة`,
    /// `للصحفيين`, so that a nominal content starts after it.
    func skipRecipient(_ k: Int, limit: Int) -> Int {
        guard k < limit, let w = words[k] else { return k }
        if w.folded == "ل", k + 1 < limit, let q = text.quote(openingAt: k + 1), let close = q.close, close < limit {
            return close + 1
        }
        if w.proclitic.hasSuffix("ل"), !w.classes.intersection([.outlet, .organization, .unnamed]).isEmpty {
            var e = k + 1
            while e < limit, let n = words[e], n.article || !n.classes.intersection([.nationality, .outlet]).isEmpty { e += 1 }
            if e < limit, let q = text.quote(openingAt: e), let close = q.close, close < limit { e = close + 1 }
            return e
        }
        return k
    }

    /// A quotation of speech between `a` and `limit` with no cue before it and nothing but
    /// punctuation after it in the sentence.
    func closingQuote(after a: Int, limit: Int) -> AnalyzedText.Quote? {
        var k = a
        while k < limit {
            if cueAt[k] != nil || compAt[k] != nil { return nil }
            if tokens[k].kind == .punct, AnalyzedText.isQuoteMark(tokens[k].mark), let q = text.quote(openingAt: k) {
                guard reader.termQuote(at: k) == nil, !q.inner.isEmpty else {
                    if let close = q.close { k = close + 1; continue } else { return nil }
                }
                var rest = (q.close ?? (q.inner.upperBound - 1)) + 1
                while rest < limit, tokens[rest].kind == .punct { rest += 1 }
                return rest >= limit ? q : nil
            }
            k += 1
        }
        return nil
    }

    /// The quotation that closes right before token `s` (past a comma), if any.
    func quoteBefore(_ s: Int) -> AnalyzedText.Quote? {
        var k = s - 1
        while k >= 0, isPunct(k, DocumentRun.commas) { k -= 1 }
        guard k > 0, tokens[k].kind == .punct, AnalyzedText.isQuoteMark(tokens[k].mark),
              let q = text.quotes.first(where: { $0.close == k }), !q.inner.isEmpty,
              reader.termQuote(at: q.open) == nil else { return nil }
        return q
    }

    /// Content may not run into furniture at the end of a paragraph.
    func contentLimit(_ start: Int, _ sEnd: Int) -> Int {
        var k = start
        while k < sEnd, !furniture[k] { k += 1 }
        return k
    }

    /// The subject in the words between a verb and its content's opener: a relayed source
    /// (`نقلت الوكالة عن مسؤول`), the phrase right after the verb, or a titled phrase after an
    /// adjunct (`قال في تصريح لـ«عكاظ» مدير الشرطة`). Nil when the words are an object.
    func subject(in region: Range<Int>, cue c: CueHit) -> SpeakerSource? {
        if let relay = c.relay, let r = region.first(where: { words[$0]?.folded == relay }),
           let np = reader.phrase(at: r + 1, end: region.upperBound) {
            return .phrase(np)
        }
        // `وأفادت صحيفة حرييت الخميس نقلا عن مسؤولين أتراك أن`: a relaying marker in the region.
        if let k = region.first(where: { cueAt[$0].map { cues[$0].rule["relayed"] == "yes" } == true }), let ci = cueAt[k],
           let np = reader.phrase(at: cues[ci].tokens.upperBound, end: region.upperBound) {
            return .phrase(np)
        }
        if let np = reader.phrase(at: region.lowerBound, end: region.upperBound) { return .phrase(np) }
        // `وقال الصياد حبيب الصادق لـ"الوطن" إن`: a noun with the article that no list knows,
        // right before a given name, describes the person (an occupation the titles lack).
        let d = region.lowerBound
        if d + 1 < region.upperBound, let w = words[d], w.classes.subtracting(.common).isEmpty, w.article,
           words[d + 1]?.classes.contains(.givenName) == true,
           var np = reader.phrase(at: d + 1, end: region.upperBound), np.name != nil, np.head == .person {
            np.titles.insert(d..<d + 1, at: 0)
            np.range = d..<np.range.upperBound
            return .phrase(np)
        }
        for k in region.dropFirst() {
            guard let w = words[k], !w.classes.intersection([.title, .honorific, .givenName, .organization, .unnamed, .outlet]).isEmpty,
                  !reader.isPrepositional(w) else { continue }
            // Only after a comma or a time word: a noun after a preposition is its object
            // (`قال الطراونة، في تصريحات لقناة المملكة، إن`).
            // An opening quotation mark does not count: `في حديثه إلى "الوطن"` is still the
            // preposition's object.
            let opensQuote = text.quoteOf[k].map { text.quotes[$0].open == k - 1 } == true
            guard (tokens[k - 1].kind == .punct && !opensQuote) || words[k - 1]?.classes.contains(.time) == true else { continue }
            if let np = reader.phrase(at: k, end: region.upperBound, bare: false) { return .phrase(np) }
        }
        return nil
    }

    /// Where the speaker is when no subject follows the verb: before it (`بوتين يؤكد`, `الوزير
    /// الذي قال`), or nowhere (a continuation). Nil when the verb's subject is something that
    /// cannot speak (`قرارات … تؤكد`, `اتفاق أعلن`): no attribution.
    func subjectBefore(_ c: CueHit) -> SpeakerSource? {
        let s = c.tokens.lowerBound
        if c.conjunction { return .continuation }
        let start = sentenceStart(of: s)
        var b = s
        while b > start, tokens[b - 1].kind == .word, s - b < 8, !reader.barrier[b - 1], !furniture[b - 1] { b -= 1 }
        if b == s {
            // Nothing but punctuation (or the sentence start) before the verb. A present-tense
            // verb right after a comma describes the noun before it (`تلقت بلاغا …، يفيد
            // بتحركات`), unless a conjunction or a colon marks a new clause.
            if s > start, isPunct(s - 1, DocumentRun.commas), isPresentTense(c) { return nil }
            return .continuation
        }
        if let w = words[s - 1], x.lex.relatives.contains(w.folded) {
            if s - 1 > start, let np = phraseEnding(at: s - 1, from: max(start, s - 9)) { return .phrase(np) }
            return .continuation
        }
        // `وكانت تركيا قد أعلنت`, `وكان مسؤولون في واشنطن قد صرحوا`: the subject stands between
        // the auxiliary and قد.
        if let w = words[s - 1], x.lex.perfectParticles.contains(w.folded),
           let k = (max(start, s - 14)..<(s - 1)).last(where: { words[$0].map { x.lex.auxiliaries.contains($0.folded) } == true }),
           k + 1 < s - 1, !(k + 1..<s - 1).contains(where: { cueAt[$0] != nil || compAt[$0] != nil }),
           let np = reader.phrase(at: k + 1, end: s - 1), np.range.upperBound == s - 1 {
            return .phrase(np)
        }
        if let w = words[s - 1], w.classes.contains(.stop) { return .continuation }
        for b2 in b..<s {
            // A phrase after a noun is that noun's genitive (`قرارات الحكومة … تؤكد`): the
            // subject is the noun, which does not speak.
            if b2 > b, let prev = words[b2 - 1], prev.classes.isDisjoint(with: [.stop, .particle, .givenName, .title, .honorific]),
               compAt[b2 - 1] == nil, sourceCompAt[b2 - 1] == nil, reader.phrase(at: b2 - 1, end: s, bare: false) == nil {
                if let np = reader.phrase(at: b2, end: s, bare: false), np.range.upperBound == s { return nil }
                continue
            }
            if let np = reader.phrase(at: b2, end: s, bare: b2 == b), np.range.upperBound == s {
                if np.titles.isEmpty, let name = np.name, np.head == .person, !isKnownName(name) { continue }
                // The object of a preposition (`… من قبل لجنة الاحتراف أكد`) is not the subject:
                // the subject is the phrase that opens the clause, before the adjuncts.
                if b2 > start, let prev = words[b2 - 1], x.lex.prepositions.contains(prev.folded),
                   let subject = subjectBeforeAdjuncts(s, from: start) {
                    return .phrase(subject)
                }
                return .phrase(np)
            }
        }
        // `وعن مستوى التنسيق … قال:` — a fronted prepositional phrase, then the verb.
        var clauseStart = s - 1
        while clauseStart > start, !isPunct(clauseStart - 1, DocumentRun.commas) { clauseStart -= 1 }
        if let w = words[clauseStart], x.lex.fronting.contains(w.folded) || x.lex.fronting.contains(w.stem)
            || (!w.proclitic.isEmpty && x.lex.fronting.contains(String(w.folded.dropFirst(w.proclitic.count)))) {
            return .continuation
        }
        return nil
    }

    /// A subject phrase that opens the clause and is followed only by adjuncts up to the verb at
    /// `s`: a preposition or time word first, no comma or other cue in between
    /// (`اللاعب X خلال استجوابه من قبل لجنة الاحتراف أكد`).
    func subjectBeforeAdjuncts(_ s: Int, from start: Int) -> NounPhrase? {
        var a = s - 1
        while a > start, s - a < 16, tokens[a - 1].kind == .word, !reader.barrier[a - 1], !furniture[a - 1] { a -= 1 }
        // Only at the clause start: the sentence start or punctuation, then any function words
        // (`أن اللاعب …`, `كما أن الوزير …`).
        guard a == start || tokens[a - 1].kind != .word || reader.barrier[a - 1]
              || words[a - 1].map({ $0.classes.contains(.stop) }) == true else { return nil }
        while a < s, let w = words[a], w.classes.contains(.stop) { a += 1 }
        guard let np = reader.phrase(at: a, end: s, bare: false) else { return nil }
        let e = np.range.upperBound
        // Not a preposition that may continue a title (`السفير في لبنان`): an adjunct opener
        // proper (`خلال`, `بعد`, `مع`) or a time word.
        guard e < s, let w = words[e], !x.lex.chainPrepositions.contains(w.folded),
              x.lex.prepositions.contains(w.folded) || w.classes.contains(.time) else { return nil }
        if (e..<s).contains(where: { cueAt[$0] != nil }) { return nil }
        return np
    }

    /// Whether a verb cue's word ends in an object pronoun that its lemma does not end in
    /// (`يعتبرونها`, `يعتبره`; not `ينبه`).
    func carriesObject(_ c: CueHit) -> Bool {
        let w = tokens[c.tokens.upperBound - 1].text
        let lemma = ArabicFolding.fold(c.lemma)
        return x.lex.objectPronouns.contains { w.hasSuffix($0) && !lemma.hasSuffix($0) && w.count > lemma.count + $0.count }
    }

    /// Whether a verb cue is in the present tense: its word starts with a present prefix that
    /// its lemma does not start with (`يؤكد` for أكد, `تقول` for قال).
    func isPresentTense(_ c: CueHit) -> Bool {
        guard c.role == .verb else { return false }
        var w = tokens[c.tokens.lowerBound].text
        if c.conjunction { w.removeFirst() }
        let lemma = ArabicFolding.fold(c.lemma)
        guard let f = w.first, "يتن".contains(f) else { return false }
        return lemma.first != f || w.dropFirst().first == f
    }

    /// A speaker phrase that ends right before token `end`, starting no earlier than `from`.
    func phraseEnding(at end: Int, from: Int) -> NounPhrase? {
        for b in from..<end {
            if let np = reader.phrase(at: b, end: end, bare: false), np.range.upperBound == end { return np }
        }
        return nil
    }

    /// A bare name before a verb counts only if the document names that person elsewhere with
    /// a title or a given name, or the gazetteer knows it.
    func isKnownName(_ name: Range<Int>) -> Bool {
        let stems = nameKey(name)
        if mentions.contains(where: { m in DocumentEntities.sameName(entities[m.entity].names[0], stems, givenNames: x.givenNames)
            || entities[m.entity].names.contains { DocumentEntities.sameName($0, stems, givenNames: x.givenNames) } }) { return true }
        return x.pack.gazetteer.entity(forName: text.text(of: name)) != nil
    }

    mutating func readParticiple(_ c: CueHit, index: Int, consumed: inout Set<Int>) -> Reading? {
        let a = c.tokens.upperBound
        let sEnd = sentenceEnd(of: c.tokens.lowerBound)
        var alias: NounPhrase?
        if let op = findOpener(from: a, limit: min(sEnd, a + 8), cue: c, index: index, alias: &alias, consumed: &consumed),
           let body = content(token: op.token, byte: op.byte, limit: contentLimit(op.token, sEnd)) {
            return reading(c, .clause, body, confidence: 0.88)
        }
        var start = a
        var byte = byteStart(a)
        if let g = governed(at: a, by: c) { start = g.token; byte = g.byte }
        guard start < sEnd else { return nil }
        let wordsAfter = (start..<sEnd).filter { tokens[$0].kind == .word }.count
        guard wordsAfter >= 1, c.family != "stance", let body = content(token: start, byte: byte, limit: sEnd) else { return nil }
        return reading(c, .clause, body, confidence: 0.8)
    }

    mutating func readSource(_ c: CueHit, index: Int, consumed: inout Set<Int>) -> Reading? {
        let sStart = sentenceStart(of: c.tokens.lowerBound)
        let sEnd = sentenceEnd(of: c.tokens.lowerBound)
        var k = c.tokens.upperBound
        var cue = c
        // `حسب ما صرح به`, `حسبما ذكرت الصحيفة`: the verb belongs to the marker.
        if k < sEnd, words[k]?.folded == "ما" { k += 1 }
        if k < sEnd, let ci = cueAt[k], cues[ci].role == .verb {
            consumed.insert(ci)
            let v = cues[ci]
            cue = c.extended(to: v.tokens.upperBound, spanEnd: v.span.upperBound, agreement: v)
            k = v.tokens.upperBound
        } else if k < sEnd, k > c.tokens.lowerBound, words[k - 1]?.folded.hasSuffix("ما") == true,
                  let v = words[k], v.classes.subtracting(.common).isEmpty, !v.article, k + 1 < sEnd {
            // `بحسب ما أفصح عنه المدرب`, `حسبما نقلته الوكالة`: a verb the cue set does not take
            // here (with an object pronoun, or governing a preposition with one); the phrase
            // after it is the speaker, and the verb is never a name.
            k += 1
            if let p = words[k], p.classes.contains(.stop), p.folded.count > 2,
               x.lex.objectPronouns.contains(where: { p.folded.hasSuffix($0) }) { k += 1 }
            // The cue is the marker with its verb, as annotated (`حسب ما صرح به`).
            cue = c.extended(to: k, spanEnd: tokens[k - 1].span.upperBound, agreement: c)
        }
        // `على حد تعبيره`, `حسب قوله` restate the speaker: they add no attribution (convention 5).
        if c.family == "restating" { return nil }
        var restating = false
        if k < sEnd, let w = words[k], x.lex.restating.contains(w.folded) { restating = true; k += 1 }
        var np: NounPhrase?
        if !restating {
            np = reader.phrase(at: k, end: sEnd, object: true)
            if np == nil, k < sEnd, let w = words[k], w.classes.contains(.stop), k + 1 < sEnd {
                // `حسب ما صرح به`: a pronoun stands for the speaker.
                if cue.tokens.upperBound > c.tokens.upperBound { restating = false }
                k += 1
            }
        }
        let afterNP = np?.range.upperBound ?? k
        // `وبحسب رويترز، قال الوزير …`: the relayed speaker's own cue carries the content.
        var next = afterNP
        while next < sEnd, tokens[next].kind == .punct, !AnalyzedText.isQuoteMark(tokens[next].mark) { next += 1 }
        if let c2 = sourceCompAt[next] { next = c2.end }
        if next < sEnd, let ci = cueAt[next], cues[ci].role == .verb, np != nil { return nil }
        let statement = c.family == "statement"
        let speaker: SpeakerSource
        if let np { speaker = statement || np.head == .document ? .issuer(np) : .phrase(np) } else { speaker = .continuation }
        if np == nil && !restating && cue.tokens.upperBound == c.tokens.upperBound && !statement { return nil }

        // Content after the marker's phrase: an opener nearby, or the marker opens the sentence.
        var dummy: NounPhrase?
        var none = Set<Int>()
        if let op = findOpener(from: afterNP, limit: min(sEnd, afterNP + 10), cue: cue, index: index, alias: &dummy, consumed: &none),
           op.kind != .governed, let body = content(token: op.token, byte: op.byte, limit: contentLimit(op.token, sEnd)) {
            var r = reading(cue, speaker, body, confidence: 0.85)
            r.restating = restating
            return r
        }
        let initial = c.tokens.lowerBound == sStart || isPunct(c.tokens.lowerBound - 1, DocumentRun.commas.union([":"]))
            && c.conjunction
        var before = c.tokens.lowerBound
        while before > sStart, tokens[before - 1].kind == .punct, !AnalyzedText.isQuoteMark(tokens[before - 1].mark) { before -= 1 }
        let parenthetical = c.tokens.lowerBound > sStart && isPunct(c.tokens.lowerBound - 1, DocumentRun.dashes.union(["("]))
        if parenthetical {
            // `القوات - وبحسب قناة "العربية" - قد أحبطت …`: the whole clause around it.
            var start = sStart
            if let lastComp = compAt.filter({ $0.key >= sStart && $0.key < c.tokens.lowerBound }).max(by: { $0.key < $1.key }) {
                start = lastComp.value.end
            }
            guard let body = content(token: start, byte: byteStart(start), limit: sEnd) else { return nil }
            return reading(cue, speaker, body, confidence: 0.75)
        }
        if initial || before == sStart {
            var start = afterNP
            while start < sEnd, tokens[start].kind == .punct { start += 1 }
            // `وبحسب رويترز قال الوزير …`: the relayed speaker's own cue carries the content.
            if start < sEnd, let ci = cueAt[start], cues[ci].role == .verb { return nil }
            guard (start..<sEnd).filter({ tokens[$0].kind == .word }).count >= 2,
                  let body = content(token: start, byte: byteStart(start), limit: sEnd) else { return nil }
            var r = reading(cue, speaker, body, confidence: 0.8)
            r.restating = restating
            return r
        }
        // Postposed: `الحكومة ستخفض الضرائب، بحسب مصادر مطلعة`.
        var start = sStart
        if let lastOpen = compAt.filter({ $0.key >= sStart && $0.key < before }).max(by: { $0.key < $1.key }) {
            start = lastOpen.value.end
        }
        guard before > start, (start..<before).filter({ tokens[$0].kind == .word }).count >= 2 else { return nil }
        var body = content(token: start, byte: byteStart(start), limit: before)
        if body?.1 == .direct, let b = body {
            body = (b.0, .direct, true)
        }
        guard let body else { return nil }
        var r = reading(cue, speaker, body, confidence: 0.8)
        r.restating = restating
        return r
    }

    mutating func readNoun(_ c: CueHit, index: Int, consumed: inout Set<Int>) -> Reading? {
        let a = c.tokens.upperBound
        let sEnd = sentenceEnd(of: c.tokens.lowerBound)
        guard let np = reader.phrase(at: a, end: sEnd) else { return nil }
        var alias: NounPhrase?
        guard let op = findOpener(from: np.range.upperBound, limit: min(sEnd, np.range.upperBound + 8), cue: c, index: index, alias: &alias, consumed: &consumed),
              op.kind != .governed,
              let body = content(token: op.token, byte: op.byte, limit: contentLimit(op.token, sEnd)) else { return nil }
        return reading(c, .phrase(np), body, confidence: 0.75)
    }

    /// ANNOTATION.md convention 1: a headline or short sub-heading `Name: claim` is an
    /// attribution whose cue is the colon (rules of the `head` set find the colon).
    func headingColons() -> [Reading] {
        var out: [Reading] = []
        for (rule, colon) in headingHits where !furniture[colon] {
            let para = tokens[colon].paragraph
            guard para < text.paragraphs.count else { continue }
            let p = text.paragraphs[para]
            // The headline, or a short paragraph without a final full stop (a sub-heading).
            let last = tokens[p.upperBound - 1]
            guard para == 0 || (p.count <= 25 && !(last.kind == .punct && last.mark == ".")) else { continue }
            guard colon > p.lowerBound, colon - p.lowerBound <= 6 else { continue }
            var found = reader.phrase(at: p.lowerBound, end: colon)
            if found == nil, colon - p.lowerBound <= 3, (p.lowerBound..<colon).allSatisfy({ words[$0] != nil }),
               isKnownName(p.lowerBound..<colon) {
                // `الخالد: …` — a surname the article names in full elsewhere.
                found = NounPhrase(range: p.lowerBound..<colon, name: p.lowerBound..<colon, head: .person)
            }
            guard let np = found, np.range.upperBound >= colon - 1 else { continue }
            // `مالي: …`, `بيروت: …`: a place alone before the colon is the story's location
            // (a kicker), not a source.
            if np.range.count == 1, let w = words[np.range.lowerBound], w.classes.contains(.place),
               w.classes.intersection([.organization, .title, .givenName]).isEmpty { continue }
            let end = p.upperBound
            guard (colon + 1..<end).filter({ tokens[$0].kind == .word }).count >= 2,
                  let body = content(token: colon + 1, byte: byteStart(colon + 1), limit: end) else { continue }
            let hit = CueHit(rule: rule, role: .source, lemma: ":", family: "headline",
                             tokens: colon..<(colon + 1), span: tokens[colon].span, feminine: false, plural: false, dual: false,
                             governs: [], relay: nil, confidence: 1, conjunction: false)
            out.append(Reading(cue: hit, source: .phrase(np), alias: nil, content: body.0, kind: body.1, quoted: body.quoted,
                               sentence: end, confidence: 0.85))
        }
        return out
    }
}
