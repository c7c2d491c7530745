import PCRE2

/// The pipeline: text in, attributions out. It returns values; writers format them.
///
/// Steps, per document: fold and tokenise the text; scan each rule set once (cues,
/// complementisers, trailing clauses, vetoes, page furniture); read each cue's clause (its
/// subject, its content, its kind); find the document's entities; resolve every speaker in text
/// order (explicit, title, alias, continuation, participle); trim contents where a new
/// attribution of the same speaker starts.
public struct Extractor: Sendable {
    public let pack: LanguagePack
    let lex: Lexicons
    let cueSet: RuleSet
    let compSet: RuleSet
    let trailSet: RuleSet?
    let vetoSet: RuleSet?
    let leadSet: RuleSet?
    let headSet: RuleSet?
    let givenNames: Set<String>
    let knownNames: [String: [[String]]]
    /// Limits for one document's scans; a pathological input fails with `.matchLimit`.
    public var limits = Regex.Limits()

    public init(pack: LanguagePack) {
        self.pack = pack
        self.lex = Lexicons(pack)
        self.cueSet = pack.patterns["cue"]!
        self.compSet = pack.patterns["comp"]!
        self.trailSet = pack.patterns["trail"]
        self.vetoSet = pack.patterns["veto"]
        self.leadSet = pack.patterns["lead"]
        self.headSet = pack.patterns["head"]
        self.givenNames = Set(pack.lexicon("given-names").entries.keys)
        self.knownNames = pack.gazetteer.multiwordNames
    }

    /// Attributions of one text. `document` names it in the result.
    public func extract(_ text: String, document: String, workspace: Workspace = Workspace()) throws(PCRE2Error) -> DocumentResult {
        let analyzed = AnalyzedText(text, clauseOpeners: lex.clauseOpeners)
        var run = DocumentRun(extractor: self, text: analyzed)
        try run.scan(workspace: workspace)
        let attributions = run.resolve()
        return DocumentResult(document: document, attributions: attributions, text: text)
    }
}

/// One cue found by the patterns.
struct CueHit {
    let rule: CompiledRule
    let role: CueRole
    let lemma: String
    let family: String
    /// Tokens the cue covers.
    let tokens: Range<Int>
    /// Original scalar range of the cue as written.
    let span: Range<Int>
    let feminine: Bool
    let plural: Bool
    let dual: Bool
    let governs: [String]
    let relay: String?
    let confidence: Double
    /// Whether a conjunction (و/ف) is attached: `وأضاف` continues; `أضاف` after a noun does not.
    let conjunction: Bool
}

extension CueHit {
    /// The same cue, grown to cover the words up to token `end` (`حسب ما صرح به`), agreeing in
    /// gender and number with `agreement` (the verb it took in, or itself).
    func extended(to end: Int, spanEnd: Int, agreement v: CueHit) -> CueHit {
        CueHit(rule: rule, role: role, lemma: lemma, family: family, tokens: tokens.lowerBound..<end,
               span: span.lowerBound..<spanEnd, feminine: v.feminine, plural: v.plural, dual: v.dual,
               governs: governs, relay: relay, confidence: confidence, conjunction: conjunction)
    }
}

/// How the speaker of a reading is to be found.
enum SpeakerSource {
    /// A phrase names it (subject, source marker's object).
    case phrase(NounPhrase)
    /// No expressed subject: the most recent compatible speaker.
    case continuation
    /// An adverbial participle: the speaker of its clause.
    case clause
    /// A statement or report: its issuer.
    case issuer(NounPhrase)
}

/// One cue's clause as read: who, what, which kind.
struct Reading {
    var cue: CueHit
    var source: SpeakerSource
    /// A second name for the same speaker (`أكد البيت الأبيض على لسان المتحدث …`).
    var alias: NounPhrase?
    /// Content in folded bytes.
    var content: Range<Int>
    var kind: Kind
    /// Whether the content is a quotation's inside (then it is never trimmed).
    var quoted: Bool
    /// Token where the cue's sentence (or quotation) ends: the content never passes it.
    var sentence: Int
    var confidence: Double
    /// Restating markers (`حسب قوله`) give no attribution when another one has the content.
    var restating = false
    /// Attribution with a colon cue of a headline.
    var cueText: String?
    var speaker: Speaker?
    var entity: Int?
}
