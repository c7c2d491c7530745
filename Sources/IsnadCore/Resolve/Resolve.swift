/// Resolving speakers in text order and finishing contents.
extension DocumentRun {
    /// One resolved speaker, remembered for continuations.
    struct Said {
        var speaker: Speaker
        var entity: Int?
        var sentence: Int
        var token: Int
    }

    mutating func resolve() -> [Attribution] {
        var readings = readCues().sorted { $0.cue.tokens.lowerBound < $1.cue.tokens.lowerBound }
        readingCues = Set(readings.map(\.cue.tokens.lowerBound))
        spoken = []
        for i in readings.indices {
            let r = readings[i]
            let sentence = tokens[r.cue.tokens.lowerBound].sentence
            var resolved: (Speaker, Int?, Double)
            switch r.source {
            case .phrase(let np) where np.head == .document:
                issuedContents = readings[..<i].map(\.content)
                resolved = issuer(of: np, cue: r.cue)
            case .phrase(let np):
                resolved = speaker(for: np, cue: r.cue)
            case .issuer(let np):
                issuedContents = readings[..<i].map(\.content)
                resolved = issuer(of: np, cue: r.cue)
            case .continuation:
                resolved = continuation(for: r.cue)
            case .clause:
                resolved = clauseSpeaker(of: r, before: readings[..<i])
            }
            if let alias = r.alias {
                resolved.0.aliases.append(phraseText(alias))
            }
            readings[i].speaker = resolved.0
            readings[i].entity = resolved.1
            readings[i].confidence *= resolved.2
            if let e = resolved.1 { entities[e].hasSpoken = true }
            // A source quoted inside someone's words does not take over the narration.
            let cueByte = tokens[r.cue.tokens.lowerBound].bytes.lowerBound
            let nested = readings[..<i].contains { $0.content.contains(cueByte) && $0.entity != resolved.1 }
            // Nor does a sub-heading inside the article (`السلطان: …`): it is a teaser, not the
            // narration's last speaker. The headline does: the first paragraph often goes on
            // without naming its source again.
            let subheading = r.cue.family == "headline" && tokens[r.cue.tokens.lowerBound].paragraph > 0
            if !inSpeech(r.cue.tokens.lowerBound) && !nested && !subheading {
                spoken.append(Said(speaker: resolved.0, entity: resolved.1, sentence: sentence, token: r.cue.tokens.lowerBound))
            }
        }
        // `وتوقع الوزير انخفاض الأسعار … وفقا للدراسة التي قامت بها الحكومة`: a source marker
        // inside another attribution's content, over that same content, is the speaker's own
        // evidence, not a second attribution (convention 5). Decided before contents are trimmed.
        // Only when that attribution's verb opens the clause the marker is about (the marker's
        // content starts at it), not a verb embedded further in (`… الذي أعلن نيته …، بحسب ما
        // ذكرت صحيفة النهار`).
        readings = readings.filter { r in
            guard r.cue.role == .source else { return true }
            let cueByte = tokens[r.cue.tokens.lowerBound].bytes.lowerBound
            let first = text.tokenIndex(atByte: r.content.lowerBound)
            return !readings.contains { o in o.cue.tokens != r.cue.tokens && o.cue.role != .source && !o.quoted
                && o.content.contains(cueByte) && o.cue.tokens.lowerBound >= first && o.cue.tokens.lowerBound <= first + 1 }
        }
        trimContents(&readings)
        return finish(readings)
    }

    /// A phrase as a speaker's name: its words as written, without quotation marks and
    /// brackets (`قناة "العربية"` → `قناة العربية`), one space between words.
    func phraseText(_ np: NounPhrase) -> String {
        var out = ""
        var r = np.range
        // Trailing punctuation (a closing mark or bracket) is dropped with the others below.
        while r.count > 1, tokens[r.upperBound - 1].kind == .punct { r = r.lowerBound..<(r.upperBound - 1) }
        for k in r {
            let t = tokens[k]
            if t.kind == .punct && (AnalyzedText.isQuoteMark(t.mark) || t.mark == "(" || t.mark == ")") { continue }
            let piece = text.source.text(t.span)
            if !out.isEmpty && (t.spaceBefore || (k > r.lowerBound && tokens[k - 1].kind == .punct)) && t.kind == .word { out += " " }
            out += piece
        }
        return out
    }

    func mentionSpan(_ r: Range<Int>) -> Span {
        let s = text.span(of: r)
        return Span(text: text.source.text(s), start: s.lowerBound, end: s.upperBound)
    }

    func stems(_ r: Range<Int>) -> [String] {
        r.compactMap { words[$0]?.stem }
    }

    /// The speaker a phrase names, through the document's entities.
    mutating func speaker(for np: NounPhrase, cue: CueHit) -> (Speaker, Int?, Double) {
        let mention = mentionSpan(np.range)
        switch np.head {
        case .person:
            // Two or more persons joined by و (`المدربان عبد العزيز الخالد وتركي السلطان`,
            // `حسن روحاني ومحمد جواد ظريف`): one speaker as written (convention 11), a group of
            // its own; each person is known by name for later mentions.
            if let name = np.name, let joined = conjoinedNames(name) {
                for part in joined {
                    _ = entities.person(named: nameKey(part), tokens: part, text: nameText(part), givenNames: x.givenNames)
                }
                let text = nameText(name)
                let e = entities.group(.person, stems: nameKey(name), tokens: name, text: text)
                entities[e].plural = true
                return (Speaker(name: text, mention: mention, resolution: .explicit, type: .person), e, 0.9)
            }
            if let name = np.name {
                let e = register(np, name: name)
                learnGender(e, from: cue, np: np)
                let ent = entities[e]
                let resolution: Resolution = nameKey(name).count >= ent.bestCount ? .explicit : .alias
                let gaz = x.pack.gazetteer.entity(forName: ent.bestText)
                return (Speaker(name: ent.bestText, mention: mention, resolution: resolution, entity: gaz?.id, type: .person), e, 1.0)
            }
            let key = np.titles.flatMap { $0.compactMap { k -> String? in
                guard let w = words[k], !w.classes.contains(.honorific) else { return nil }
                return w.stem
            } }
            let head = np.range.first { words[$0]?.classes.contains(.title) == true }.flatMap { words[$0]?.stem } ?? key.first ?? ""
            let descriptors = Set(np.range.compactMap { k -> String? in
                guard let w = words[k], w.classes.contains(.nationality) else { return nil }
                return w.stem
            })
            // `لكن محققين ذكروا`: title holders in the plural, never named, are anonymous.
            if np.range.contains(where: { words[$0]?.classes.contains(.dual) == true }) {
                let e = entities.group(.unnamed, stems: stems(np.range), tokens: np.range, text: phraseText(np))
                entities[e].plural = true
                return (Speaker(name: phraseText(np), mention: mention, resolution: .unnamed, type: .unnamed), e, 0.9)
            }
            if let e = entities.resolve(title: key, head: head, at: np.range.lowerBound, descriptors: descriptors) {
                learnGender(e, from: cue, np: np)
                let ent = entities[e]
                let gaz = x.pack.gazetteer.entity(forName: ent.bestText)
                return (Speaker(name: ent.bestText, mention: mention, resolution: .title, entity: gaz?.id, type: .person,
                                aliases: [phraseText(np)]), e, 0.95)
            }
            let e = entities.group(.person, stems: stems(np.range), tokens: np.range, text: phraseText(np))
            learnGender(e, from: cue, np: np)
            return (Speaker(name: phraseText(np), mention: mention, resolution: .explicit, type: .person), e, 0.9)
        case .organization, .outlet, .document:
            // `أصدرته المنظمة` after `منظمة الأمم المتحدة للتربية والعلوم والثقافة` was named (not
            // as a speaker): the institution named last with that head word.
            var named = np.range
            if np.range.count == 1, let w = words[np.range.lowerBound], w.article,
               !entities.entities.contains(where: { $0.type == .organization && $0.names.contains { $0.first == w.stem } }),
               let m = orgMentions.last(where: { $0.range.upperBound <= np.range.lowerBound && $0.range.count > 1
                   && words[$0.range.lowerBound]?.stem == w.stem && !inSpeech($0.range.lowerBound) }) {
                named = m.range
            }
            let e = entities.group(.organization, stems: stems(named), tokens: named, text: phraseText(named == np.range ? np : NounPhrase(range: named, head: .organization)))
            learnGender(e, from: cue, np: np)
            let name = entities[e].bestText
            let gaz = x.pack.gazetteer.entity(forName: name)
            return (Speaker(name: name, mention: mention, resolution: .explicit, entity: gaz?.id, type: .organization), e, 0.95)
        case .unnamed:
            // `حسبما ذكر أحدهم` after `وذكر سكان في سيفاري`: one of the group last quoted.
            if np.range.count == 1, let w = words[np.range.lowerBound], let one = x.lex.partitives[w.stem] ?? x.lex.partitives[w.folded],
               let group = partitiveGroup(before: np.range.lowerBound) {
                let text = one + " " + group
                let e = entities.group(.unnamed, stems: [w.stem] + [group], tokens: np.range, text: text)
                return (Speaker(name: text, mention: mention, resolution: .unnamed, type: .unnamed), e, 0.85)
            }
            // `وأشار المصدر` after `أكدت مصادر تركية رسمية`, with no single source before it:
            // the group.
            if np.range.count == 1, let w = words[np.range.lowerBound], w.article, let plural = x.lex.pluralOf[w.stem],
               !entities.entities.contains(where: { $0.type == .unnamed && $0.names.contains { $0.first == w.stem } }),
               let e = entities.entities.lastIndex(where: { $0.type == .unnamed && $0.names.contains { $0.first == plural } }) {
                return (Speaker(name: entities[e].bestText, mention: mention, resolution: .unnamed, type: .unnamed), e, 0.85)
            }
            // `المصادر` after `مصادر تركية رسمية` is that source: its fullest phrase.
            let e = entities.group(.unnamed, stems: stems(np.range), tokens: np.range, text: phraseText(np))
            learnGender(e, from: cue, np: np)
            return (Speaker(name: entities[e].bestText, mention: mention, resolution: .unnamed, type: .unnamed), e, 0.95)
        }
    }

    /// The phrase of the unnamed group that spoke last, within three sentences before token `k`.
    func partitiveGroup(before k: Int) -> String? {
        let sentence = tokens[k].sentence
        for r in spoken.reversed() where r.token < k {
            guard sentence - r.sentence <= 3 else { return nil }
            if r.speaker.type == .unnamed, let name = r.speaker.name,
               let first = name.split(separator: " ").first.map(String.init),
               x.lex.partitives[ArabicFolding.fold(first)] == nil, !x.lex.partitives.values.contains(first) {
                return name
            }
        }
        return nil
    }

    /// The issuer named right after the last earlier mention of a document of this kind.
    func boundDocument(stem: String, before k: Int) -> NounPhrase? {
        var j = k - 1
        while j >= 0 {
            defer { j -= 1 }
            guard let w = words[j], w.stem == stem, w.classes.contains(.document), !inSpeech(j) else { continue }
            if let m = orgMentions.first(where: { $0.range.lowerBound == j + 1 }) { return m }
            if !w.article { return nil }
        }
        return nil
    }

    /// The phrase right after a verb cue: read as usual, or a surname the document gives in full
    /// elsewhere standing alone before the verb's object (`وأشاد سرحان بمواقف …`).
    func subjectAfter(_ c: CueHit, end: Int) -> NounPhrase? {
        let a = c.tokens.upperBound
        guard a < end else { return nil }
        if let np = reader.phrase(at: a, end: end) { return np }
        if let w = words[a], w.classes.isEmpty, !w.article, w.proclitic.isEmpty, isKnownName(a..<(a + 1)) {
            return NounPhrase(range: a..<(a + 1), name: a..<(a + 1), head: .person)
        }
        return nil
    }

    /// The names of a name range made of several joined by و, or nil for one name.
    func conjoinedNames(_ r: Range<Int>) -> [Range<Int>]? {
        var parts: [Range<Int>] = []
        var start = r.lowerBound
        for k in (r.lowerBound + 1)..<r.upperBound where tokens[k].kind == .word {
            guard let w = words[k], w.proclitic == "و", !w.article else { continue }
            parts.append(start..<k)
            start = k
        }
        guard !parts.isEmpty else { return nil }
        parts.append(start..<r.upperBound)
        return parts
    }

    /// A verb before its subject agrees with it in gender (`قالت الوزيرة`, `قال الوزير`), so a
    /// verb-first cue tells the speaker's gender for later continuations.
    mutating func learnGender(_ e: Int, from cue: CueHit, np: NounPhrase) {
        if cue.plural || cue.dual { entities[e].plural = true }
        guard entities[e].feminine == nil, cue.role == .verb, np.range.lowerBound >= cue.tokens.upperBound,
              !cue.plural, !cue.dual else { return }
        entities[e].feminine = cue.feminine
    }

    /// A statement or report speaks for its issuer: the nearest organisation before it, as a
    /// speaker or a mention (`أصدرت وزارة الدفاع بيانا … وقال البيان`), else the last speaker,
    /// else the document phrase itself.
    mutating func issuer(of np: NounPhrase, cue cueHit: CueHit) -> (Speaker, Int?, Double) {
        let cue = cueHit.tokens.lowerBound
        // `تقرير شركة الأبحاث «اكسفورد بزنس جروب»`: the issuer is the document's own genitive.
        if let m = orgMentions.first(where: { m in m.range.lowerBound > np.range.lowerBound && m.range.lowerBound <= np.range.lowerBound + 2
            && m.range.lowerBound < np.range.upperBound + 1 && !inSpeech(m.range.lowerBound) }) {
            var (s, e, _) = speaker(for: m, cue: cueHit)
            s.aliases.append(phraseText(np))
            return (s, e, 0.85)
        }
        // `وذكر بيان لنقابة المعلمين`: the issuer after ل, named without the preposition.
        if let d = np.range.last(where: { words[$0]?.classes.contains(.document) == true }), d + 1 < tokens.count,
           let w = words[d + 1], w.proclitic == "ل", !inSpeech(d + 1),
           let m = reader.phrase(at: d + 1, end: sentenceEnd(of: d + 1), object: true), m.head == .organization {
            let full = phraseText(m)
            // ل + ال is written لل (`للمكتب الإعلامي` → `المكتب الإعلامي`).
            let name = full.hasPrefix("لل") ? "ا" + String(full.dropFirst()) : full.hasPrefix("ل") ? String(full.dropFirst()) : full
            let e = entities.group(.organization, stems: stems(m.range), tokens: m.range, text: name)
            return (Speaker(name: entities[e].bestText, mention: mentionSpan(m.range), resolution: .explicit, type: .organization,
                            aliases: [phraseText(np)]), e, 0.85)
        }
        // `أكد تقرير حديث …` and then `وبحسب تقرير شركة X`: a document introduced without the
        // article is named with its issuer further on (the next such binding, within two
        // paragraphs). `البيان` refers back instead, to the nearest issuer before it (below).
        if let d = np.range.first(where: { words[$0]?.classes.contains(.document) == true }), let dw = words[d], !dw.article,
           let m = orgMentions.first(where: { m in m.range.lowerBound > np.range.upperBound && !inSpeech(m.range.lowerBound)
            && tokens[m.range.lowerBound].paragraph <= tokens[d].paragraph + 2
            && words[m.range.lowerBound - 1]?.stem == dw.stem && words[m.range.lowerBound - 1]?.classes.contains(.document) == true }) {
            var (s, e, _) = speaker(for: m, cue: cueHit)
            s.aliases.append(phraseText(np))
            return (s, e, 0.75)
        }
        // `وأوضح التقرير` after `وبحسب تقرير شركة X`: the last document of that kind, when it was
        // named with its issuer (and no other one of that kind came between).
        // Earlier `التقرير` without an issuer refer back too and are passed over; an earlier
        // one without the article and without an issuer is another document, and ends the search.
        if let d = np.range.first(where: { words[$0]?.classes.contains(.document) == true }), let dw = words[d], dw.article,
           let m = boundDocument(stem: dw.stem, before: np.range.lowerBound) {
            var (s, e, _) = speaker(for: m, cue: cueHit)
            s.aliases.append(phraseText(np))
            return (s, e, 0.8)
        }
        let lastOrgSpeaker = spoken.last(where: { $0.speaker.type == .organization })
        // An institution named inside someone's words (a quotation, a content) issues nothing.
        let lastOrgMention = orgMentions.last(where: { m in m.range.upperBound <= np.range.lowerBound && m.range.upperBound <= cue
            && !inSpeech(m.range.lowerBound) && !issuedContents.contains { $0.contains(tokens[m.range.lowerBound].bytes.lowerBound) } })
        if let m = lastOrgMention, m.range.lowerBound > (lastOrgSpeaker?.token ?? -1) {
            let (s, e, _) = speaker(for: m, cue: cueHit)
            var s2 = s
            s2.aliases.append(phraseText(np))
            return (s2, e, 0.8)
        }
        if let last = lastOrgSpeaker ?? spoken.last {
            var s = last.speaker
            s.resolution = .continuation
            return (s, last.entity, 0.75)
        }
        let e = entities.group(.organization, stems: stems(np.range), tokens: np.range, text: phraseText(np))
        return (Speaker(name: phraseText(np), mention: mentionSpan(np.range), resolution: .explicit, type: .organization), e, 0.6)
    }

    func compatible(_ said: Said, with cue: CueHit) -> Bool {
        guard let e = said.entity else { return true }
        let ent = entities[e]
        if cue.plural || cue.dual { return ent.plural || ent.type != .person }
        if ent.plural && ent.type != .organization { return false }
        if cue.feminine { return ent.feminine != false }
        return ent.feminine != true
    }

    /// No expressed subject: the most recent compatible speaker continues. Inside a sentence
    /// that has already named a person before the cue (`وتواصلت الصحيفة مع رئيس اللجنة عبدالله
    /// البرقان …، فأكد أن`), that person is the one who goes on.
    func continuation(for cue: CueHit) -> (Speaker, Int?, Double) {
        let s = cue.tokens.lowerBound
        let start = sentenceStart(of: s)
        let person = mentions.first(where: { $0.phrase.range.lowerBound >= start && $0.phrase.range.upperBound <= s && !inSpeech($0.phrase.range.lowerBound) })
        // An organisation continues only as the subject of the sentence's first verb
        // (`وبدأ تحالف عربي … ووقف ما يعتبره`), not from inside a fronted phrase.
        let org = orgMentions.first(where: { $0.range.lowerBound == start + 1 && $0.range.upperBound <= s && !inSpeech($0.range.lowerBound) })
        let lastInSentence = spoken.last.map { $0.sentence == tokens[s].sentence } ?? false
        // `… مع رئيس اللجنة عبدالله البرقان لسؤاله …، فأكد أن`: ف (and so) continues the person
        // just named.
        if let f = tokens[s].text.first, f == "ف", cue.conjunction,
           let near = mentions.last(where: { $0.phrase.range.lowerBound >= start && $0.phrase.range.upperBound <= s && !inSpeech($0.phrase.range.lowerBound) }) {
            let said = Said(speaker: Speaker(name: entities[near.entity].bestText, mention: mentionSpan(near.phrase.range), resolution: .continuation, type: .person),
                            entity: near.entity, sentence: tokens[s].sentence, token: near.phrase.range.lowerBound)
            if compatible(said, with: cue) { return (said.speaker, near.entity, 0.75) }
        }
        if s > start + 1, !lastInSentence {
            if let o = org, person.map({ o.range.lowerBound < $0.phrase.range.lowerBound }) ?? true {
                // `وبدأ تحالف عربي … ووقف ما يعتبره …`: the organisation that heads the sentence.
                let e = entities.entities.firstIndex { $0.type == .organization && $0.names.contains(stems(o.range)) }
                return (Speaker(name: phraseText(o), mention: mentionSpan(o.range), resolution: .continuation, type: .organization), e, 0.7)
            }
            // `… وقتل حزب العمال الكردستاني ضابطي شرطة، وقال إن …`: after a comma, و + verb goes
            // on with the institution that is the subject of the clause before (و + verb + it).
            if cue.conjunction, isPunct(s - 1, DocumentRun.commas), person == nil,
               let o = orgMentions.last(where: { o in o.range.upperBound <= s && o.range.lowerBound > start + 1 && !inSpeech(o.range.lowerBound)
                   && tokens[o.range.lowerBound - 1].kind == .word
                   && words[o.range.lowerBound - 1].map { ($0.proclitic == "و" || ($0.proclitic.isEmpty && $0.folded.hasPrefix("و")))
                       && !$0.article && $0.classes.subtracting(.common).isEmpty } == true }) {
                // The verb's object may have run into the phrase (`حزب العمال الكردستاني ضابطي
                // شرطة`): a known institution name of several words is the name.
                var r = o.range
                let known = reader.entry(1, at: r.lowerBound, end: r.upperBound)
                if known >= 2 { r = r.lowerBound..<(r.lowerBound + known) }
                let e = entities.entities.firstIndex { $0.type == .organization && $0.names.contains(stems(r)) }
                return (Speaker(name: phraseText(NounPhrase(range: r, head: .organization)), mention: mentionSpan(r), resolution: .continuation,
                                type: .organization), e, 0.7)
            }
            if let m = person {
                let said = Said(speaker: Speaker(name: entities[m.entity].bestText, mention: mentionSpan(m.phrase.range), resolution: .continuation, type: .person),
                                entity: m.entity, sentence: tokens[s].sentence, token: m.phrase.range.lowerBound)
                if compatible(said, with: cue) { return (said.speaker, m.entity, 0.8) }
            }
        }
        // A feminine verb prefers a speaker known to be feminine over one of unknown gender.
        if cue.feminine && !cue.plural, let said = spoken.last(where: { $0.entity.map { entities[$0].feminine == true } ?? false }),
           spoken.last.map({ !compatible($0, with: cue) || $0.entity.map { entities[$0].feminine != true } ?? true }) ?? false {
            var s = said.speaker
            s.resolution = .continuation
            return (s, said.entity, 0.75)
        }
        if let said = spoken.last(where: { compatible($0, with: cue) }) {
            var s = said.speaker
            s.resolution = .continuation
            return (s, said.entity, spoken.last.map { $0.entity == said.entity } == true ? 0.85 : 0.7)
        }
        if let said = spoken.last {
            var s = said.speaker
            s.resolution = .continuation
            return (s, said.entity, 0.45)
        }
        // Nobody has spoken yet: the first person the document names, if any.
        if let m = mentions.first(where: { $0.phrase.range.lowerBound < cue.tokens.lowerBound }) {
            let ent = entities[m.entity]
            return (Speaker(name: ent.bestText, mention: mentionSpan(m.phrase.range), resolution: .continuation, type: .person), m.entity, 0.5)
        }
        return (Speaker(name: nil, mention: nil, resolution: .unresolved), nil, 0.2)
    }

    /// An adverbial participle takes the speaker of its clause: the last attribution earlier in
    /// its sentence, else the first speaker phrase of the sentence (the subject of a verb that
    /// is not itself a cue, like `قلل`), else the previous speaker.
    mutating func clauseSpeaker(of r: Reading, before: ArraySlice<Reading>) -> (Speaker, Int?, Double) {
        let sentence = tokens[r.cue.tokens.lowerBound].sentence
        var start = sentenceStart(of: r.cue.tokens.lowerBound)
        // The participle hangs on the clause it ends: after a link between the writer's clauses
        // (`…، فيما دانت قيادة الإقليم القصف، مطالبة بوقف …`) that clause starts at the link.
        // Only when a cue verb of its own follows the link (a stance verb that reported nothing).
        if let link = (start..<r.cue.tokens.lowerBound).last(where: { k in
            !inSpeech(k) && words[k].map { x.lex.clauseLinks.contains($0.folded) } == true }),
           link + 1 < r.cue.tokens.lowerBound, let ci = cueAt[link + 1], cues[ci].role == .verb {
            start = link
        }
        if let prev = before.last(where: { tokens[$0.cue.tokens.lowerBound].sentence == sentence && $0.cue.tokens.lowerBound >= start }), let s = prev.speaker {
            var s2 = s
            if s2.resolution == .explicit || s2.resolution == .title || s2.resolution == .alias { s2.resolution = .continuation }
            return (s2, prev.entity, 0.95)
        }
        // A participle after a cue verb of its sentence that reported nothing (`وأشاد سرحان
        // بمواقف …، واصفا …`, a stance without a proposition) hangs on that verb's subject.
        if let v = (start..<r.cue.tokens.lowerBound).last(where: { k in cueAt[k].map { cues[$0].role == .verb && cues[$0].tokens.lowerBound == k } == true }),
           !readingCues.contains(v), let ci = cueAt[v], let np = subjectAfter(cues[ci], end: r.cue.tokens.lowerBound),
           np.head == .person || np.head == .organization || np.head == .unnamed, np.name != nil || !np.titles.isEmpty {
            let (sp, e, c) = speaker(for: np, cue: cues[ci])
            return (sp, e, 0.85 * c)
        }
        var k = start
        while k < r.cue.tokens.lowerBound {
            if !furniture[k], let w = words[k], !w.classes.intersection([.title, .honorific, .givenName, .organization, .unnamed]).isEmpty,
               text.quoteOf[k] == nil, let np = reader.phrase(at: k, end: r.cue.tokens.lowerBound, bare: false) {
                let (s, e, c) = speaker(for: np, cue: r.cue)
                return (s, e, 0.85 * c)
            }
            k += 1
        }
        return continuation(for: r.cue)
    }

    // MARK: Contents

    /// Ends an indirect content where a new attribution of the same speaker starts (`، مضيفا …`,
    /// `وأضاف …`, `التي قال إن …`), and drops what is left empty or repeated.
    func trimContents(_ readings: inout [Reading]) {
        for i in readings.indices where !readings[i].quoted {
            let c = readings[i].content
            for j in readings.indices where j != i {
                let other = readings[j]
                let at = tokens[other.cue.tokens.lowerBound].bytes.lowerBound
                guard at > c.lowerBound, at < readings[i].content.upperBound else { continue }
                // A cue right after a relative or a subordinator is an embedded clause of the
                // content (`الاستفتاء الذي أعلن عنه`, `…، حيث استبعدت الخطة تطوير القسم`).
                let k = other.cue.tokens.lowerBound
                // (Not when the content starts at the relative: `وقال المحللون الذين تحدثوا لـ… إن`
                // has its content after إن, and the relative clause is the speaker's.)
                if k > 1, let w = words[k - 1], x.lex.relatives.contains(w.folded) || x.lex.embeddingLinks.contains(w.folded),
                   tokens[k - 1].bytes.lowerBound > c.lowerBound { continue }
                let same: Bool
                switch other.source {
                case .clause, .continuation: same = true
                default: same = other.entity != nil && other.entity == readings[i].entity
                }
                // A cue that opens a new clause of the writer's — after a comma, or after a
                // subordinator (`، كشف مصدر …`, `في حين حث …`, `، وبيّن المهاجم …`) — ends the
                // content whoever speaks there; one embedded in the reported clause does not.
                // So does one with a conjunction and its own subject (`… وأبرزت استطلاعات رأي …`).
                var ownSubject = false
                if case .phrase = other.source, other.cue.conjunction { ownSubject = true }
                if same || opensClause(other.cue) || ownSubject {
                    readings[i].content = c.lowerBound..<cutBefore(other.cue.tokens.lowerBound, after: c.lowerBound)
                }
            }
        }
    }

    /// Whether a cue starts a clause of its own: right after a comma, or after a subordinator
    /// that links the writer's sentences (`في حين`, `فيما`, `بينما`, `إذ`).
    func opensClause(_ cue: CueHit) -> Bool {
        let k = cue.tokens.lowerBound
        guard k > 0 else { return false }
        if isPunct(k - 1, DocumentRun.commas) { return true }
        if let w = words[k - 1], x.lex.clauseLinks.contains(w.folded) { return true }
        if k > 1, let w1 = words[k - 2], let w2 = words[k - 1], x.lex.clauseLinks.contains(w1.folded + " " + w2.folded) { return true }
        return false
    }

    /// The folded byte where a content cut before token `k` ends: back over punctuation and
    /// the little words that belonged to the next clause (و، التي، كما …).
    func cutBefore(_ k: Int, after start: Int) -> Int {
        var e = k
        while e > 0, tokens[e - 1].bytes.lowerBound >= start {
            let t = tokens[e - 1]
            if t.kind == .punct && !AnalyzedText.isQuoteMark(t.mark) { e -= 1; continue }
            if let w = words[e - 1], x.lex.relatives.contains(w.folded) || x.lex.clauseOpeners.contains(w.folded) { e -= 1; continue }
            break
        }
        return e > 0 ? max(start, tokens[e - 1].bytes.upperBound) : start
    }

    /// Original scalar span of a folded byte range, without the punctuation and spaces at its
    /// edges (the final full stop is not part of a content).
    func contentSpan(_ r: Range<Int>, quoted: Bool) -> Span? {
        var s = text.source.originalOffset(ofFoldedByte: r.lowerBound)
        var e = text.source.originalOffset(ofFoldedByte: r.upperBound)
        let scalars = text.source.scalars
        func trimmable(_ u: Unicode.Scalar) -> Bool {
            if u.properties.isWhitespace { return true }
            if quoted { return false }
            return ".،,:؛;!؟?…-–—".unicodeScalars.contains(u)
        }
        while e > s, trimmable(scalars[e - 1]) { e -= 1 }
        while s < e, scalars[s].properties.isWhitespace || (!quoted && "،,:؛;".unicodeScalars.contains(scalars[s])) { s += 1 }
        guard e > s else { return nil }
        return Span(text: text.source.text(s..<e), start: s, end: e)
    }

    /// Whether an indirect content holds speech in quotation marks (then it is mixed).
    func hasQuotedSpeech(_ r: Range<Int>) -> Bool {
        for q in text.quotes where tokens[q.open].bytes.lowerBound >= r.lowerBound && tokens[q.open].bytes.lowerBound < r.upperBound {
            if reader.termQuote(at: q.open) == nil { return true }
        }
        return false
    }

    func finish(_ readings: [Reading]) -> [Attribution] {
        var out: [Attribution] = []
        var seen: [Range<Int>] = []
        for r in readings {
            guard let content = contentSpan(r.content, quoted: r.quoted) else { continue }
            let range = content.start..<content.end
            if seen.contains(range) { continue }
            if r.restating && out.contains(where: { $0.content.start < range.upperBound && range.lowerBound < $0.content.end }) { continue }
            seen.append(range)
            var kind = r.kind
            if kind == .indirect && hasQuotedSpeech(r.content) { kind = .mixed }
            let cueText = r.cueText ?? text.source.text(r.cue.span)
            let cue = Cue(span: Span(text: cueText, start: r.cue.span.lowerBound, end: r.cue.span.upperBound),
                          lemma: r.cue.lemma, rule: r.cue.rule.id)
            let speaker = r.speaker ?? Speaker(name: nil, mention: nil, resolution: .unresolved)
            let confidence = (min(1, max(0, r.confidence)) * 1000).rounded() / 1000
            out.append(Attribution(id: out.count + 1, speaker: speaker, cue: cue, content: content, kind: kind,
                                   confidence: confidence, sentence: tokens[r.cue.tokens.lowerBound].sentence))
        }
        return out
    }
}
