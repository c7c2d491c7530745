import Testing
@testable import IsnadCore

/// The scorer on small hand-made cases, each checked by hand against ANNOTATION.md.
@Suite struct ScorerTests {
    typealias G = Scorer.Gold
    typealias P = Scorer.Predicted

    @Test func normalisationAsSpecified() {
        #expect(Scorer.normalize("أكّدَ «الرئيسُ»: إنّ مسؤولاً، قال") == ["اكد", "الرييس", "ان", "مسوولا", "قال"])
        #expect(Scorer.normalize("كوفيد-19 (2020)") == ["كوفيد", "19", "2020"])
    }

    @Test func diceCountsRepeatedTokens() {
        #expect(Scorer.dice(["a", "a", "b"], ["a", "b", "b"]) == 2.0 * 2 / 6)
        #expect(Scorer.dice([], ["a"]) == 0)
    }

    @Test func speakerRule() {
        let putin = G(speaker: "فلاديمير بوتين", cue: "قال", content: "x", kind: "indirect")
        #expect(Scorer.speakerMatches(gold: putin, predicted: "بوتين"))
        #expect(Scorer.speakerMatches(gold: putin, predicted: "الرئيس الروسي فلاديمير بوتين"))
        #expect(!Scorer.speakerMatches(gold: putin, predicted: "الرئيس الروسي"))
        #expect(!Scorer.speakerMatches(gold: putin, predicted: nil))
        // Six extra tokens are a clause, not a name with titles.
        #expect(!Scorer.speakerMatches(gold: putin, predicted: "أ ب ج د هـ و فلاديمير بوتين"))
        let withAlias = G(speaker: "البيت الأبيض", aliases: ["جون كيربي"], cue: "قال", content: "x", kind: "indirect")
        #expect(Scorer.speakerMatches(gold: withAlias, predicted: "كيربي"))
    }

    @Test func oneToOneBestOverlapFirst() {
        let gold = [
            G(speaker: "أ", cue: "قال", content: "الحكومة ستخفض الضرائب هذا العام", kind: "indirect"),
            G(speaker: "ب", cue: "وأضاف", content: "الحكومة ستخفض الرسوم", kind: "indirect"),
        ]
        let preds = [
            P(speaker: "أ", cue: "قال", content: "الحكومة ستخفض الضرائب هذا العام", kind: "indirect"),
            P(speaker: "ج", cue: "وأضاف", content: "الحكومة ستخفض الرسوم أيضا", kind: "direct"),
            P(speaker: "د", cue: "ذكر", content: "شيء آخر تماما", kind: "indirect"),
        ]
        let r = Scorer.score(gold: [("d", gold)], predictions: ["d": preds])
        #expect(r.matched == 2)
        #expect(r.detection.p == 2.0 / 3)
        #expect(r.detection.r == 1)
        #expect(r.attribution.r == 0.5)        // the second has the wrong speaker
        #expect(r.strictSpan.r == 0.5)         // 3/4 tokens: Dice 0.857 < 0.9
        #expect(r.kindAccuracy == 0.5)
        #expect(r.cueAccuracy == 1)            // و is ignored on cues
        #expect(r.errors.count == 2)
        #expect(r.errors.contains(.spurious(document: "d", speaker: "د", cue: "ذكر", content: "شيء آخر تماما")))
    }

    @Test func missingDocumentAndRecallByKind() {
        let gold = [G(speaker: "أ", cue: "قال", content: "نص مباشر طويل", kind: "direct")]
        let r = Scorer.score(gold: [("a", gold), ("b", gold)], predictions: ["a": [P(speaker: "أ", cue: "قال", content: "نص مباشر طويل", kind: "direct")]])
        #expect(r.errors.first == .noPrediction(document: "b"))
        #expect(r.recallByKind.map(\.kind) == ["direct"])
        #expect(r.recallByKind.first?.recall == 0.5)
        #expect(r.attribution.f1 == 2 * 1 * 0.5 / 1.5)
    }

    @Test func equalOverlapsFollowTheReferenceOrder() {
        // Two golds with the same content and two identical predictions: the reference pairs
        // the later gold with the later prediction first; with one prediction, the later gold.
        let g = [G(speaker: "أ", cue: "قال", content: "نص واحد", kind: "indirect"),
                 G(speaker: "ب", cue: "قال", content: "نص واحد", kind: "indirect")]
        let r = Scorer.score(gold: [("d", g)], predictions: ["d": [P(speaker: "ب", cue: "قال", content: "نص واحد", kind: "indirect")]])
        #expect(r.attribution.r == 0.5)
        #expect(r.errors == [.missed(document: "d", speaker: "أ", cue: "قال", content: "نص واحد")])
    }
}
