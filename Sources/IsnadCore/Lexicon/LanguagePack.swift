import Foundation

/// Everything language-specific, read from one data directory (`patterns/<lang>/`): the rule
/// sets, the lexicons and the gazetteer. Adding a language means adding such a directory.
public struct LanguagePack: Sendable {
    public let directory: String
    public let patterns: PatternSet
    public let lexicons: [String: Lexicon]
    public let gazetteer: Gazetteer
    public let settings: LanguageSettings

    /// Lexicons the resolver reads; each must exist (it may be empty).
    public static let lexiconNames = [
        "titles", "honorifics", "organizations", "unnamed", "documents", "outlets", "given-names",
        "name-particles", "stopwords", "time", "nationalities", "portfolios",
    ]

    /// Lexicons read when present.
    public static let optionalLexiconNames = ["common-words", "places"]

    public func lexicon(_ name: String) -> Lexicon {
        lexicons[name] ?? Lexicon(name: name)
    }

    public init(directory: String, patterns: PatternSet, lexicons: [String: Lexicon], gazetteer: Gazetteer,
                settings: LanguageSettings) {
        self.directory = directory
        self.patterns = patterns
        self.lexicons = lexicons
        self.gazetteer = gazetteer
        self.settings = settings
    }

    /// Loads a language directory. `nil` looks in the usual places (see `defaultDirectory`).
    public static func load(directory: String? = nil) throws -> LanguagePack {
        guard let dir = resolveDirectory(directory) else {
            throw PatternError(.init(path: directory ?? "patterns", line: 0, column: 0),
                               "no pattern directory found; pass --patterns DIR (the folder with *.rules, e.g. patterns/ar) or set ISNAD_PATTERNS")
        }
        let patterns = try PatternSet(directory: dir)
        var lexicons: [String: Lexicon] = [:]
        for name in lexiconNames {
            let path = dir + "/lexicon/" + name + ".txt"
            guard FileSystem.exists(path) else {
                throw PatternError(.init(path: path, line: 0, column: 0), "missing lexicon '\(name)' (an empty file is allowed)")
            }
            lexicons[name] = try Lexicon.parse(try FileSystem.readUTF8(path), name: name, path: path)
        }
        for name in optionalLexiconNames {
            let path = dir + "/lexicon/" + name + ".txt"
            if FileSystem.exists(path) { lexicons[name] = try Lexicon.parse(try FileSystem.readUTF8(path), name: name, path: path) }
        }
        let gazPath = dir + "/gazetteer.tsv"
        let gazetteer = FileSystem.exists(gazPath) ? try Gazetteer.parse(try FileSystem.readUTF8(gazPath), path: gazPath) : Gazetteer()
        let settingsPath = dir + "/language.txt"
        guard FileSystem.exists(settingsPath) else {
            throw PatternError(.init(path: settingsPath, line: 0, column: 0), "missing language settings file")
        }
        let settings = try LanguageSettings.parse(try FileSystem.readUTF8(settingsPath), path: settingsPath)
        return LanguagePack(directory: dir, patterns: patterns, lexicons: lexicons, gazetteer: gazetteer, settings: settings)
    }

    /// `--patterns` if given (a language folder, or a folder holding `ar/`); else
    /// `$ISNAD_PATTERNS`; else `patterns/ar` under the working directory or above the executable
    /// (so `.build/debug/isnad` finds the checkout's patterns).
    static func resolveDirectory(_ given: String?) -> String? {
        func languageDir(_ d: String) -> String? {
            let d = d.hasSuffix("/") ? String(d.dropLast()) : d
            if !FileSystem.listFiles(in: d, suffix: ".rules").isEmpty { return d }
            if !FileSystem.listFiles(in: d + "/ar", suffix: ".rules").isEmpty { return d + "/ar" }
            return nil
        }
        if let given { return languageDir(given) ?? given }
        if let env = ProcessInfo.processInfo.environment["ISNAD_PATTERNS"], !env.isEmpty { return languageDir(env) ?? env }
        var candidates = [FileManager.default.currentDirectoryPath + "/patterns"]
        var exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(exe.path + "/patterns")
            candidates.append(exe.path + "/share/isnad/patterns")
            exe = exe.deletingLastPathComponent()
        }
        for c in candidates { if let d = languageDir(c) { return d } }
        return nil
    }
}
