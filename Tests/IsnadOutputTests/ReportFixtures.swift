import IsnadCore

/// Hand-made results for the report writers: spans are found by their text in the document and
/// given in Unicode scalars, so tests do not depend on the resolver's current accuracy.
enum ReportFixture {
    /// The span of the `occurrence`-th (from 0) appearance of `needle` in `text`.
    static func span(_ needle: String, in text: String, occurrence: Int = 0) -> Span {
        var from = text.startIndex
        var found: Range<String.Index>?
        for _ in 0...occurrence {
            found = text.range(of: needle, range: from..<text.endIndex)
            precondition(found != nil, "'\(needle)' is not in the text")
            from = found!.upperBound
        }
        let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: found!.lowerBound)
        return Span(text: needle, start: start, end: start + needle.unicodeScalars.count)
    }

    static func attribution(_ id: Int, in text: String, speaker name: String?, mention: String? = nil, type: SpeakerType = .person,
                            entity: String? = nil, cue: String, lemma: String? = nil, content: String, kind: Kind = .indirect,
                            confidence: Double = 0.8) -> Attribution {
        let m = mention ?? name
        return Attribution(
            id: id,
            speaker: Speaker(name: name, mention: m.map { span($0, in: text) }, resolution: name == nil ? .unresolved : .explicit,
                             entity: entity, type: name == nil ? .unknown : type),
            cue: Cue(span: span(cue, in: text), lemma: lemma ?? cue, rule: "test.rule"),
            content: span(content, in: text), kind: kind, confidence: confidence, sentence: 0)
    }

    static let gazetteer: Gazetteer = try! Gazetteer.parse("vladimir-putin\tفلاديمير بوتين\tperson\tبوتين\n", path: "test.tsv")

    /// Three documents: Putin under two names, an organisation, an unresolved speaker, a date
    /// on two of them, and hostile markup in a text, a name and a carried title.
    static func documents() -> [DocumentResult] {
        let t1 = "😀 ذَكَرَ التقرير أمس. قال الرئيس الروسي فلاديمير بوتين إن المحادثات كانت مثمرة. وأكدت وزارة الخارجية أن الاتفاق قريب."
        let d1 = DocumentResult(document: "news/one.txt", attributions: [
            attribution(1, in: t1, speaker: "فلاديمير بوتين", mention: "الرئيس الروسي فلاديمير بوتين", cue: "قال", content: "المحادثات كانت مثمرة"),
            attribution(2, in: t1, speaker: "وزارة الخارجية", type: .organization, cue: "وأكدت", lemma: "أكد", content: "الاتفاق قريب"),
        ], carried: [("title", "\"<script>alert('title')</script> عنوان\""), ("date", "\"2015-07-21 10:00:00\""), ("outlet", "\"okaz\"")], text: t1)

        let t2 = "<script>alert(1)</script>\nوأضاف بوتين أن «روسيا لن تتراجع» عن موقفها. وقيل إن الوضع هادئ."
        let d2 = DocumentResult(document: "news/two.txt", attributions: [
            attribution(1, in: t2, speaker: "بوتين", cue: "وأضاف", lemma: "أضاف", content: "«روسيا لن تتراجع» عن موقفها", kind: .mixed),
            attribution(2, in: t2, speaker: nil, cue: "وقيل", lemma: "قيل", content: "الوضع هادئ"),
        ], carried: [("date", "\"2015-07-23\""), ("url", "\"javascript:alert(2)\"")], text: t2)

        // The content of 1 holds the speaker and cue of 2, and the contents overlap.
        let t3 = "قال المتحدث <b onmouseover=x>سامي</b> إن الوزير خالد الحربي صرح بأن الخطة جاهزة تماما."
        let d3 = DocumentResult(document: "news/<three>.txt", attributions: [
            attribution(1, in: t3, speaker: "<b onmouseover=x>سامي</b>", cue: "قال", content: "الوزير خالد الحربي صرح بأن الخطة جاهزة"),
            attribution(2, in: t3, speaker: "خالد الحربي", mention: "الوزير خالد الحربي", cue: "صرح", content: "الخطة جاهزة تماما"),
        ], text: t3)
        return [d1, d2, d3]
    }

    static func batch(_ docs: [DocumentResult] = documents(), failures: Int = 0) -> ReportBatch {
        ReportBatch(results: docs, gazetteer: gazetteer, failures: failures)
    }
}
