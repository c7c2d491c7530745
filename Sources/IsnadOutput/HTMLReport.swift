import IsnadCore

/// `isnad report --html`: one self-contained HTML5 page over a batch. No network at all: inline
/// CSS, inline SVG charts, system fonts, no script. Right-to-left Arabic (`lang="ar" dir="rtl"`).
///
/// Sections: a summary (documents, attributions, speakers; counts by kind and by speaker type);
/// charts (top speakers, attributions by kind, claims by day when documents carry a `date`); the
/// speakers ranked by claims with their type, cues and documents; then each document's text
/// with every attribution's speaker mention, cue and content highlighted, and its list of
/// attributions.
///
/// Ids: `s<rank>` a speaker's row, `d<n>` the n-th document (1-based, input order),
/// `d<n>-a<id>` where attribution `id` starts in the text, `d<n>-l<id>` its row in the list.
/// Every link points at an element of the page: documents whose text is not embedded (past
/// `maxDocuments`) are named without links.
///
/// Every piece of input (texts, names, ids, carried fields) is escaped. The output depends on
/// the batch alone (no time stamp, no hash order): same input, same bytes.
public enum HTMLReport {
    public struct Options: Sendable {
        /// The page's title and heading.
        public var title: String
        /// How many document texts (the first ones, in input order) the page embeds.
        public var maxDocuments: Int
        /// Bars in the top-speakers chart.
        public var topSpeakers: Int
        /// `<meta name="generator">`, e.g. "isnad 0.3.0"; nil leaves it out.
        public var generator: String?

        public init(title: String = "تقرير الإسناد: من قال ماذا", maxDocuments: Int = 2000, topSpeakers: Int = 15, generator: String? = nil) {
            self.title = title
            self.maxDocuments = maxDocuments
            self.topSpeakers = topSpeakers
            self.generator = generator
        }
    }

    public static func render(_ batch: ReportBatch, options: Options = Options()) -> String {
        var page = HTMLPage(batch: batch, options: options)
        return page.render()
    }
}

// MARK: - Labels

extension Kind {
    var arabic: String {
        switch self {
        case .direct: return "مباشر"
        case .indirect: return "غير مباشر"
        case .mixed: return "مختلط"
        }
    }
}

extension SpeakerType {
    var arabic: String {
        switch self {
        case .person: return "شخص"
        case .organization: return "جهة"
        case .unnamed: return "مصدر غير مسمّى"
        case .unknown: return "غير محدد"
        }
    }
    static let reportOrder: [SpeakerType] = [.person, .organization, .unnamed, .unknown]
}

extension Resolution {
    var arabic: String {
        switch self {
        case .explicit: return "صريح"
        case .title: return "بلقبه"
        case .alias: return "باسم آخر"
        case .continuation: return "استمرار"
        case .unnamed: return "غير مسمّى"
        case .unresolved: return "لم يُحدَّد"
        }
    }
}

// MARK: - Escaping

/// HTML escaping for text and attribute values (both quote kinds escaped, so the same function
/// serves both). Control characters that HTML forbids become U+FFFD.
enum HTML {
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        append(s[...], to: &out)
        return out
    }

    static func append(_ s: Substring, to out: inout String) {
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || (0xFDD0...0xFDEF).contains(u.value) || u.value & 0xFFFE == 0xFFFE {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
    }
}

// MARK: - The page

struct HTMLPage {
    let batch: ReportBatch
    let options: Options
    typealias Options = HTMLReport.Options
    var out = ""

    /// Whether document i's section (text and list) is on the page.
    let embedded: [Bool]
    /// Per speaker entry: its cue lemmas with counts, and its documents with attribution ids.
    var cueCounts: [[String: Int]]
    var speakerDocs: [[(doc: Int, ids: [Int])]]
    /// Per document: the anchor id used for each attribution (its id, or its position when the
    /// document's ids are not unique).
    let anchorIDs: [[Int]]

    init(batch: ReportBatch, options: Options) {
        self.batch = batch
        self.options = options
        embedded = batch.documents.indices.map { $0 < options.maxDocuments }
        anchorIDs = batch.documents.map { d in
            let ids = d.result.attributions.map(\.id)
            return Set(ids).count == ids.count ? ids : ids.indices.map { $0 + 1 }
        }
        let n = batch.speakers.entries.count
        cueCounts = Array(repeating: [:], count: n)
        speakerDocs = Array(repeating: [], count: n)
        for (di, d) in batch.documents.enumerated() {
            for (ai, a) in d.result.attributions.enumerated() {
                guard let s = d.speakers[ai] else { continue }
                cueCounts[s][a.cue.lemma.isEmpty ? a.cue.span.text : a.cue.lemma, default: 0] += 1
                if let last = speakerDocs[s].last, last.doc == di {
                    speakerDocs[s][speakerDocs[s].count - 1].ids.append(anchorIDs[di][ai])
                } else {
                    speakerDocs[s].append((di, [anchorIDs[di][ai]]))
                }
            }
        }
    }

    var attributionCount: Int { batch.documents.reduce(0) { $0 + $1.result.attributions.count } }

    mutating func text(_ s: String) { HTML.append(s[...], to: &out) }
    mutating func raw(_ s: String) { out += s }

    mutating func render() -> String {
        raw("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n")
        raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        if let g = options.generator { raw("<meta name=\"generator\" content=\"\(HTML.escape(g))\">\n") }
        raw("<title>")
        text(options.title)
        raw("</title>\n<style>\n\(HTMLPage.css)</style>\n</head>\n<body>\n<header>\n<h1>")
        text(options.title)
        raw("</h1>\n<nav><a href=\"#summary\">الملخص</a> · <a href=\"#charts\">الرسوم</a> · <a href=\"#speakers\">المتحدثون</a> · <a href=\"#documents\">المقالات</a></nav>\n</header>\n<main>\n")
        summary()
        charts()
        speakerTable()
        documents()
        raw("</main>\n</body>\n</html>\n")
        return out
    }

    // MARK: Summary

    mutating func summary() {
        let docs = batch.documents.count
        let attributions = attributionCount
        let shown = embedded.filter { $0 }.count
        raw("<section id=\"summary\">\n<h2>الملخص <small lang=\"en\" dir=\"ltr\">Summary</small></h2>\n<div class=\"cards\">\n")
        card("المقالات", docs)
        card("الإسنادات", attributions)
        card("المتحدثون", batch.speakers.entries.count)
        if batch.failures > 0 { card("مدخلات تعذّرت قراءتها", batch.failures) }
        raw("</div>\n")
        if shown < docs {
            raw("<p class=\"note\">عُرضت نصوص أول \(shown) من \(docs) مقالة؛ تُركت نصوص \(docs - shown) (الحدّ <code dir=\"ltr\">--max-documents \(options.maxDocuments)</code>). الملخص والرسوم وجدول المتحدثين تشمل المقالات كلها.</p>\n")
        }
        var byKind: [Kind: Int] = [:]
        var byType: [SpeakerType: Int] = [:]
        var unresolved = 0
        for d in batch.documents {
            for (i, a) in d.result.attributions.enumerated() {
                byKind[a.kind, default: 0] += 1
                if let s = d.speakers[i] { byType[batch.speakers.entries[s].type, default: 0] += 1 } else { unresolved += 1 }
            }
        }
        var speakersByType: [SpeakerType: Int] = [:]
        for e in batch.speakers.entries { speakersByType[e.type, default: 0] += 1 }

        raw("<div class=\"tables\">\n<table class=\"small\">\n<caption>الإسنادات حسب النوع</caption>\n<thead><tr><th>النوع</th><th class=\"num\">العدد</th><th class=\"num\">النسبة</th></tr></thead>\n<tbody>\n")
        for k in Kind.allCases {
            let c = byKind[k] ?? 0
            raw("<tr><td><span class=\"swatch k-\(k.rawValue)\"></span>\(k.arabic) <small dir=\"ltr\">\(k.rawValue)</small></td><td class=\"num\">\(c)</td><td class=\"num\">\(HTMLPage.percent(c, attributions))</td></tr>\n")
        }
        raw("</tbody>\n</table>\n<table class=\"small\">\n<caption>حسب نوع المتحدث</caption>\n<thead><tr><th>نوع المتحدث</th><th class=\"num\">المتحدثون</th><th class=\"num\">الإسنادات</th></tr></thead>\n<tbody>\n")
        for t in SpeakerType.reportOrder {
            raw("<tr><td><span class=\"swatch t-\(t.rawValue)\"></span>\(t.arabic) <small dir=\"ltr\">\(t.rawValue)</small></td><td class=\"num\">\(speakersByType[t] ?? 0)</td><td class=\"num\">\(byType[t] ?? 0)</td></tr>\n")
        }
        raw("<tr><td>بلا متحدث <small dir=\"ltr\">unresolved</small></td><td class=\"num\">–</td><td class=\"num\">\(unresolved)</td></tr>\n")
        raw("</tbody>\n</table>\n</div>\n</section>\n")
    }

    mutating func card(_ label: String, _ value: Int) {
        raw("<div class=\"card\"><div class=\"value\">\(value)</div><div class=\"label\">\(label)</div></div>\n")
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        guard whole > 0 else { return "–" }
        return "\((part * 100 + whole / 2) / whole)%"
    }

    // MARK: Charts

    mutating func charts() {
        raw("<section id=\"charts\">\n<h2>الرسوم <small lang=\"en\" dir=\"ltr\">Charts</small></h2>\n<div class=\"charts\">\n")
        let top = batch.speakers.entries.prefix(options.topSpeakers).enumerated().map { i, e in
            BarChart.Row(label: e.name, value: e.claims, cls: "t-\(e.type.rawValue)", href: "#s\(i + 1)")
        }
        raw("<figure class=\"wide\">\n<figcaption>أكثر المتحدثين إسنادًا (أعلى \(options.topSpeakers))</figcaption>\n")
        raw(top.isEmpty ? "<p class=\"empty\">لا متحدثين.</p>\n" : BarChart.horizontal(top, title: "أكثر المتحدثين إسنادًا", labelWidth: 250))
        raw("</figure>\n")

        var byKind: [Kind: Int] = [:]
        for d in batch.documents { for a in d.result.attributions { byKind[a.kind, default: 0] += 1 } }
        let kinds = Kind.allCases.map { BarChart.Row(label: $0.arabic, value: byKind[$0] ?? 0, cls: "k-\($0.rawValue)", href: nil) }
        raw("<figure>\n<figcaption>الإسنادات حسب النوع</figcaption>\n")
        raw(BarChart.horizontal(kinds, title: "الإسنادات حسب النوع", labelWidth: 110, width: 520))
        raw("</figure>\n")

        var byType: [SpeakerType: Int] = [:]
        for d in batch.documents {
            for s in d.speakers { if let s { byType[batch.speakers.entries[s].type, default: 0] += 1 } }
        }
        let types = SpeakerType.reportOrder.filter { $0 != .unknown || byType[$0] != nil }.map {
            BarChart.Row(label: $0.arabic, value: byType[$0] ?? 0, cls: "t-\($0.rawValue)", href: nil)
        }
        raw("<figure>\n<figcaption>الإسنادات حسب نوع المتحدث</figcaption>\n")
        raw(BarChart.horizontal(types, title: "الإسنادات حسب نوع المتحدث", labelWidth: 130, width: 520))
        raw("</figure>\n")

        var byDay: [Int: Int] = [:]
        var undated = 0
        for d in batch.documents {
            if let s = d.field("date"), let day = CivilDate.parseDay(s) { byDay[day, default: 0] += d.result.attributions.count } else { undated += 1 }
        }
        if !byDay.isEmpty {
            raw("<figure class=\"wide\">\n<figcaption>الأقوال حسب اليوم")
            if undated > 0 { raw(" <small>(\(undated) مقالة بلا تاريخ لا تظهر هنا)</small>") }
            raw("</figcaption>\n")
            raw(BarChart.days(byDay, title: "الأقوال حسب اليوم"))
            raw("</figure>\n")
        }
        raw("</div>\n</section>\n")
    }

    // MARK: Speakers

    mutating func speakerTable() {
        raw("<section id=\"speakers\">\n<h2>المتحدثون <small lang=\"en\" dir=\"ltr\">Speakers</small></h2>\n")
        raw("<p class=\"note\">مرتبون حسب عدد الأقوال. يُجمع المتحدث الواحد عبر المقالات بمعجم الأعلام، ثم بالاسم بعد التطبيع، ثم باسم العائلة وحده إذا لم يطابق إلا شخصًا واحدًا.</p>\n")
        if batch.speakers.entries.isEmpty {
            raw("<p class=\"empty\">لا متحدثين.</p>\n</section>\n")
            return
        }
        raw("<div class=\"scroll\"><table class=\"speakers\">\n<thead><tr><th class=\"num\">#</th><th>المتحدث</th><th>النوع</th><th class=\"num\">الأقوال</th><th>أفعال القول</th><th>المقالات</th></tr></thead>\n<tbody>\n")
        for (i, e) in batch.speakers.entries.enumerated() {
            raw("<tr id=\"s\(i + 1)\"><td class=\"num\">\(i + 1)</td><td><bdi class=\"name\">")
            text(e.name)
            raw("</bdi>")
            if let id = e.entity {
                raw(" <code class=\"entity\" dir=\"ltr\">")
                text(id)
                raw("</code>")
            }
            let others = e.names.filter { $0.name != e.name }
            if !others.isEmpty {
                raw("<div class=\"aka\">وأيضًا: ")
                for (j, n) in others.prefix(8).enumerated() {
                    if j > 0 { raw("، ") }
                    raw("<bdi>")
                    text(n.name)
                    raw("</bdi> (\(n.count))")
                }
                if others.count > 8 { raw("، …") }
                raw("</div>")
            }
            raw("</td><td class=\"type\"><span class=\"swatch t-\(e.type.rawValue)\"></span>\(e.type.arabic)</td><td class=\"num\">\(e.claims)</td><td class=\"cues\">")
            let cues = cueCounts[i].sorted { $0.value != $1.value ? $0.value > $1.value : SpeakerIndexOrder.less($0.key, $1.key) }
            for (j, c) in cues.enumerated() {
                if j > 0 { raw("، ") }
                raw("<bdi>")
                // A cue that is punctuation (a colon before a quotation) is quoted to be seen.
                text(c.key.contains(where: \.isLetter) ? c.key : "«" + c.key + "»")
                raw("</bdi>&nbsp;×\(c.value)")
            }
            raw("</td><td class=\"docs\">")
            for (j, ref) in speakerDocs[i].enumerated() {
                if j > 0 { raw(" ") }
                raw("<span class=\"dref\">")
                let label = HTMLPage.label(batch.documents[ref.doc])
                if embedded[ref.doc] {
                    raw("<a href=\"#d\(ref.doc + 1)\"><bdi>")
                    text(label)
                    raw("</bdi></a>")
                    for id in ref.ids { raw(" <a class=\"aref\" href=\"#d\(ref.doc + 1)-a\(id)\">\(id)</a>") }
                } else {
                    raw("<bdi>")
                    text(label)
                    raw("</bdi>")
                    raw(" <span class=\"aref\">" + ref.ids.map(String.init).joined(separator: " ") + "</span>")
                }
                raw("</span>")
            }
            raw("</td></tr>\n")
        }
        raw("</tbody>\n</table></div>\n</section>\n")
    }

    /// A document's short name: the last path component of its name (the id for JSON Lines).
    static func label(_ d: ReportBatch.Document) -> String {
        let name = d.result.document
        if let slash = name.lastIndex(of: "/"), name.index(after: slash) < name.endIndex { return String(name[name.index(after: slash)...]) }
        return name
    }

    // MARK: Documents

    mutating func documents() {
        raw("<section id=\"documents\">\n<h2>المقالات <small lang=\"en\" dir=\"ltr\">Documents</small></h2>\n")
        raw("<p class=\"legend\"><span class=\"sp\">المتحدث</span> <span class=\"cue\">فعل القول</span> <span class=\"ct\">المضمون</span> <span class=\"ct x2\">مضمون متداخل</span> <span class=\"mk\">1</span> رقم الإسناد</p>\n")
        let left = embedded.filter { !$0 }.count
        if left > 0 {
            raw("<p class=\"note\">لم تُعرض \(left) مقالة بعد أول \(options.maxDocuments) (الحدّ <code dir=\"ltr\">--max-documents</code>).</p>\n")
        }
        for (i, d) in batch.documents.enumerated() where embedded[i] {
            document(d, number: i + 1)
        }
        raw("</section>\n")
    }

    mutating func document(_ d: ReportBatch.Document, number n: Int) {
        raw("<article class=\"doc\" id=\"d\(n)\">\n<h3><span class=\"docno\">\(n)</span> <bdi>")
        text(d.field("title") ?? HTMLPage.label(d))
        raw("</bdi></h3>\n<dl class=\"meta\"><dt>المستند</dt><dd><bdi dir=\"ltr\">")
        text(d.result.document)
        raw("</bdi></dd>")
        for (key, json) in d.result.carried where key != "title" {
            let value: String
            if json.hasPrefix("\"") { value = JSONValue.decodeString(json) ?? json } else { value = json }
            raw("<dt>")
            text(key)
            raw("</dt><dd><bdi>")
            if key == "url", HTMLPage.isWebURL(value) {
                raw("<a rel=\"noreferrer noopener\" href=\"")
                text(value)
                raw("\">")
                text(value)
                raw("</a>")
            } else {
                text(value)
            }
            raw("</bdi></dd>")
        }
        raw("<dt>الإسنادات</dt><dd>\(d.result.attributions.count)</dd></dl>\n")
        let anchors = anchorIDs[n - 1]
        var placed = Set<Int>()
        if let t = d.result.text {
            raw("<div class=\"text\">")
            placed = highlighted(t, d.result.attributions, anchors: anchors, doc: n)
            raw("</div>\n")
        } else {
            raw("<p class=\"note\">النص غير محفوظ.</p>\n")
        }
        guard !d.result.attributions.isEmpty else {
            raw("<p class=\"empty\">لا إسنادات.</p>\n</article>\n")
            return
        }
        raw("<div class=\"scroll\"><table class=\"attrs\">\n<thead><tr><th class=\"num\">#</th><th>المتحدث</th><th>فعل القول</th><th>النوع</th><th>المضمون</th><th class=\"num\">الثقة</th></tr></thead>\n<tbody>\n")
        for (i, a) in d.result.attributions.enumerated() {
            let id = anchors[i]
            raw("<tr id=\"d\(n)-l\(id)\"><td class=\"num\">")
            if placed.contains(id) {
                raw("<a href=\"#d\(n)-a\(id)\">\(id)</a>")
            } else {
                raw("<span id=\"d\(n)-a\(id)\">\(id)</span>")
            }
            raw("</td><td>")
            if let s = d.speakers[i] {
                raw("<a href=\"#s\(s + 1)\"><bdi>")
                text(batch.speakers.entries[s].name)
                raw("</bdi></a>")
            } else {
                raw("<span class=\"none\">—</span>")
            }
            if let m = a.speaker.mention, m.text != a.speaker.name {
                raw("<div class=\"mention\"><bdi>")
                text(m.text)
                raw("</bdi></div>")
            }
            raw("<div class=\"res\" title=\"\(a.speaker.resolution.rawValue)\">\(a.speaker.resolution.arabic)</div></td><td><bdi>")
            text(a.cue.span.text)
            raw("</bdi>")
            if !a.cue.lemma.isEmpty && a.cue.lemma != a.cue.span.text {
                raw(" <small>(")
                text(a.cue.lemma)
                raw(")</small>")
            }
            raw("</td><td><span class=\"swatch k-\(a.kind.rawValue)\"></span>\(a.kind.arabic)</td><td class=\"content\">")
            text(a.content.text)
            raw("</td><td class=\"num\">\(HTMLPage.fixed2(a.confidence))</td></tr>\n")
        }
        raw("</tbody>\n</table></div>\n</article>\n")
    }

    static func isWebURL(_ s: String) -> Bool {
        let l = s.lowercased()
        return (l.hasPrefix("http://") || l.hasPrefix("https://")) && !s.contains(where: { $0.isWhitespace })
    }

    static func fixed2(_ d: Double) -> String {
        guard d.isFinite else { return "–" }
        let h = Int((d * 100).rounded())
        let sign = h < 0 ? "-" : ""
        let a = abs(h)
        return "\(sign)\(a / 100).\(a % 100 < 10 ? "0" : "")\(a % 100)"
    }

    /// Writes the text with its spans highlighted; returns the anchor ids placed in it.
    ///
    /// The text is cut at every span boundary (offsets in Unicode scalars, clamped to the text);
    /// each piece gets the classes of the spans covering it (`sp` speaker mention, `cue`, `ct`
    /// content, `x2` where two contents overlap), so overlapping spans need no nesting. Each
    /// attribution's numbered anchor goes at the start of the word where its first span starts
    /// (not inside a word, which would break Arabic letter joining); a continuation's mention,
    /// which is an earlier sentence's, does not count.
    mutating func highlighted(_ text: String, _ attributions: [Attribution], anchors: [Int], doc: Int) -> Set<Int> {
        let scalars = Array(text.unicodeScalars)
        let n = scalars.count
        struct Mark { let start: Int, end: Int, cls: Int }  // cls: 0 speaker, 1 cue, 2 content
        var marks: [Mark] = []
        var anchorAt: [(pos: Int, id: Int)] = []
        for (i, a) in attributions.enumerated() {
            var first: Int?
            for (span, cls) in [(a.speaker.mention, 0), (a.cue.span, 1), (a.content, 2)] {
                guard let span else { continue }
                let s = max(0, min(span.start, n)), e = max(0, min(span.end, n))
                guard e > s else { continue }
                marks.append(Mark(start: s, end: e, cls: cls))
                // A continuation's mention is its antecedent, sentences away: not its place.
                if cls != 0 || a.speaker.resolution != .continuation { first = min(first ?? s, s) }
            }
            if var p = first {
                while p > 0, HTMLPage.isWordScalar(scalars[p - 1]) { p -= 1 }
                anchorAt.append((p, anchors[i]))
            }
        }
        anchorAt.sort { $0.pos != $1.pos ? $0.pos < $1.pos : $0.id < $1.id }
        var cuts = Set([0, n])
        for m in marks { cuts.insert(m.start); cuts.insert(m.end) }
        for a in anchorAt { cuts.insert(a.pos) }
        let bounds = cuts.sorted()
        // Sweep: marks sorted by start; the active ones are those with start <= piece < end.
        let byStart = marks.sorted { $0.start < $1.start }
        var next = 0
        var active: [Mark] = []
        var nextAnchor = 0
        var piece = ""
        for k in 0..<(bounds.count - 1) {
            let lo = bounds[k], hi = bounds[k + 1]
            while nextAnchor < anchorAt.count, anchorAt[nextAnchor].pos == lo {
                let id = anchorAt[nextAnchor].id
                raw("<a class=\"mk\" id=\"d\(doc)-a\(id)\" href=\"#d\(doc)-l\(id)\">\(id)</a>")
                nextAnchor += 1
            }
            active.removeAll { $0.end <= lo }
            while next < byStart.count, byStart[next].start <= lo {
                if byStart[next].end > lo { active.append(byStart[next]) }
                next += 1
            }
            piece = ""
            piece.unicodeScalars.append(contentsOf: scalars[lo..<hi])
            if active.isEmpty {
                HTML.append(piece[...], to: &out)
                continue
            }
            var classes: [String] = []
            let contents = active.filter { $0.cls == 2 }.count
            if contents > 0 { classes.append("ct") }
            if contents > 1 { classes.append("x2") }
            if active.contains(where: { $0.cls == 0 }) { classes.append("sp") }
            if active.contains(where: { $0.cls == 1 }) { classes.append("cue") }
            raw("<span class=\"\(classes.joined(separator: " "))\">")
            HTML.append(piece[...], to: &out)
            raw("</span>")
        }
        while nextAnchor < anchorAt.count {
            let id = anchorAt[nextAnchor].id
            raw("<a class=\"mk\" id=\"d\(doc)-a\(id)\" href=\"#d\(doc)-l\(id)\">\(id)</a>")
            nextAnchor += 1
        }
        return Set(anchorAt.map(\.id))
    }

    /// Letters, marks and digits: scalars that continue a word.
    static func isWordScalar(_ u: Unicode.Scalar) -> Bool {
        let p = u.properties
        return p.isAlphabetic || p.generalCategory == .nonspacingMark || p.generalCategory == .decimalNumber
            || u.value == 0x0640  // tatweel
    }

    // MARK: Style

    static let css = """
    :root { --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --bg: #ffffff; --panel: #f5f7fa;
      --sp-bg: #d6e6ff; --sp-ink: #0b3d91; --cue-bg: #ffd9de; --cue-ink: #8a1029; --ct-bg: #fff1c2; --ct2-bg: #ffe08a; }
    * { box-sizing: border-box; }
    html { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Geeza Pro", "Segoe UI", Tahoma, "DejaVu Sans", "Arial", sans-serif;
      font-size: 17px; line-height: 1.8; color: var(--ink); background: var(--bg); }
    body { margin: 0; }
    header { background: #102a43; color: #fff; padding: 1.2rem 2rem 0.8rem; }
    header h1 { margin: 0 0 .3rem; font-size: 1.6rem; line-height: 1.4; }
    header nav a { color: #bcccdc; }
    main { max-width: 1200px; margin: 0 auto; padding: 0 1.5rem 3rem; }
    h2 { font-size: 1.35rem; border-bottom: 2px solid var(--line); padding-bottom: .3rem; margin-top: 2rem; }
    h2 small, caption small { color: var(--muted); font-weight: normal; font-size: .75em; }
    a { color: #0b57d0; text-decoration: none; }
    a:hover { text-decoration: underline; }
    code { font-family: "DejaVu Sans Mono", monospace; font-size: .85em; }
    .cards { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0; }
    .card { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: .6rem 1.2rem; min-width: 9rem; }
    .card .value { font-size: 1.7rem; font-weight: bold; line-height: 1.3; }
    .card .label { color: var(--muted); }
    .tables { display: flex; flex-wrap: wrap; gap: 2rem; align-items: flex-start; }
    .note { color: var(--muted); font-size: .92rem; }
    .empty { color: var(--muted); font-style: italic; }
    table { border-collapse: collapse; margin: .5rem 0; }
    caption { text-align: start; font-weight: bold; padding: .2rem 0; }
    th, td { text-align: start; vertical-align: top; padding: .3rem .6rem; border-bottom: 1px solid var(--line); }
    th { background: var(--panel); font-weight: bold; white-space: nowrap; }
    td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .scroll { overflow-x: auto; }
    table.speakers, table.attrs { width: 100%; font-size: .93rem; }
    table.speakers .name { font-weight: bold; }
    .entity { color: var(--muted); white-space: nowrap; display: inline-block; }
    .aka, .mention, .res { color: var(--muted); font-size: .85em; }
    td.cues { min-width: 15rem; }
    td.docs { line-height: 2; min-width: 16rem; }
    .dref { display: inline-block; max-width: 100%; background: var(--panel); border-radius: 4px; padding: 0 .35rem; margin: 0 0 .2rem .2rem; }
    td.type { white-space: nowrap; }
    .aref { font-size: .85em; }
    td.content { min-width: 18rem; }
    .swatch { display: inline-block; width: .75em; height: .75em; border-radius: 2px; margin-inline-end: .35em; vertical-align: baseline; }
    .k-direct { background: #1d4ed8; fill: #1d4ed8; } .k-indirect { background: #15803d; fill: #15803d; } .k-mixed { background: #c2410c; fill: #c2410c; }
    .t-person { background: #2563eb; fill: #2563eb; } .t-organization { background: #7c3aed; fill: #7c3aed; }
    .t-unnamed { background: #64748b; fill: #64748b; } .t-unknown { background: #94a3b8; fill: #94a3b8; }
    .charts { display: flex; flex-wrap: wrap; gap: 1.5rem 2.5rem; align-items: flex-start; }
    figure { margin: 0; }
    figure.wide { flex-basis: 100%; }
    figcaption { font-weight: bold; margin-bottom: .3rem; }
    figcaption small { font-weight: normal; color: var(--muted); }
    svg.chart { max-width: 100%; height: auto; font-family: inherit; }
    svg.chart text { font-size: 14px; fill: var(--ink); }
    svg.chart text.val, svg.chart text.tick { font-size: 12px; fill: var(--muted); }
    svg.chart .axis { stroke: #9aa5b1; stroke-width: 1; }
    svg.chart .grid { stroke: var(--line); stroke-width: 1; }
    svg.chart .day { fill: #0f766e; }
    svg.chart a:hover text { fill: #0b57d0; }
    article.doc { border-top: 1px solid var(--line); padding-top: 1rem; margin-top: 2rem; }
    article.doc h3 { font-size: 1.2rem; line-height: 1.6; margin: 0 0 .4rem; }
    .docno { display: inline-block; min-width: 1.8em; text-align: center; background: #102a43; color: #fff; border-radius: 4px; font-size: .8em; padding: 0 .3em; }
    dl.meta { display: flex; flex-wrap: wrap; gap: .1rem 1rem; font-size: .85rem; color: var(--muted); margin: 0 0 .6rem; }
    dl.meta dt { font-weight: bold; } dl.meta dt::after { content: ":"; } dl.meta dd { margin: 0; overflow-wrap: anywhere; }
    .text { white-space: pre-wrap; line-height: 2.1; font-size: 1.06rem; background: #fcfcfd; border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1.1rem; }
    .ct { background: var(--ct-bg); }
    .ct.x2 { background: var(--ct2-bg); }
    .sp { background: var(--sp-bg); color: var(--sp-ink); }
    .cue { background: var(--cue-bg); color: var(--cue-ink); text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 5px; }
    .legend span { padding: 0 .3rem; border-radius: 3px; }
    .legend .mk, a.mk { display: inline-block; font-size: .7rem; line-height: 1.3; min-width: 1.3rem; text-align: center; vertical-align: super;
      background: #102a43; color: #fff; border-radius: 8px; padding: 0 .25rem; margin: 0 .1rem; text-decoration: none; }
    :target { outline: 3px solid #f59e0b; outline-offset: 2px; }
    tr:target td { background: #fff7e0; }
    .none { color: var(--muted); }

    """
}

/// Name ordering by Unicode scalars (deterministic; `String`'s `<` ties canonical equivalents).
enum SpeakerIndexOrder {
    static func less(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value }
    }
}

// MARK: - Charts

/// Inline SVG bar charts. Coordinates are laid out for a right-to-left reader: labels on the
/// right, bars growing leftwards. Each SVG sets `direction="ltr"` so that `text-anchor="end"`
/// means "ends at x" whatever the page direction (Arabic text still shapes and orders itself).
enum BarChart {
    struct Row {
        let label: String
        let value: Int
        let cls: String
        let href: String?
    }

    static func horizontal(_ rows: [Row], title: String, labelWidth: Int, width: Int = 880) -> String {
        let rowH = 28, top = 8, bottom = 8
        let height = top + rows.count * rowH + bottom
        let barRight = width - labelWidth - 12  // bars end (on the right) here
        let barMax = barRight - 56              // room on the left for the value
        let maxValue = max(1, rows.map(\.value).max() ?? 1)
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" direction=\"ltr\" role=\"img\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n<title>\(HTML.escape(title))</title>\n"
        s += "<line class=\"axis\" x1=\"\(barRight)\" y1=\"\(top - 4)\" x2=\"\(barRight)\" y2=\"\(height - bottom + 4)\"/>\n"
        for (i, r) in rows.enumerated() {
            let y = top + i * rowH
            let w = r.value == 0 ? 0 : max(2, Int((Double(barMax) * Double(r.value) / Double(maxValue)).rounded()))
            let label = HTML.escape(truncate(r.label, 34))
            s += "<g><title>\(HTML.escape(r.label)): \(r.value)</title>"
            let textTag = "<text x=\"\(width - 6)\" y=\"\(y + 19)\" text-anchor=\"end\">\(label)</text>"
            if let href = r.href { s += "<a href=\"\(HTML.escape(href))\">\(textTag)</a>" } else { s += textTag }
            s += "<rect class=\"\(r.cls)\" x=\"\(barRight - w)\" y=\"\(y + 5)\" width=\"\(w)\" height=\"\(rowH - 10)\" rx=\"2\"/>"
            s += "<text class=\"val\" x=\"\(barRight - w - 6)\" y=\"\(y + 19)\" text-anchor=\"end\">\(r.value)</text></g>\n"
        }
        return s + "</svg>\n"
    }

    /// Columns per day, oldest on the left (dates read left to right, as in print); gaps of up
    /// to 400 days are filled with empty days so the axis is to scale.
    static func days(_ counts: [Int: Int], title: String) -> String {
        let known = counts.keys.sorted()
        let first = known.first!, last = known.last!
        let days = last - first < 400 ? Array(first...last) : known
        let width = 880, height = 260, padL = 48, padR = 16, padT = 14, padB = 46
        let plotW = width - padL - padR, plotH = height - padT - padB
        let marks = ticks(max(1, counts.values.max() ?? 1))
        let maxValue = marks.last!
        let step = Double(plotW) / Double(days.count)
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" direction=\"ltr\" role=\"img\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n<title>\(HTML.escape(title))</title>\n"
        for t in marks {
            let y = padT + plotH - Int((Double(plotH) * Double(t) / Double(maxValue)).rounded())
            s += "<line class=\"grid\" x1=\"\(padL)\" y1=\"\(y)\" x2=\"\(width - padR)\" y2=\"\(y)\"/><text class=\"tick\" x=\"\(padL - 6)\" y=\"\(y + 4)\" text-anchor=\"end\">\(t)</text>\n"
        }
        s += "<line class=\"axis\" x1=\"\(padL)\" y1=\"\(padT + plotH)\" x2=\"\(width - padR)\" y2=\"\(padT + plotH)\"/>\n"
        let labelEvery = max(1, Int((Double(days.count) / 7).rounded(.up)))
        for (i, day) in days.enumerated() {
            let v = counts[day] ?? 0
            let x0 = Double(padL) + step * Double(i)
            let bw = max(1.0, step * 0.78)
            let h = Int((Double(plotH) * Double(v) / Double(maxValue)).rounded())
            let date = CivilDate.string(day)
            if v > 0 {
                s += "<rect class=\"day\" x=\"\(fmt(x0 + (step - bw) / 2))\" y=\"\(padT + plotH - h)\" width=\"\(fmt(bw))\" height=\"\(h)\"><title>\(date): \(v)</title></rect>\n"
            }
            if i % labelEvery == 0 {
                let cx = fmt(x0 + step / 2)
                s += "<line class=\"axis\" x1=\"\(cx)\" y1=\"\(padT + plotH)\" x2=\"\(cx)\" y2=\"\(padT + plotH + 4)\"/><text class=\"tick\" x=\"\(cx)\" y=\"\(padT + plotH + 20)\" text-anchor=\"middle\">\(date)</text>\n"
            }
        }
        return s + "</svg>\n"
    }

    /// Round axis marks from 0 to the first mark at or above the maximum (3 to 6 marks): the
    /// last one is the top of the axis.
    static func ticks(_ maxValue: Int) -> [Int] {
        let raw = Double(max(1, maxValue)) / 4
        let magnitude = pow10(log10floor(raw))
        let step = [1, 2, 5, 10].map { $0 * magnitude }.first { Double($0) >= raw } ?? 10 * magnitude
        let top = (max(1, maxValue) + step - 1) / step * step
        return Array(stride(from: 0, through: top, by: step))
    }

    static func log10floor(_ x: Double) -> Int {
        var n = 0, v = max(1, x)
        while v >= 10 { v /= 10; n += 1 }
        return n
    }

    static func pow10(_ n: Int) -> Int { (0..<n).reduce(1) { r, _ in r * 10 } }

    static func fmt(_ d: Double) -> String {
        let t = Int((d * 10).rounded())
        return t % 10 == 0 ? String(t / 10) : "\(t / 10).\(abs(t % 10))"
    }

    static func truncate(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }
}

/// Days since 1970-01-01 for `YYYY-MM-DD…` dates, and back (proleptic Gregorian; Howard
/// Hinnant's algorithms), without Foundation's calendars and time zones.
enum CivilDate {
    static func parseDay(_ s: String) -> Int? {
        let u = Array(s.utf8.prefix(10))
        guard u.count == 10, u[4] == 0x2D, u[7] == 0x2D else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for b in u[r] { guard (0x30...0x39).contains(b) else { return nil }; v = v * 10 + Int(b - 0x30) }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return days(y, m, d)
    }

    static func days(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func string(_ z0: Int) -> String {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}
