import Foundation
import Testing
import TestSupport

/// `isnad report --html` in a real browser: headless Chromium loads the page from disk, and the
/// DOM it builds must be right-to-left, must not have run the script an article contains, and
/// must show that script as text; a screenshot must come out.
///
/// Runs where a Chromium is installed (`scripts/deps.sh test` installs Debian's `chromium`);
/// elsewhere the suite is skipped.
@Suite(
    "HTML report in a headless browser",
    .enabled(if: ReportBrowser.chromium != nil, "needs chromium (scripts/deps.sh test)")
)
struct ReportBrowserTests {
    @Test(.timeLimit(.minutes(2)))
    func pageLoadsRightToLeftWithoutRunningArticleScripts() throws {
        let chromium = try #require(ReportBrowser.chromium)
        let dir = TempDir()
        let articles = ReportArticles.write(in: dir)
        let html = dir.path + "/report.html"
        let run = try Run.isnad(["report", articles, "--html", html, "--quiet", "--patterns", Repo.patterns])
        #expect(run.status == 0, "isnad report failed: \(run.stderr)")
        #expect(run.stderr.contains("report: 3 documents"))

        let dom = try Run.run(chromium, ReportBrowser.flags(dir, "dom") + ["--dump-dom", "file://" + html])
        #expect(dom.status == 0, "chromium --dump-dom failed: \(dom.stderr)")
        let page = dom.out
        #expect(page.contains("dir=\"rtl\""))
        #expect(page.contains("lang=\"ar\""))
        let title = page.components(separatedBy: "<title>").dropFirst().first?.components(separatedBy: "</title>").first
        #expect(title != nil)
        #expect(title != "pwned", "the article's script ran")
        #expect(!page.contains("<script"), "no script element in the DOM")
        #expect(page.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;"), "the script is shown as text")
        #expect(page.contains("<svg"))
        #expect(page.contains("id=\"d3\""))

        let png = dir.path + "/shot.png"
        let shot = try Run.run(chromium, ReportBrowser.flags(dir, "shot") + ["--screenshot=" + png, "--window-size=1280,2000", "file://" + html])
        #expect(shot.status == 0, "chromium --screenshot failed: \(shot.stderr)")
        let bytes = try #require(FileManager.default.contents(atPath: png))
        #expect(bytes.count > 10_000, "a real picture, not an empty page")
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG file")
    }
}

enum ReportBrowser {
    /// The first Chromium found on PATH (or the usual places).
    static let chromium: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let dirs = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/snap/bin"]
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for d in dirs where FileManager.default.isExecutableFile(atPath: d + "/" + name) { return d + "/" + name }
        }
        return nil
    }()

    /// Headless flags, with a profile of its own per run (parallel runs share nothing).
    static func flags(_ dir: TempDir, _ name: String) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
         "--user-data-dir=" + dir.path + "/chromium-" + name]
    }
}

/// Three short Arabic articles written for these tests (not from any corpus). The third holds
/// markup that must stay text in the report.
enum ReportArticles {
    static let texts: [(String, String)] = [
        ("01-transport.txt", """
        وزير النقل يعلن خطة جديدة للطرق

        أعلن وزير النقل سامي العتيبي اليوم خطة جديدة لتطوير شبكة الطرق في المنطقة الشرقية.

        وقال العتيبي إن "العمل في المشروع سيبدأ مطلع العام المقبل".

        وأضاف أن الخطة تشمل إنشاء ثلاثة جسور جديدة.

        """),
        ("02-talks.txt", """
        بوتين: المحادثات كانت مثمرة

        قال الرئيس الروسي فلاديمير بوتين إن المحادثات مع نظيره الفرنسي كانت مثمرة.

        وأكد بوتين أن بلاده مستعدة لمواصلة الحوار في الأسابيع المقبلة.

        """),
        ("03-seminar.txt", """
        ندوة ثقافية في جدة

        <script>document.title='pwned'</script>

        وقالت الكاتبة منى الحربي إن الندوة ناقشت مستقبل الرواية العربية.

        """),
    ]

    /// Writes the articles into a folder of `dir` and returns the folder.
    static func write(in dir: TempDir) -> String {
        for (name, text) in texts { _ = dir.file("articles/" + name, text) }
        return dir.path + "/articles"
    }
}
