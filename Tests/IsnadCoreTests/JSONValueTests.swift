import Testing
@testable import IsnadCore

@Suite struct JSONValueTests {
    @Test func keepsRawValuesInOrder() throws {
        let line = #"{"id": 7, "text": "قال \"نعم\"\n", "date": "2015-08-01", "tags": ["a", {"b": null}]}"#
        let fields = try JSONValue.parseObject(Array(line.utf8)[...])
        #expect(fields.map(\.key) == ["id", "text", "date", "tags"])
        #expect(fields[0].raw == "7")
        #expect(fields[3].raw == #"["a", {"b": null}]"#)
        #expect(JSONValue.decodeString(fields[1].raw) == "قال \"نعم\"\n")
    }

    @Test func decodesUnicodeEscapesAndSurrogates() {
        #expect(JSONValue.decodeString(#""\u0642\u0627\u0644""#) == "قال")
        #expect(JSONValue.decodeString(#""\ud83d\ude42""#) == "🙂")
    }

    @Test(arguments: [
        (#"{"id": 1, "text": "x""#, "expected ',' or '}'"),
        (#"[1, 2]"#, "expected a JSON object"),
        (#"{"id": 1,}"#, "expected a key"),
        (#"{"text": "x"} trailing"#, "unexpected text after the object"),
        (#"{"text": "x"#, "unterminated string"),
    ])
    func malformedLinesSayWhere(_ line: String, _ message: String) {
        do {
            _ = try JSONValue.parseObject(Array(line.utf8)[...])
            Issue.record("expected an error for \(line)")
        } catch {
            #expect(error.message.contains(message), "\(error)")
            #expect(error.column >= 1)
        }
    }
}
