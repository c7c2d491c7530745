import Testing
@testable import IsnadCore

@Suite struct TextTests {
    @Test func foldingMapsVariantsAndDropsMarks() {
        #expect(ArabicFolding.fold("أكّدَ") == "اكد")
        #expect(ArabicFolding.fold("إلى مصطفى") == "الي مصطفي")
        #expect(ArabicFolding.fold("الإدارة") == "الاداره")
        #expect(ArabicFolding.fold("قـــال") == "قال")
        #expect(ArabicFolding.fold("مسؤول رئيس") == "مسوول رييس")
    }

    @Test func foldedBytesMapBackToOriginalScalars() {
        let text = "🙂 قَالَ الوزيـر: «نعم»"
        let n = NormalizedText(text)
        let folded = Array(n.folded.bytes)
        let s = String(decoding: folded, as: UTF8.self)
        #expect(s == "🙂 قال الوزير: «نعم»")
        // The folded word قال maps to the original word with its diacritics.
        let start = Array("🙂 ".utf8).count
        let end = start + Array("قال".utf8).count
        let r = n.originalRange(start..<end)
        #expect(n.text(r) == "قَالَ")
        #expect(r == 2..<7)
    }

    @Test func quotationsOfEveryStyle() {
        let t = AnalyzedText("قال: «أ ب» و“ج د” و\"هـ و\" و»ز ح« و\"غير مغلق")
        let inner = t.quotes.map { t.text(of: $0.inner) }
        #expect(inner == ["أ ب", "ج د", "هـ و", "ز ح", "غير مغلق"])
        #expect(t.quotes.last?.close == nil)
    }

    @Test func sentencesSplitOutsideQuotesOnly() {
        let t = AnalyzedText("قال: «جملة أولى. جملة ثانية». ثم غادر. د. أحمد وصل 2.5 مليون.\n\nفقرة ثانية")
        #expect(t.sentences.count == 4)
        #expect(t.text(of: t.sentences[0]) == "قال: «جملة أولى. جملة ثانية».")
        #expect(t.text(of: t.sentences[2]) == "د. أحمد وصل 2.5 مليون.")
        #expect(t.paragraphs.count == 2)
    }

    @Test func invalidUTF8SaysWhere() {
        var bytes = Array("سطر أول\nقال ".utf8)
        bytes.append(0xC3)
        bytes.append(contentsOf: Array(" الوزير".utf8))
        do {
            _ = try TextDecoding.decode(bytes, source: "x.txt")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 5)
            #expect(error.description.hasPrefix("x.txt:2:5: invalid UTF-8"))
        }
    }
}

@Suite struct SuspensionTests {
    @Test func dotsInsideAParagraphAreAPause() {
        let t = AnalyzedText("قال إن الوضع صعب.. لكنه سيتحسن… بإذن الله. ثم غادر.")
        #expect(t.sentences.count == 2)
        #expect(t.text(of: t.sentences[0]) == "قال إن الوضع صعب.. لكنه سيتحسن… بإذن الله.")
    }
}
