import Foundation
import Testing
import TestSupport

/// The Spark scale-out example (examples/spark/isnad_spark.py) against a direct run: the same
/// documents through `isnad extract --input jsonl --format jsonl --jobs 1`, and through Spark in
/// local mode with the input split into several partitions, each piped through its own isnad
/// process. The outputs must be equal line for line: same documents, same order.
///
/// Runs only where `python3 -c "import pyspark"` works and a Java runtime answers `java -version`
/// (`scripts/deps.sh test` installs both); elsewhere the suite is skipped.
@Suite(
    "Spark scale-out example",
    .enabled(if: SparkSetup.available, "needs python3 with pyspark and a Java runtime (scripts/deps.sh test)")
)
struct SparkTests {
    @Test(.timeLimit(.minutes(2)))
    func pipedPartitionsMatchADirectRun() throws {
        let dir = TempDir()
        let input = dir.file("news.jsonl", SparkFixture.jsonLines())
        let sparkOut = dir.path + "/spark.jsonl"

        let direct = try Run.isnad([
            "extract", input, "--input", "jsonl", "--format", "jsonl", "--jobs", "1", "--quiet",
            "--patterns", Repo.patterns,
        ])
        #expect(direct.status == 0, "direct run failed: \(direct.stderr)")

        let spark = try Run.run("/usr/bin/env", [
            "python3", Repo.root + "/examples/spark/isnad_spark.py", input,
            "--master", "local[2]", "--partitions", "4",
            "--isnad", Repo.binary, "--patterns", Repo.patterns, "--output-file", sparkOut,
        ])
        try #require(spark.status == 0, "Spark run failed:\n\(spark.stderr.suffix(3000))")

        let expected = direct.out.split(separator: "\n", omittingEmptySubsequences: false)
        let got = try String(contentsOfFile: sparkOut, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        // One line per document, plus the empty string after the final newline.
        #expect(expected.count == SparkFixture.documents.count + 1)
        #expect(got.count == expected.count)
        for (i, (e, g)) in zip(expected, got).enumerated() where e != g {
            Issue.record("line \(i + 1) differs:\n  direct: \(e.prefix(300))\n  spark:  \(g.prefix(300))")
        }

        // Input order, document by document (the output names each document by its id).
        let ids = got.filter { !$0.isEmpty }.map { line -> String in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["document"] as? String ?? "?"
        }
        #expect(ids == SparkFixture.documents.map(\.id))
    }
}

enum SparkSetup {
    static let available: Bool = {
        func works(_ args: [String]) -> Bool {
            (try? Run.run("/usr/bin/env", args))?.status == 0
        }
        return works(["python3", "-c", "import pyspark"]) && works(["java", "-version"])
    }()
}

/// Short news-like documents written for this test (not taken from any corpus): attribution
/// verbs in several forms, quotations in every style, proclitics, diacritics, a feminine and a
/// plural speaker, a headline with a colon, Latin and digits, extra fields of several kinds, and
/// one empty text.
enum SparkFixture {
    struct Document: Sendable {
        let id: String
        let text: String
        var outlet: String? = nil
        var date: String? = nil
        /// More fields, as JSON text (`"tags":["…"]`), carried through to the output.
        var extra: String? = nil
    }

    static let documents: [Document] = [
        .init(id: "t01", text: "قال وزير المالية إن الميزانية الجديدة ستركز على التعليم والصحة.", outlet: "alwatan", date: "2024-03-01"),
        .init(id: "t02", text: "أكد المتحدث باسم الوزارة أن الاجتماع سيعقد الأسبوع المقبل في الرياض.", outlet: "okaz"),
        .init(id: "t03", text: "وأضاف المدير العام للشركة: «نتوقع نمو الأرباح بنسبة عشرة في المئة هذا العام».", date: "2024-03-02"),
        .init(id: "t04", text: "الوزير: لا زيادة في أسعار الوقود\n\nنفى وزير الطاقة وجود أي خطة لرفع أسعار الوقود خلال العام الحالي."),
        .init(id: "t05", text: "قالت الناطقة باسم الأمم المتحدة إن المساعدات وصلت إلى المناطق المتضررة."),
        .init(id: "t06", text: "وقالوا في بيان مشترك إنهم يرفضون القرار بشكل قاطع.", outlet: "alriyadh"),
        .init(id: "t07", text: "أوضح رئيس البلدية أن أعمال الصيانة ستنتهي قبل بداية الموسم، مشيرا إلى أن الطرق الرئيسية ستفتح تدريجيا."),
        .init(id: "t08", text: "وأشار التقرير إلى أن معدل البطالة انخفض للمرة الثالثة على التوالي."),
        .init(id: "t09", text: "صرح مصدر مسؤول بأن المفاوضات ما زالت مستمرة ولم يتم التوصل إلى اتفاق."),
        .init(id: "t10", text: "وحذر الخبراء من أن ارتفاع درجات الحرارة قد يؤثر على المحاصيل الزراعية.", date: "2024-03-05"),
        .init(id: "t11", text: "قَالَ الأمينُ العامُّ: “يجب أن نعمل معا من أجل السلام”."),
        .init(id: "t12", text: "طالب أولياء الأمور بزيادة عدد الحافلات المدرسية في الأحياء الجديدة."),
        .init(id: "t13", text: "", outlet: "empty"),
        .init(id: "t14", text: "ذكرت وكالة الأنباء الرسمية أن الملك استقبل وفدا من رجال الأعمال."),
        .init(id: "t15", text: "وتابع قائلا: \"لن نتراجع عن دعم المشاريع الصغيرة\".", outlet: "aawsat"),
        .init(id: "t16", text: "أعلنت الهيئة العامة للإحصاء أن التضخم بلغ 2.1% في شهر فبراير."),
        .init(id: "t17", text: "ورأى المحلل الاقتصادي أحمد السالم أن السوق سيشهد تصحيحا خلال الربع القادم."),
        .init(id: "t18", text: "وقال الدكتور خالد العمري، أستاذ الاقتصاد في جامعة الملك سعود، إن القرار جاء في الوقت المناسب."),
        .init(id: "t19", text: "أكدت وزارة الصحة عدم تسجيل أي إصابات جديدة خلال الأربع والعشرين ساعة الماضية.", extra: #""tags":["صحة","محليات"]"#),
        .init(id: "t20", text: "الطقس: أمطار رعدية على المرتفعات الجنوبية\n\nتوقعت الأرصاد هطول أمطار رعدية مصحوبة برياح نشطة."),
        .init(id: "t21", text: "وأضافت أن الفريق الطبي سيبقى في المدينة حتى نهاية الشهر.", outlet: "sabq"),
        .init(id: "t22", text: "قال مسؤول في الشركة لـ Reuters إن الإنتاج سيرتفع إلى 500 ألف برميل يوميا."),
        .init(id: "t23", text: "افتتح المعرض الدولي للكتاب أبوابه صباح اليوم بمشاركة أكثر من مئتي دار نشر."),
        .init(id: "t24", text: "وقال: «سنواصل العمل». ثم أضاف: «النتائج ستظهر قريبا»."),
        .init(id: "t25", text: "أشارت الدراسة إلى أن ثلث الطلاب يقضون أكثر من ست ساعات يوميا أمام الشاشات.", extra: #""title":"دراسة عن الشاشات""#),
        .init(id: "t26", text: "وبين مدير التعليم أن الاختبارات ستبدأ في موعدها المحدد دون تأجيل."),
        .init(id: "t27", text: "وشدد السفير على أهمية تعزيز العلاقات الثنائية بين البلدين في جميع المجالات."),
        .init(id: "t28", text: "نقلت الصحيفة عن مصادر مطلعة أن التعديل الوزاري بات وشيكا.", date: "2024-03-09"),
        .init(id: "t29", text: "وقال رئيس النادي في تصريح صحفي: «اللاعبون قدموا مباراة كبيرة ونستحق الفوز»."),
        .init(id: "t30", text: "أكد اللاعب أنه سعيد بالانضمام إلى الفريق، وقال إن هدفه الفوز بالدوري."),
        .init(id: "t31", text: "وفق بيان الشرطة، فإن الحادث لم يسفر عن إصابات."),
        .init(id: "t32", text: "دعت المنظمة إلى وقف فوري لإطلاق النار وفتح ممرات إنسانية آمنة.", outlet: "alhayat", extra: #""rank":3"#),
        .init(id: "t33", text: "وأوضحت المتحدثة أن الرحلات ستستأنف صباح الغد بعد تحسن الأحوال الجوية."),
        .init(id: "t34", text: "قال شاهد عيان: \"رأيت الدخان يتصاعد من المبنى\"، مضيفا أن رجال الإطفاء وصلوا بسرعة."),
        .init(id: "t35", text: "وكشف المدير التنفيذي عن خطة لتوظيف ألف شاب وشابة خلال العامين المقبلين."),
        .init(id: "t36", text: "يقول المزارعون إن موسم التمور هذا العام أفضل من العام الماضي."),
        .init(id: "t37", text: "واتهم النائب الحكومة بالتقصير في معالجة أزمة السكن.", extra: #""breaking":true,"source":{"agency":"واس"}"#),
        .init(id: "t38", text: "وختم حديثه قائلا: «الوطن يستحق منا الكثير»."),
        .init(id: "t39", text: "أعرب الرئيس عن تعازيه لأسر الضحايا، مؤكدا أن التحقيق سيكشف الحقيقة كاملة."),
        .init(id: "t40", text: "وذكر البيان أن الاجتماع ناقش عددا من القضايا الإقليمية والدولية.", outlet: "alyaum", date: "2024-03-12"),
    ]

    /// The documents as JSON Lines, one object a line.
    static func jsonLines() -> String {
        func quoted(_ s: String) -> String {
            let data = try! JSONSerialization.data(withJSONObject: s, options: [.fragmentsAllowed, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self)
        }
        return documents.map { d in
            var fields = [#""id":"# + quoted(d.id)]
            if let outlet = d.outlet { fields.append(#""outlet":"# + quoted(outlet)) }
            if let date = d.date { fields.append(#""date":"# + quoted(date)) }
            if let extra = d.extra { fields.append(extra) }
            fields.append(#""text":"# + quoted(d.text))
            return "{" + fields.joined(separator: ",") + "}"
        }.joined(separator: "\n") + "\n"
    }
}
