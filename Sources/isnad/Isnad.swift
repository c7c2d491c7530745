import ArgumentParser
import Foundation
import IsnadCore

@main
struct Isnad: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "isnad",
        abstract: "Who claimed what: attributions (speaker, cue, content, kind) in Arabic news.",
        version: IsnadVersion.string,
        subcommands: [Extract.self, Eval.self, Explain.self, GoldenCommand.self, PatternsCommand.self]
    )
}

/// Options shared by commands that need the pattern set.
struct PatternOptions: ParsableArguments {
    @Option(name: .customLong("patterns"), help: ArgumentHelp(
        "Pattern directory: a language folder with *.rules (patterns/ar) or the folder above it.",
        valueName: "DIR"))
    var directory: String?

    /// Loads the language pack, or exits with status 2 and a compiler-style message.
    func load() throws -> LanguagePack {
        do {
            return try LanguagePack.load(directory: directory)
        } catch let error as PatternError {
            printError(error.description)
            throw ExitCode(2)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
