import Testing
import IsnadCore

/// Cross-document speaker merging, on hand-made speakers (independent of the resolver).
@Suite struct SpeakerIndexTests {
    static let gazetteer: Gazetteer = {
        let tsv = """
        # id\tname\ttype\tvariants
        vladimir-putin\tفلاديمير بوتين\tperson\tبوتين|فلاديمير فلاديميروفيتش بوتين
        john-kerry\tجون كيري\tperson\t
        spa\tوكالة الأنباء السعودية\torganization\tواس
        """
        return try! Gazetteer.parse(tsv, path: "test.tsv")
    }()

    func person(_ name: String?, entity: String? = nil, mention: String? = nil) -> Speaker {
        Speaker(name: name, mention: (mention ?? name).map { Span(text: $0, start: 0, end: $0.unicodeScalars.count) },
                resolution: name == nil ? .unresolved : .explicit, entity: entity, type: name == nil ? .unknown : .person)
    }

    func speaker(_ name: String, _ type: SpeakerType) -> Speaker {
        Speaker(name: name, mention: Span(text: name, start: 0, end: name.unicodeScalars.count), resolution: type == .unnamed ? .unnamed : .explicit, type: type)
    }

    func index(_ speakers: [Speaker], gazetteer: Gazetteer = SpeakerIndexTests.gazetteer) -> SpeakerIndex {
        SpeakerIndex(gazetteer: gazetteer, speakers: speakers)
    }

    @Test func gazetteerVariantsAreOneSpeaker() throws {
        let speakers = [
            person("بوتين"),
            person("فلاديمير بوتين"),
            person("فلاديمير بوتين", mention: "الرئيس الروسي فلاديمير بوتين"),
            person("فلاديمير فلاديميروفيتش بوتين"),
        ]
        let idx = index(speakers)
        #expect(idx.entries.count == 1)
        let e = try #require(idx.entries.first)
        #expect(e.key == "entity:vladimir-putin")
        #expect(e.entity == "vladimir-putin")
        #expect(e.type == .person)
        #expect(e.claims == 4)
        #expect(e.name == "فلاديمير بوتين", "most frequent full name")
        for s in speakers { #expect(idx.index(of: s) == 0) }
    }

    @Test func resolverEntityIDWinsOverTheName() {
        let idx = index([person("الرئيس", entity: "vladimir-putin"), person("بوتين")])
        #expect(idx.entries.map(\.key) == ["entity:vladimir-putin"])
        #expect(idx.entries[0].claims == 2)
    }

    @Test func organisationVariantsMergeByEntity() {
        let idx = index([speaker("واس", .organization), speaker("وكالة الأنباء السعودية", .organization)])
        #expect(idx.entries.count == 1)
        #expect(idx.entries[0].type == .organization)
        #expect(idx.entries[0].name == "وكالة الأنباء السعودية", "the full name over the acronym")
    }

    @Test func namesMergeAfterFolding() {
        // Hamza on the alef, diacritics and tatweel differ; the folded key is the same.
        let idx = index([person("أحمد الخطيب"), person("احمد الخطيب"), person("أحمـد الخَطيب")])
        #expect(idx.entries.count == 1)
        #expect(idx.entries[0].key == "person:" + Gazetteer.key("احمد الخطيب"))
        #expect(idx.entries[0].claims == 3)
    }

    @Test func surnameAloneJoinsTheOnlyFullNameItEnds() throws {
        let idx = index([person("عادل الجبير"), person("الجبير"), person("الجبير"), person("الجبير")])
        #expect(idx.entries.count == 1)
        let e = try #require(idx.entries.first)
        #expect(e.key == "person:" + Gazetteer.key("عادل الجبير"))
        #expect(e.claims == 4)
        #expect(e.name == "عادل الجبير", "a full name is shown even when the surname is more frequent")
        #expect(e.names.map(\.name) == ["الجبير", "عادل الجبير"])
        #expect(idx.index(of: person("الجبير")) == idx.index(of: person("عادل الجبير")))
    }

    @Test func surnameJoinsAnEntityWhoseNameEndsInIt() {
        // The gazetteer lists no bare "كيري"; the batch's full name is an entity.
        let idx = index([person("جون كيري"), person("كيري")])
        #expect(idx.entries.map(\.key) == ["entity:john-kerry"])
        #expect(idx.entries[0].claims == 2)
    }

    @Test func ambiguousSurnameStaysAlone() {
        let idx = index([person("محمد الأحمد"), person("خالد الأحمد"), person("الأحمد")])
        #expect(idx.entries.count == 3)
        #expect(Set(idx.entries.map(\.claims)) == [1])
        #expect(idx.entry(for: person("الأحمد"))?.key == "person:" + Gazetteer.key("الأحمد"))
    }

    @Test func surnameMatchesTheLastWordOnly() {
        // "سلمان" is the first word of the full name, not its last: no merge.
        let idx = index([person("سلمان العودة"), person("سلمان")])
        #expect(idx.entries.count == 2)
    }

    @Test func typesStaySeparate() {
        let idx = index([
            speaker("الصحة", .organization), speaker("الصحة", .person),
            speaker("مصدر أمني", .unnamed), speaker("مصدر أمني", .person),
            // A one-word organisation never joins a person whose name ends in that word.
            speaker("رويترز", .organization), speaker("توماس رويترز", .person),
            speaker("مصدر", .unnamed), speaker("محمد مصدر", .person),
        ])
        #expect(idx.entries.count == 8)
        #expect(idx.entry(for: speaker("الصحة", .organization))?.type == .organization)
        #expect(idx.entry(for: speaker("مصدر أمني", .unnamed))?.key == "unnamed:" + Gazetteer.key("مصدر أمني"))
        #expect(idx.entry(for: speaker("رويترز", .organization))?.claims == 1)
    }

    @Test func unnamedSourcesAreNotLookedUpInTheGazetteer() {
        let idx = index([speaker("بوتين", .unnamed)])
        #expect(idx.entries.map(\.key) == ["unnamed:" + Gazetteer.key("بوتين")])
    }

    @Test func unresolvedSpeakersHaveNoEntry() {
        let idx = index([person(nil), person("سامي"), Speaker(name: "  ", mention: nil, resolution: .explicit, type: .person)])
        #expect(idx.entries.count == 1)
        #expect(idx.index(of: person(nil)) == nil)
        #expect(idx.index(of: person("غير موجود")) == nil, "a speaker the index was not built with")
    }

    @Test func displayNameTies() {
        // Equal counts: the longer full name; equal length: the smaller in scalar order.
        let a = index([person("أبو محمد الجولاني"), person("ابو محمد الجولاني")])
        #expect(a.entries.count == 1)
        #expect(a.entries[0].name == "أبو محمد الجولاني", "U+0623 sorts before U+0627")
        let b = index([person("تميم بن حمد"), person("تميم بن حمد آل ثاني"), person("تميم بن حمد"), person("تميم بن حمد آل ثاني")])
        #expect(b.entries.count == 2, "different keys are different speakers")
        let b2 = index([person("خالد الحربي"), person("خالد  الحربي")])
        #expect(b2.entries.count == 1)
        #expect(b2.entries[0].name == "خالد  الحربي", "equal counts: the longer spelling")
        let c = index([person("خالد سعيد الحربي"), person("الحربي"), person("الحربي")])
        #expect(c.entries[0].name == "خالد سعيد الحربي")
        let d = index([person("الحربي")])
        #expect(d.entries[0].name == "الحربي", "a surname is shown when it is all the batch has")
    }

    @Test func rankingAndDeterminism() {
        var speakers: [Speaker] = []
        for _ in 0..<3 { speakers.append(person("جون كيري")) }
        for _ in 0..<5 { speakers.append(speaker("واس", .organization)) }
        speakers.append(person("بوتين"))
        speakers.append(person("سامي الحربي"))
        speakers.append(speaker("مصدر مطلع", .unnamed))
        let idx = index(speakers)
        #expect(idx.entries.map(\.claims) == [5, 3, 1, 1, 1])
        // Ties in claims: by name in scalar order.
        let tied = idx.entries.suffix(3).map(\.name)
        #expect(tied == ["سامي الحربي", "بوتين", "مصدر مطلع"].sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) { $0.value < $1.value } })
        // The order of the input does not matter.
        var shuffled = speakers
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<5 {
            shuffled.shuffle(using: &rng)
            #expect(index(shuffled).entries == idx.entries)
        }
    }
}

/// A small deterministic generator (SplitMix64) for shuffles in tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
