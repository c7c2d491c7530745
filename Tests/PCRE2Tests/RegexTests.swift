import Testing
@testable import PCRE2

@Suite struct RegexTests {
    @Test func matchesArabicWithByteOffsets() throws {
        let re = try Regex("(?<!\\p{Arabic})(?<pro>[وف])?(?<verb>قال)(?!\\p{Arabic})")
        let text = "ثم وقال الوزير، وقالب"
        let ms = try re.matches(in: text)
        #expect(ms.count == 1)
        let bytes = Array(text.utf8)
        let m = try #require(ms.first)
        #expect(String(decoding: bytes[m.range], as: UTF8.self) == "وقال")
        #expect(String(decoding: bytes[m["verb"]!], as: UTF8.self) == "قال")
        #expect(m["pro"] != nil)
        #expect(re.isJIT)
    }

    @Test func namedGroupsWithDuplicateNames() throws {
        let re = try Regex("(?:(?<f>ت)قول|يقول(?<f>ن))", options: .dupNames)
        let m = try #require(try re.firstMatch(in: "يقولن"))
        #expect(m["f"] != nil)
        #expect(re.groupNumbers["f"]?.count == 2)
    }

    @Test func compileErrorCarriesMessageAndOffset() {
        #expect(throws: PCRE2Error.self) { try Regex("(قال") }
        do {
            _ = try Regex("ab(cd")
            Issue.record("expected a compile error")
        } catch {
            #expect(error.kind == .compile)
            #expect(error.code == 114)
            #expect(error.offset == 5)
            #expect(error.message.contains("missing closing parenthesis"))
        }
    }

    @Test func matchLimitFailsInsteadOfHanging() throws {
        // Catastrophic backtracking: nested quantifiers over a long run with no final match.
        let re = try Regex("^(a+)+$")
        let subject = String(repeating: "a", count: 40) + "b"
        do {
            _ = try re.matches(in: subject, limits: .init(match: 10_000))
            Issue.record("expected the match limit")
        } catch {
            #expect(error.kind == .matchLimit)
            #expect(error.message.contains("match limit"))
        }
    }

    @Test func interpreterHonoursDepthLimit() throws {
        // `\\d` rather than a literal, so PCRE2 cannot skip the attempt by a required-character check.
        let re = try Regex("(a|b)*\\d", jit: false)
        #expect(!re.isJIT)
        let subject = String(repeating: "ab", count: 50_000)
        do {
            _ = try re.matches(in: subject, limits: .init(depth: 100))
            Issue.record("expected the depth limit")
        } catch {
            #expect(error.kind == .depthLimit)
        }
    }

    @Test func jitStackGrowsForDeepBacktracking() throws {
        // The default 32 KiB JIT stack overflows here (PCRE2-NOTES, trap 4); MatchScratch's does not.
        let re = try Regex("(a|b)*\\d")
        let subject = String(repeating: "ab", count: 100_000) + "1"
        let m = try #require(try re.firstMatch(in: subject))
        #expect(m.range == 0..<subject.utf8.count)
    }

    @Test func emptyMatchesAdvanceByCharacterNotByte() throws {
        let re = try Regex("(?=ق)|x*")
        let ms = try re.matches(in: "بقا")
        // Empty matches at each character boundary, none inside a two-byte letter.
        let bytes = Array("بقا".utf8)
        for m in ms { #expect(m.range.lowerBound == bytes.count || (bytes[m.range.lowerBound] & 0xC0) != 0x80) }
        #expect(ms.count == 4)
    }

    @Test func markNamesTheMatchedBranch() throws {
        let re = try Regex("(*MARK:say)قال|(*MARK:add)أضاف")
        let ms = try re.matches(in: "قال ثم أضاف")
        #expect(ms.map(\.mark) == ["say", "add"])
    }

    @Test func invalidUTF8IsFoundWithItsOffset() throws {
        var bytes = Array("قال إن".utf8)
        bytes.insert(0xFF, at: 4)
        let err = try #require(UTF8Text.firstError(in: bytes))
        #expect(err.kind == .invalidUTF8)
        #expect(err.offset == 4)
        #expect(UTF8Text.firstError(in: Array("سليم".utf8)) == nil)
        #expect(throws: PCRE2Error.self) { _ = try UTF8Text(validating: [0x61, 0xC3]) }
    }

    @Test func rangeRestrictsMatchesButLookbehindSeesBefore() throws {
        let re = try Regex("(?<!\\p{Arabic})قال")
        let text = UTF8Text("وقال قال")
        var found: [Range<Int>] = []
        // Start inside the first word: the lookbehind still sees the و before it.
        try re.forEachMatch(in: text, range: 2..<text.count, scratch: MatchScratch()) { found.append($0.range); return true }
        #expect(found == [Array("وقال ".utf8).count..<text.count])
    }

    @Test func largeSubjectIsLinear() throws {
        // 2 MB subject scanned with a fixed start each call would be quadratic without NO_UTF_CHECK.
        let re = try Regex("قال")
        let text = UTF8Text(String(repeating: "قال الوزير إن الأمر مهم. ", count: 50_000))
        var n = 0
        try re.forEachMatch(in: text, scratch: MatchScratch()) { _ in n += 1; return true }
        #expect(n == 50_000)
    }
}
