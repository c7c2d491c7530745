import ArgumentParser
import IsnadCore
import IsnadOutput

struct GoldenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "golden",
        abstract: "Compare current output with the golden files, or re-record them on purpose.",
        subcommands: [Check.self, Record.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every DIR/**/*.txt against its .expected.json (and its .gold.json, if any); print a diff for each mismatch.")
        @Argument(help: "Golden directory.") var directory: String = "goldens"
        @OptionGroup var patterns: PatternOptions

        func run() throws {
            let suite = GoldenSuite(directory: directory, extractor: Extractor(pack: try patterns.load()))
            guard !suite.cases.isEmpty else {
                printError("\(directory): no *.txt goldens here")
                throw ExitCode(2)
            }
            var failed = 0
            for c in suite.cases {
                switch suite.check(c) {
                case .passed: continue
                case .missing:
                    printError("\(c.expected): missing; record it on purpose with: isnad golden record \(directory)")
                case .differs(let diff):
                    printError("\(c.name): output differs from \(c.expected)\n\(diff)")
                case .goldMismatch(let report):
                    printError("\(c.name): \(report)")
                case .failed(let message):
                    printError("\(c.name): \(message)")
                case .recorded: continue
                }
                failed += 1
            }
            print("\(suite.cases.count) goldens, \(failed) failed")
            if failed > 0 {
                printError("if a change is intended: isnad golden record \(directory), then review the diff and explain it in the commit")
                throw ExitCode(1)
            }
        }
    }

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rewrite the .expected.json files from current output (on purpose). Prints each change and exits with status 1, so a recording run never passes silently.")
        @Argument(help: "Golden directory.") var directory: String = "goldens"
        @Option(help: "Record only this case (its name relative to the directory, without .txt).") var only: [String] = []
        @OptionGroup var patterns: PatternOptions

        func run() throws {
            let suite = GoldenSuite(directory: directory, extractor: Extractor(pack: try patterns.load()))
            var changed = 0
            for c in suite.cases where only.isEmpty || only.contains(c.name) {
                switch suite.record(c) {
                case .recorded(true, let diff):
                    changed += 1
                    print("recorded \(c.expected)\n\(diff)")
                case .failed(let m):
                    printError("\(c.name): \(m)")
                default: continue
                }
                if FileSystem.exists(c.gold), let report = try? suite.goldReport(c) {
                    printError("warning: \(c.name): \(report)")
                }
            }
            printError("recorded \(suite.cases.count) goldens, \(changed) changed; review with git diff \(directory) and explain each change in the commit")
            throw ExitCode(1)
        }
    }
}
