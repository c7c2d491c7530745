/// A document cut into tokens, paragraphs, sentences and quotations, over its folded form.
///
/// Tokens are words (letters, marks, digits) or single punctuation characters; spaces and line
/// breaks separate them (a line break also ends a paragraph). Every token knows its folded byte
/// range, for matching, and its original scalar range, for reporting.
public struct AnalyzedText: Sendable {
    public enum TokenKind: Sendable, Equatable { case word, punct }

    public struct Token: Sendable {
        public let kind: TokenKind
        /// Folded UTF-8 byte range.
        public let bytes: Range<Int>
        /// Original Unicode-scalar range.
        public let span: Range<Int>
        /// Folded text of the token.
        public let text: String
        /// The punctuation character (for `.punct`).
        public let mark: Unicode.Scalar?
        public let paragraph: Int
        public internal(set) var sentence: Int = 0
        /// Whether a space or line break precedes the token.
        public let spaceBefore: Bool
    }

    public struct Quote: Sendable {
        /// Token index of the opening mark.
        public let open: Int
        /// Token index of the closing mark; nil when the quotation never closes (it then runs to
        /// the end of its paragraph, ANNOTATION.md rule 13).
        public let close: Int?
        /// Token indices inside the marks.
        public let inner: Range<Int>
        /// Original scalar range inside the marks.
        public let innerSpan: Range<Int>
    }

    public let source: NormalizedText
    public private(set) var tokens: [Token] = []
    /// Token ranges of the paragraphs (non-empty lines), in order.
    public private(set) var paragraphs: [Range<Int>] = []
    /// Token ranges of the sentences, in order; a sentence never crosses a paragraph.
    public private(set) var sentences: [Range<Int>] = []
    public private(set) var quotes: [Quote] = []
    /// For each token, the index of the quotation whose inside holds it, if any.
    public private(set) var quoteOf: [Int?] = []
    /// Quotation index by the token of its opening mark.
    private var quoteByOpen: [Int: Int] = [:]

    /// Words (folded) that open a clause; a one-letter entry is a conjunction prefix (و، ف).
    /// After `..` such a word starts a new sentence.
    private let clauseOpeners: Set<String>

    public init(_ text: String, clauseOpeners: Set<String> = []) {
        self.init(normalized: NormalizedText(text), clauseOpeners: clauseOpeners)
    }

    public init(normalized: NormalizedText, clauseOpeners: Set<String> = []) {
        self.source = normalized
        self.clauseOpeners = clauseOpeners
        tokenize()
        findQuotes()
        splitSentences()
    }

    // MARK: Tokens

    private static func isWordScalar(_ v: UInt32) -> Bool {
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        // The Arabic block without looking up Unicode properties (the hot path): letters,
        // marks and digits are word characters; its punctuation and signs are not.
        if v >= 0x0610 && v <= 0x06FF {
            switch v {
            case 0x061B...0x061F, 0x066A...0x066D, 0x06D4, 0x06DD, 0x06DE, 0x06E9: return false
            default: return true
            }
        }
        guard let s = Unicode.Scalar(v) else { return false }
        let p = s.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark, .otherNumber, .letterNumber: return true
        default: return false
        }
    }

    private static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0x0B || v == 0x0C || v == 0xA0 || v == 0x3000
            || (v >= 0x2000 && v <= 0x200A) || v == 0x2028 || v == 0x2029 || v == 0x202F || v == 0x205F
    }

    private mutating func tokenize() {
        let bytes = source.folded.bytes
        var i = 0
        var paragraph = 0
        var paragraphHasTokens = false
        var paragraphStart = 0
        var spaceBefore = true
        var wordStart: Int?
        func decode(_ at: Int) -> (UInt32, Int) {
            let b0 = UInt32(bytes[at])
            if b0 < 0x80 { return (b0, 1) }
            if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(bytes[at + 1] & 0x3F), 2) }
            if b0 < 0xF0 { return ((b0 & 0x0F) << 12 | UInt32(bytes[at + 1] & 0x3F) << 6 | UInt32(bytes[at + 2] & 0x3F), 3) }
            return ((b0 & 0x07) << 18 | UInt32(bytes[at + 1] & 0x3F) << 12 | UInt32(bytes[at + 2] & 0x3F) << 6 | UInt32(bytes[at + 3] & 0x3F), 4)
        }
        func closeWord(at end: Int) {
            guard let s = wordStart else { return }
            tokens.append(Token(kind: .word, bytes: s..<end, span: source.originalRange(s..<end),
                                text: String(decoding: bytes[s..<end], as: UTF8.self), mark: nil,
                                paragraph: paragraph, spaceBefore: spaceBefore))
            paragraphHasTokens = true
            spaceBefore = false
            wordStart = nil
        }
        while i < bytes.count {
            let (v, n) = decode(i)
            if AnalyzedText.isWordScalar(v) {
                if wordStart == nil { wordStart = i }
            } else {
                closeWord(at: i)
                if AnalyzedText.isSpace(v) {
                    spaceBefore = true
                    if v == 0x0A || v == 0x2029 {
                        if paragraphHasTokens {
                            paragraphs.append(paragraphStart..<tokens.count)
                            paragraph += 1
                        }
                        paragraphHasTokens = false
                        paragraphStart = tokens.count
                    }
                } else {
                    tokens.append(Token(kind: .punct, bytes: i..<(i + n), span: source.originalRange(i..<(i + n)),
                                        text: String(decoding: bytes[i..<(i + n)], as: UTF8.self),
                                        mark: Unicode.Scalar(v), paragraph: paragraph, spaceBefore: spaceBefore))
                    paragraphHasTokens = true
                    spaceBefore = false
                }
            }
            i += n
        }
        closeWord(at: bytes.count)
        if paragraphHasTokens { paragraphs.append(paragraphStart..<tokens.count) }
    }

    // MARK: Quotations

    /// Opening marks and the mark that closes each. `»…«` is the reversed use some outlets make.
    static let closers: [Unicode.Scalar: Set<Unicode.Scalar>] = [
        "\u{201C}": ["\u{201D}", "\u{201C}"],   // “ … ” (or a second “ typed by mistake)
        "\u{201E}": ["\u{201C}", "\u{201D}"],   // „ … “
        "\u{00AB}": ["\u{00BB}"],               // « … »
        "\u{00BB}": ["\u{00AB}"],               // » … « reversed
        "\u{201D}": ["\u{201C}"],               // ” … “ reversed
        "\"": ["\""],
    ]

    public static func isQuoteMark(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return false }
        return closers[s] != nil || s == "\u{201D}" || s == "\u{00BB}"
    }

    /// Whether a mark at token `i` looks like an opener by its spacing (a space before it, a
    /// word right after it) or like a closer (a word right before it, a space or punctuation
    /// after it). Writers attach quotation marks to the quoted words, which tells the role of
    /// a mark better than its shape when outlets mix `«»`, `»«` and stray marks.
    private func spacing(_ i: Int, in p: Range<Int>) -> (opener: Bool, closer: Bool) {
        let t = tokens[i]
        // A one-letter proclitic glued to the mark (`و«الجيش»`, `لـ«عكاظ»`) counts as a space.
        let before = i == p.lowerBound || t.spaceBefore || tokens[i - 1].kind == .punct
            || (tokens[i - 1].text.count == 1 && "وفبلك".contains(tokens[i - 1].text))
        let after = i + 1 >= p.upperBound || tokens[i + 1].spaceBefore || tokens[i + 1].kind == .punct
        return (before && !after, !before && after)
    }

    private mutating func findQuotes() {
        quoteOf = Array(repeating: nil, count: tokens.count)
        for p in paragraphs {
            var open: Int?
            var i = p.lowerBound
            while i < p.upperBound {
                let t = tokens[i]
                guard t.kind == .punct, let m = t.mark, AnalyzedText.isQuoteMark(m) else { i += 1; continue }
                let role = spacing(i, in: p)
                if let o = open {
                    let om = tokens[o].mark!
                    let closes = AnalyzedText.closers[om]!.contains(m)
                    // A mark of the same family placed like a closer closes too (`»…»`, `«…«`).
                    let sameFamily = AnalyzedText.family(om) == AnalyzedText.family(m)
                    if closes && !(role.opener && !role.closer && m != "\"" && AnalyzedText.closers[m] != nil && !sameFamily)
                        || (sameFamily && role.closer) {
                        add(open: o, close: i)
                        open = nil
                    }
                } else if role.closer {
                    // A closer with nothing open: a stray mark, ignored.
                } else if AnalyzedText.closers[m] != nil, m != "\u{00BB}" && m != "\u{201D}" || role.opener {
                    // An opening mark, or a closing shape placed like an opener (reversed `»…«`).
                    let want = AnalyzedText.closers[m]!
                    if role.opener || (i + 1..<p.upperBound).contains(where: { tokens[$0].mark.map(want.contains) == true }) {
                        open = i
                    }
                }
                i += 1
            }
            if let o = open, o + 1 < p.upperBound {
                add(open: o, close: nil, end: p.upperBound)
            }
        }
    }

    /// Quotation marks that pair with each other.
    static func family(_ m: Unicode.Scalar) -> Int {
        switch m {
        case "\u{00AB}", "\u{00BB}": return 1
        case "\u{201C}", "\u{201D}", "\u{201E}": return 2
        default: return 3
        }
    }

    private mutating func add(open: Int, close: Int?, end: Int? = nil) {
        let innerEnd = close ?? end!
        let inner = (open + 1)..<innerEnd
        let span: Range<Int>
        if inner.isEmpty { span = tokens[open].span.upperBound..<tokens[open].span.upperBound }
        else { span = tokens[inner.lowerBound].span.lowerBound..<tokens[inner.upperBound - 1].span.upperBound }
        quoteByOpen[open] = quotes.count
        quotes.append(Quote(open: open, close: close, inner: inner, innerSpan: span))
        for k in inner where quoteOf[k] == nil { quoteOf[k] = quotes.count - 1 }
    }

    /// The quotation opened by the mark at token `i`, if it opens one.
    public func quote(openingAt i: Int) -> Quote? {
        quoteByOpen[i].map { quotes[$0] }
    }

    // MARK: Sentences

    static let sentenceEnds: Set<Unicode.Scalar> = [".", "!", "?", "\u{061F}", "\u{2026}", "\u{06D4}"]

    private mutating func splitSentences() {
        var index = 0
        for p in paragraphs {
            var start = p.lowerBound
            var i = p.lowerBound
            while i < p.upperBound {
                let t = tokens[i]
                if t.kind == .punct, let m = t.mark, AnalyzedText.sentenceEnds.contains(m), quoteOf[i] == nil, isSentenceEnd(i, in: p) {
                    // Take following end marks and closing quotes into this sentence.
                    var j = i + 1
                    while j < p.upperBound, tokens[j].kind == .punct, let m2 = tokens[j].mark,
                          AnalyzedText.sentenceEnds.contains(m2) || (AnalyzedText.isQuoteMark(m2) && quoteOf[j] == nil && quotes.contains { $0.close == j }) {
                        j += 1
                    }
                    sentences.append(start..<j)
                    for k in start..<j { tokens[k].sentence = index }
                    index += 1
                    start = j
                    i = j
                    continue
                }
                i += 1
            }
            if start < p.upperBound {
                sentences.append(start..<p.upperBound)
                for k in start..<p.upperBound { tokens[k].sentence = index }
                index += 1
            }
        }
    }

    /// A full stop that is not a decimal point (2.5), an abbreviation (د. أحمد) or part of a
    /// suspension (`..`, `...`, `…` inside a paragraph, which Arabic news uses as a pause).
    private func isSentenceEnd(_ i: Int, in p: Range<Int>) -> Bool {
        let dots: Set<Unicode.Scalar> = [".", "\u{2026}"]
        if let m = tokens[i].mark, dots.contains(m) {
            var e = i
            while e + 1 < p.upperBound, tokens[e + 1].kind == .punct, tokens[e + 1].mark.map(dots.contains) == true { e += 1 }
            let suspension = m == "\u{2026}" || e > i || (i > p.lowerBound && tokens[i - 1].mark.map(dots.contains) == true)
            // Two full stops and then a clause opener end the sentence (`طريق السلام.. فيما
            // طالب …`, `.. وقال`); before other words (`.. مجدداً`), and three or `…`, are a pause.
            if m == ".", e == i + 1, !(i > p.lowerBound && tokens[i - 1].mark.map(dots.contains) == true),
               e + 1 < p.upperBound, tokens[e + 1].spaceBefore, tokens[e + 1].kind == .word, opensClause(tokens[e + 1].text) { return true }
            if suspension { return e + 1 >= p.upperBound }
        }
        guard tokens[i].mark == "." else { return true }
        if i + 1 < p.upperBound, !tokens[i + 1].spaceBefore, tokens[i + 1].kind == .word { return false }
        if i > p.lowerBound, tokens[i - 1].kind == .word, tokens[i - 1].text.unicodeScalars.count == 1 { return false }
        return true
    }

    // MARK: Helpers

    private func opensClause(_ word: String) -> Bool {
        if clauseOpeners.contains(word) { return true }
        guard let first = word.first, word.count > 3 else { return false }
        return clauseOpeners.contains(String(first))
    }

    /// Original text of a token range.
    public func text(of range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return source.text(tokens[range.lowerBound].span.lowerBound..<tokens[range.upperBound - 1].span.upperBound)
    }

    /// Original scalar range covered by a token range.
    public func span(of range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else { return 0..<0 }
        return tokens[range.lowerBound].span.lowerBound..<tokens[range.upperBound - 1].span.upperBound
    }

    /// Index of the first token whose folded bytes end after `byte` (binary search).
    public func tokenIndex(atByte byte: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].bytes.upperBound <= byte { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Token range covering a folded byte range.
    public func tokenRange(ofBytes r: Range<Int>) -> Range<Int> {
        let s = tokenIndex(atByte: r.lowerBound)
        var e = s
        while e < tokens.count, tokens[e].bytes.lowerBound < r.upperBound { e += 1 }
        return s..<max(e, s)
    }
}
