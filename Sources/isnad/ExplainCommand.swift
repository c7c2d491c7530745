import ArgumentParser
import IsnadCore

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how a text was read: word classes, cues and their rules, entities, and each attribution's speaker resolution.",
        discussion: "Marks after a word: T title, H honorific, O organisation, U unnamed source, D document, M media outlet, G given name, P name particle, s stop word, t time, N nationality, F portfolio; <rule> a cue, <comp> a complementiser.")

    @Argument(help: "A text file.") var file: String
    @OptionGroup var patterns: PatternOptions

    func run() throws {
        let extractor = Extractor(pack: try patterns.load())
        do {
            print(try extractor.explain(try FileSystem.readUTF8(file), document: file))
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
    }
}
