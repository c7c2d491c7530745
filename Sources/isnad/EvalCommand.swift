import ArgumentParser
import Foundation
import IsnadCore
import IsnadOutput

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score attributions against gold annotations (ANNOTATION.md's scoring, as tools/score.py).",
        discussion: "Runs extraction over every DIR/*.txt and compares with DIR/*.gold.json, or scores an existing JSON Lines output given with --predictions.")

    @Option(help: ArgumentHelp("Folder of <doc>.txt and <doc>.gold.json files.", valueName: "DIR"))
    var gold: String

    @Flag(help: "Also list every miss, spurious attribution and wrong speaker.")
    var errors = false

    @Option(help: "text (a table) or json (the reference scorer's fields).")
    var format: EvalFormat = .text

    @Option(help: ArgumentHelp("Score this JSON Lines output instead of running extraction.", valueName: "FILE"))
    var predictions: String?

    @OptionGroup var patterns: PatternOptions

    enum EvalFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() throws {
        let set: GoldSet
        do { set = try GoldSet(directory: gold) } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        var predicted: [String: [Scorer.Predicted]] = [:]
        if let predictions {
            predicted = try readPredictions(predictions)
        } else {
            let extractor = Extractor(pack: try patterns.load())
            var failed = false
            for doc in set.documents {
                guard let path = doc.textPath else { continue }
                do {
                    let text = try FileSystem.readUTF8(path)
                    predicted[doc.key] = try extractor.extract(text, document: path).attributions.map(Scorer.Predicted.init)
                } catch {
                    printError("\(error)")
                    failed = true
                }
            }
            if failed { printError("some documents could not be read; they count as missed") }
        }
        let result = Scorer.score(gold: set.documents.map { ($0.key, $0.attributions) }, predictions: predicted)
        if errors { for e in result.errors { print(e) } }
        print(format == .json ? EvalReport.json(result) : EvalReport.text(result))
    }

    func readPredictions(_ path: String) throws -> [String: [Scorer.Predicted]] {
        struct Line: Decodable {
            struct Named: Decodable { let name: String? }
            struct Texted: Decodable { let text: String? }
            struct Item: Decodable { let speaker: Named?; let cue: Texted?; let content: Texted?; let kind: String? }
            let document: String
            let attributions: [Item]?
        }
        var out: [String: [Scorer.Predicted]] = [:]
        let text = try FileSystem.readUTF8(path)
        for (n, line) in text.split(separator: "\n").enumerated() where !line.allSatisfy(\.isWhitespace) {
            do {
                let l = try JSONDecoder().decode(Line.self, from: Data(line.utf8))
                out[GoldSet.key(of: l.document)] = (l.attributions ?? []).map {
                    Scorer.Predicted(speaker: $0.speaker?.name, cue: $0.cue?.text ?? "", content: $0.content?.text ?? "", kind: $0.kind ?? "")
                }
            } catch {
                printError("\(path):\(n + 1): not a result line: \(error)")
                throw ExitCode(2)
            }
        }
        return out
    }
}

enum EvalReport {
    static func f(_ x: Double) -> String { String(format: "%.3f", x) }

    static func text(_ r: Scorer.Result) -> String {
        var s = "documents \(r.documents)   gold \(r.gold)   predicted \(r.predicted)   matched \(r.matched)\n\n"
        s += "                      P       R      F1\n"
        for (name, v) in [("detection", r.detection), ("attribution", r.attribution), ("strict span", r.strictSpan)] {
            s += name.padding(toLength: 16, withPad: " ", startingAt: 0) + "  " + f(v.p) + "   " + f(v.r) + "   " + f(v.f1) + "\n"
        }
        s += "\nspeaker accuracy on matched  \(f(r.speakerAccuracy))\n"
        s += "kind accuracy on matched     \(f(r.kindAccuracy))\n"
        s += "cue accuracy on matched      \(f(r.cueAccuracy))\n"
        s += "mean Dice on matched         \(f(r.meanDice))\n"
        s += "recall by kind               " + r.recallByKind.map { "\($0.kind) \(f($0.recall))" }.joined(separator: "   ")
        return s
    }

    /// The reference scorer's JSON fields and order.
    static func json(_ r: Scorer.Result) -> String {
        // json.dumps(res, indent=1, ensure_ascii=False), byte for byte.
        func prf(_ v: Scorer.PRF) -> String { "{\n  \"p\": \(v.p),\n  \"r\": \(v.r),\n  \"f1\": \(v.f1)\n }" }
        var s = "{\n \"documents\": \(r.documents),\n \"gold\": \(r.gold),\n \"predicted\": \(r.predicted),\n \"matched\": \(r.matched),\n"
        s += " \"detection\": \(prf(r.detection)),\n \"attribution\": \(prf(r.attribution)),\n \"strict_span\": \(prf(r.strictSpan)),\n"
        s += " \"speaker_acc_on_matched\": \(r.speakerAccuracy),\n \"kind_acc_on_matched\": \(r.kindAccuracy),\n"
        s += " \"cue_acc_on_matched\": \(r.cueAccuracy),\n \"mean_dice_on_matched\": \(r.meanDice),\n"
        s += " \"recall_by_kind\": " + (r.recallByKind.isEmpty ? "{}" : "{\n" + r.recallByKind.map { "  \(JSONBuilder.quoted($0.kind)): \($0.recall)" }.joined(separator: ",\n") + "\n }") + "\n}"
        return s
    }
}
