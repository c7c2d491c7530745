import ArgumentParser
import Foundation
import IsnadCore

@main
struct Isnad: ParsableCommand {
    /// Exit statuses: 0 success, 1 some inputs failed, 2 usage or pattern errors. The argument
    /// parser's own usage status (64) is mapped to 2 so scripts see one code for "fix the call".
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "isnad",
        abstract: "Who claimed what: attributions (speaker, cue, content, kind) in Arabic news.",
        version: IsnadVersion.string,
        subcommands: [Extract.self, ReportCommand.self, Eval.self, Explain.self, GoldenCommand.self, PatternsCommand.self]
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
