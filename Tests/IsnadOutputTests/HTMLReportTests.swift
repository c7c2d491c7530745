import Foundation
import Testing
import IsnadCore
import IsnadOutput
import TestSupport

@Suite struct HTMLReportTests {
    let html = HTMLReport.render(ReportFixture.batch())

    /// Values of `attribute="…"` in the page.
    static func values(of attribute: String, in html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        let marker = " \(attribute)=\""
        while let r = rest.range(of: marker) {
            let after = rest[r.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            out.append(String(after[..<end]))
            rest = after[end...]
        }
        return out
    }

    @Test func rightToLeftArabicPage() {
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("\"Noto Naskh Arabic\""))
        #expect(html.contains("line-height"))
    }

    @Test func selfContained() {
        #expect(!html.contains("<script"), "no script at all")
        #expect(!html.contains("<link"))
        #expect(!html.contains("src="))
        #expect(!html.contains("@import"))
        #expect(!html.contains("url("))
        #expect(!html.contains("https://"))
    }

    @Test func inputIsEscaped() {
        // Text, speaker name (in the table, the chart and the lists), document name, carried title.
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; عنوان"))
        #expect(html.contains("&lt;b onmouseover=x&gt;سامي&lt;/b&gt;"))
        #expect(html.contains("news/&lt;three&gt;.txt"))
        #expect(!html.contains("<b onmouseover"))
        #expect(!html.contains("<three>"))
        // A carried url that is not http(s) is shown, never linked.
        #expect(html.contains("javascript:alert(2)"))
        #expect(!html.contains("href=\"javascript"))
    }

    @Test func escapingFunction() {
        let page = HTMLReport.render(ReportFixture.batch([DocumentResult(document: "x\"y'z&\u{0}", attributions: [], text: "a\u{1}b")]))
        #expect(page.contains("x&quot;y&#39;z&amp;\u{FFFD}"))
        #expect(page.contains("a\u{FFFD}b"))
        #expect(!page.contains("\u{0}"))
    }

    @Test func everyLinkHasItsTarget() {
        let ids = HTMLReportTests.values(of: "id", in: html)
        #expect(Set(ids).count == ids.count, "ids are unique: \(ids)")
        let targets = HTMLReportTests.values(of: "href", in: html).filter { $0.hasPrefix("#") }.map { String($0.dropFirst()) }
        #expect(!targets.isEmpty)
        for t in targets { #expect(ids.contains(t), "#\(t) has no element") }
        // Every attribution is anchored in its text and listed.
        for (d, n) in [(1, 2), (2, 2), (3, 2)] {
            for a in 1...n {
                #expect(ids.contains("d\(d)-a\(a)"))
                #expect(ids.contains("d\(d)-l\(a)"))
            }
        }
        // The speaker table links Putin's attributions in both documents.
        let row = html.components(separatedBy: "<tr id=\"s1\">")[1].components(separatedBy: "</tr>")[0]
        #expect(row.contains("فلاديمير بوتين"))
        #expect(row.contains("href=\"#d1-a1\""))
        #expect(row.contains("href=\"#d2-a1\""))
        #expect(row.contains("href=\"#d1\""))
    }

    @Test func speakersMergedAndRanked() {
        #expect(html.contains("<tr id=\"s1\"><td class=\"num\">1</td><td><bdi class=\"name\">فلاديمير بوتين</bdi>"))
        #expect(html.contains("vladimir-putin"))
        // 4 speakers (Putin, the ministry, Sami, al-Harbi); the unresolved one has none.
        #expect(html.contains("<div class=\"value\">4</div><div class=\"label\">المتحدثون</div>"))
        #expect(html.contains("<div class=\"value\">6</div><div class=\"label\">الإسنادات</div>"))
        #expect(html.contains("<div class=\"value\">3</div><div class=\"label\">المقالات</div>"))
        // Cues by lemma with counts.
        let row = html.components(separatedBy: "<tr id=\"s1\">")[1].components(separatedBy: "</tr>")[0]
        #expect(row.contains("<bdi>أضاف</bdi>&nbsp;×1"))
        #expect(row.contains("<bdi>قال</bdi>&nbsp;×1"))
    }

    @Test func highlightsUseScalarOffsetsInMultibyteText() {
        // Document 1 starts with an emoji (1 scalar, 2 UTF-16 units, 4 bytes) and a word with
        // diacritics (scalars that are not Characters).
        #expect(html.contains("<span class=\"sp\">الرئيس الروسي فلاديمير بوتين</span>"))
        #expect(html.contains("<span class=\"cue\">قال</span>"))
        #expect(html.contains("<span class=\"ct\">المحادثات كانت مثمرة</span>"))
        #expect(html.contains("<span class=\"cue\">وأكدت</span>"))
        #expect(html.contains("<span class=\"ct\">«روسيا لن تتراجع» عن موقفها</span>"))
        #expect(html.contains("😀 ذَكَرَ التقرير أمس."))
    }

    @Test func overlappingSpansAreSplitNotNested() {
        // In document 3 the content of 1 holds 2's speaker and cue, and the two contents overlap.
        #expect(html.contains("<span class=\"ct sp\">الوزير خالد الحربي</span>"))
        #expect(html.contains("<span class=\"ct cue\">صرح</span>"))
        #expect(html.contains("<span class=\"ct x2\">الخطة جاهزة</span>"))
        #expect(html.contains("<span class=\"ct\"> تماما</span>"))
        // The anchor of 2 goes before its first span, at the start of the word.
        #expect(html.contains("<a class=\"mk\" id=\"d3-a2\" href=\"#d3-l2\">2</a><span class=\"ct sp\">الوزير"))
    }

    @Test func anchorsNeverSplitAWord() {
        // The cue starts after the proclitic و: the anchor goes before the whole word.
        #expect(html.contains("<a class=\"mk\" id=\"d2-a1\" href=\"#d2-l1\">1</a><span class=\"cue\">وأضاف</span>"))
        let text = "فقال سامي إن الأمر انتهى."
        var a = ReportFixture.attribution(1, in: text, speaker: "سامي", cue: "قال", content: "الأمر انتهى")
        a.cue.span = Span(text: "قال", start: 1, end: 4)
        let page = HTMLReport.render(ReportFixture.batch([DocumentResult(document: "f", attributions: [a], text: text)]))
        #expect(page.contains("<a class=\"mk\" id=\"d1-a1\" href=\"#d1-l1\">1</a>ف<span class=\"cue\">قال</span>"))
    }

    @Test func continuationIsAnchoredAtItsCueNotItsAntecedent() {
        let text = "قال سامي إن الجو جميل. وأضاف أن المطر قادم."
        let first = ReportFixture.attribution(1, in: text, speaker: "سامي", cue: "قال", content: "الجو جميل")
        var second = ReportFixture.attribution(2, in: text, speaker: "سامي", cue: "وأضاف", lemma: "أضاف", content: "المطر قادم")
        second.speaker.resolution = .continuation
        let page = HTMLReport.render(ReportFixture.batch([DocumentResult(document: "c", attributions: [first, second], text: text)]))
        #expect(page.contains("<a class=\"mk\" id=\"d1-a2\" href=\"#d1-l2\">2</a><span class=\"cue\">وأضاف</span>"))
    }

    @Test func spansOutsideTheTextAreClamped() {
        let text = "قال سامي"
        let a = Attribution(id: 1, speaker: Speaker(name: "سامي", mention: Span(text: "سامي", start: 4, end: 99), resolution: .explicit, type: .person),
                            cue: Cue(span: Span(text: "قال", start: -3, end: 3), lemma: "قال", rule: "r"),
                            content: Span(text: "", start: 50, end: 40), kind: .direct, confidence: 1, sentence: 0)
        let page = HTMLReport.render(ReportFixture.batch([DocumentResult(document: "c", attributions: [a], text: text)]))
        #expect(page.contains("<span class=\"cue\">قال</span> <span class=\"sp\">سامي</span>"))
    }

    @Test func chartsAreInlineSVG() {
        #expect(html.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\"").count - 1 == 4, "speakers, kinds, speaker types, days")
        #expect(html.contains("<title>أكثر المتحدثين إسنادًا</title>"))
        // Claims by day: 2 on the 21st, 2 on the 23rd, and the empty 22nd on the axis.
        #expect(html.contains("<title>2015-07-21: 2</title>"))
        #expect(html.contains("<title>2015-07-23: 2</title>"))
        #expect(html.contains(">2015-07-22</text>"))
        #expect(html.contains("1 مقالة بلا تاريخ"))
        let undated = HTMLReport.render(ReportFixture.batch([DocumentResult(document: "a", attributions: [], text: "")]))
        #expect(!undated.contains("الأقوال حسب اليوم"), "no day chart without dates")
    }

    @Test func deterministicBytes() {
        let again = HTMLReport.render(ReportFixture.batch())
        #expect(Data(again.utf8) == Data(html.utf8))
        // The speaker order does not depend on hashing or input order of equal-count speakers.
        let reversed = ReportFixture.batch(Array(ReportFixture.documents().reversed()))
        #expect(reversed.speakers.entries.map(\.key) == ReportFixture.batch().speakers.entries.map(\.key))
    }

    @Test func maxDocumentsCapsTheEmbeddedTexts() {
        let page = HTMLReport.render(ReportFixture.batch(), options: .init(maxDocuments: 1))
        let ids = HTMLReportTests.values(of: "id", in: page)
        #expect(ids.contains("d1"))
        #expect(!ids.contains("d2"))
        #expect(!ids.contains("d3"))
        #expect(page.contains("لم تُعرض 2 مقالة"))
        #expect(page.contains("عُرضت نصوص أول 1 من 3 مقالة"))
        // The speaker table still covers every document, without dangling links.
        #expect(page.contains("<bdi>two.txt</bdi> <span class=\"aref\">1</span>"))
        for t in HTMLReportTests.values(of: "href", in: page) where t.hasPrefix("#") {
            #expect(ids.contains(String(t.dropFirst())), "\(t) has no element")
        }
        // Texts dropped on the way in (as `isnad report` does past the cap) give the same page.
        var builder = ReportBatch.Builder(gazetteer: ReportFixture.gazetteer, keepTexts: 1)
        for d in ReportFixture.documents() { builder.add(d) }
        let dropped = builder.build()
        #expect(dropped.documents[1].result.text == nil)
        #expect(dropped.documents[1].characters == ReportFixture.documents()[1].text!.unicodeScalars.count)
        #expect(HTMLReport.render(dropped, options: .init(maxDocuments: 1)) == page)
    }

    @Test func emptyBatch() {
        let page = HTMLReport.render(ReportFixture.batch([]))
        #expect(page.contains("<div class=\"value\">0</div><div class=\"label\">المقالات</div>"))
        #expect(page.hasSuffix("</html>\n"))
    }
}
