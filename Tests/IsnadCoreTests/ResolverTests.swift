import Testing
@testable import IsnadCore
import TestSupport

/// The resolver on small texts written for these tests, one behaviour each.
@Suite struct ResolverTests {
    func extract(_ text: String) throws -> [Attribution] {
        try Repo.extractor().extract(text, document: "t").attributions
    }

    func speakers(_ text: String) throws -> [String?] { try extract(text).map(\.speaker.name) }

    @Test func titleBindsToTheNameForTheDocument() throws {
        let a = try extract("""
        أكد الرئيس الروسي فلاديمير بوتين أن القوات جاهزة.

        وقال الرئيس الروسي إن العملية مستمرة.
        """)
        #expect(a.map(\.speaker.name) == ["فلاديمير بوتين", "فلاديمير بوتين"])
        #expect(a[1].speaker.resolution == .title)
        #expect(a[1].speaker.mention?.text == "الرئيس الروسي")
    }

    @Test func prepositionalObjectBeforeTheVerbIsNotItsSubject() throws {
        // The committee questions the player; the player is the one who states.
        let a = try extract("وذكرت الصحيفة أن المدرب سامي العتيبي خلال التحقيق معه من قبل لجنة الانضباط أكد أنه لم يخالف اللوائح.")
        let s = a.first(where: { $0.cue.span.text == "أكد" })
        #expect(s?.speaker.name == "سامي العتيبي")
        #expect(s?.content.text == "لم يخالف اللوائح")
    }

    @Test func unknownDescriptorBeforeAGivenNameIsATitle() throws {
        // `الصياد` is in no list; the given name after it starts the speaker's name, and the
        // outlet in quotation marks after لـ is the recipient, not the speaker.
        let a = try extract("وقال الصياد حبيب الصادق من القطيف لـ\"الوطن\" إن الموسم ضعيف هذا العام.")
        #expect(a.count == 1)
        #expect(a.first?.speaker.name == "حبيب الصادق")
        #expect(a.first?.speaker.mention?.text == "الصياد حبيب الصادق")
    }

    @Test func aCueInARelativeClauseOrAfterHaythDoesNotEndTheContent() throws {
        // The embedded cues may give readings of their own (left alone); the first content keeps
        // its relative clause and its حيث clause.
        let a = try extract("وقالت الوكالة إنها تشعر بالقلق من الاستفتاء الذي أعلن عنه الشهر الماضي وتداعياته على الأسواق.")
        #expect(a.first { $0.cue.span.text == "وقالت" }?.content.text == "تشعر بالقلق من الاستفتاء الذي أعلن عنه الشهر الماضي وتداعياته على الأسواق")
        let b = try extract("وأوضح المصدر أن قسم الرقابة هو الوحيد الذي لم يتغير، حيث استبعدت الخطة إعادة هيكلته.")
        #expect(b.first { $0.cue.span.text == "وأوضح" }?.content.text == "قسم الرقابة هو الوحيد الذي لم يتغير، حيث استبعدت الخطة إعادة هيكلته")
    }

    @Test func termStatusWordStaysInsideTheTitle() throws {
        // `الحالي` is also a time word; inside a title chain it belongs to the title, so the name
        // after it is read and the title binds to it.
        let a = try extract("""
        وقال الرئيس الحالي للاتحاد سامي الحربي إن الانتخابات ستجرى في موعدها.

        وأضاف الرئيس الحالي للاتحاد أن اللجنة جاهزة.
        """)
        #expect(a.map(\.speaker.name) == ["سامي الحربي", "سامي الحربي"])
        #expect(a.first?.speaker.mention?.text == "الرئيس الحالي للاتحاد سامي الحربي")
    }

    @Test func givenNameEndingInTaMarbutaOrHaKeepsItsPlace() throws {
        #expect(try speakers("وقال الخبير الاقتصادي رشاد عبده إن المشروع مجد.") == ["رشاد عبده"])
    }

    @Test func anotherAnonymousPersonIsUnnamedAndApart() throws {
        let a = try extract("""
        وقال مندوب خليجي في أوبك إن الطلب سيزيد.

        وقال مندوب خليجي آخر إن الأسعار ستبقى قرب ستين دولارا.

        وأكد مصدر عسكري آخر الحصيلة من دون إضافة تفاصيل.
        """)
        #expect(a.count == 3)
        #expect(a[1].speaker.name == "مندوب خليجي آخر")
        #expect(a[1].speaker.type == .unnamed)
        #expect(a[1].speaker.entity == nil)
        #expect(a[2].speaker.name == "مصدر عسكري آخر")
        #expect(a[0].speaker.name != a[1].speaker.name)
    }

    @Test func sourceMarkerWithAVerbTheCueSetDoesNotTake() throws {
        // `أفصح عنه` and `قاله` are not cues here; the verb is part of the marker, never a name.
        let a = try extract("""
        سيكون أمام الفريق هدف واحد هو البطولة، بحسب ما أفصح عنه المدرب في إجابته.

        ارتفعت الأسعار في الربع الأخير، حسبما نقلته وكالة الأنباء الرسمية.
        """)
        #expect(a.map(\.speaker.name) == ["المدرب", "وكالة الأنباء الرسمية"])
        #expect(a.map(\.cue.span.text) == ["بحسب ما أفصح عنه", "حسبما نقلته"])
        #expect(a[0].content.text == "سيكون أمام الفريق هدف واحد هو البطولة")
    }

    @Test func pluralOfficeHoldersAreAnUnnamedGroup() throws {
        let a = try extract("وقال وزراء مالية منطقة اليورو إن اليونان بحاجة إلى تمويل.")
        #expect(a.first?.speaker.name == "وزراء مالية منطقة اليورو")
        #expect(a.first?.speaker.type == .unnamed)
    }

    @Test func coordinatedComplementsOfATitleBeforeTheName() throws {
        #expect(try speakers("وقال أخصائي طب وجراحة العيون الدكتور خالد العمري إن العلاج متاح.") == ["خالد العمري"])
        // A verbal noun with ل after a title chain (common-words.txt) is not a name.
        #expect(try speakers("وقال رئيس اللجنة الميدانية لتصحيح أوضاع الجالية إن العمل مستمر.") == ["رئيس اللجنة الميدانية"])
    }

    @Test func conjunctionsWithAnnaDoNotOpenContent() throws {
        let a = try extract("""
        وقال الرئيس التركي رجب طيب أردوغان قبل أن يبدأ زيارة رسمية إلى الصين إن التراجع أمام التهديد غير وارد.

        صعد القائد العسكري جون سميث لهجته ضد روسيا، معتبرا إياها خطرا على بلاده، إلا أن البيت الأبيض أكد أن التصريحات لا تعكس موقف الإدارة.
        """)
        let contents = Dictionary(a.map { ($0.cue.span.text, $0.content.text) }, uniquingKeysWith: { x, _ in x })
        #expect(contents["وقال"] == "التراجع أمام التهديد غير وارد")
        #expect(contents["معتبرا"] == "إياها خطرا على بلاده")
        #expect(contents["أكد"] == "التصريحات لا تعكس موقف الإدارة")
    }

    @Test func presentTenseConsiderIsActiveOnlyWithItsObjectOrATitledSubject() throws {
        let a = try extract("""
        وقال مدرب الفريق سامي العتيبي إن اللاعبين يعتبرونها مباراة إعداد للموسم المقبل.

        قائد الجيش الجديد يعتبر الجماعة خطرا على أمن البلاد.

        ويعتبر الفريق من أقوى المرشحين للقب هذا الموسم.
        """)
        let byCue = Dictionary(a.map { ($0.cue.span.text, $0.content.text) }, uniquingKeysWith: { x, _ in x })
        #expect(byCue["يعتبرونها"] == "مباراة إعداد للموسم المقبل")
        #expect(byCue["يعتبر"] == "الجماعة خطرا على أمن البلاد")
        #expect(byCue["ويعتبر"] == nil)  // is counted among: passive, no attribution
    }

    @Test func surnameAloneResolvesToTheFullName() throws {
        let a = try extract("قال وزير الخارجية الأمريكي جون كيري إن المحادثات مستمرة.\n\nوأكد كيري أن الاتفاق قريب.")
        #expect(a.map(\.speaker.name) == ["جون كيري", "جون كيري"])
        #expect(a[1].speaker.resolution == .alias)
    }

    @Test func continuationAgreesInGender() throws {
        let s = try speakers("""
        قالت وزيرة الصحة سارة الأحمد إن الحملة بدأت.

        وقال مدير المستشفى خالد السالم إن الأسرّة متوفرة.

        وأضافت أن اللقاحات وصلت.
        """)
        #expect(s == ["سارة الأحمد", "خالد السالم", "سارة الأحمد"])
    }

    @Test func participleTakesItsClauseSpeaker() throws {
        let a = try extract("أكد المتحدث باسم الوزارة أحمد سالم أن الخطة جاهزة، مشيرا إلى أن التنفيذ يبدأ غدا.")
        #expect(a.count == 2)
        #expect(a.map(\.speaker.name) == ["أحمد سالم", "أحمد سالم"])
        #expect(a[0].content.text == "الخطة جاهزة")
        #expect(a[1].content.text == "التنفيذ يبدأ غدا")
    }

    @Test func sourceMarkerObjectIsTheSpeaker() throws {
        let a = try extract("وبحسب وزارة الداخلية، فإن عدد الموقوفين بلغ عشرين شخصا.")
        #expect(a.count == 1)
        #expect(a[0].speaker.name == "وزارة الداخلية")
        #expect(a[0].speaker.type == .organization)
        #expect(a[0].content.text == "عدد الموقوفين بلغ عشرين شخصا")
    }

    @Test func unnamedSourcesAreMarked() throws {
        let a = try extract("قال مصدر أمني إن الوضع تحت السيطرة.")
        #expect(a.first?.speaker.resolution == .unnamed)
        #expect(a.first?.speaker.type == .unnamed)
    }

    @Test func nameInsideContentIsNotTheSpeaker() throws {
        let s = try speakers("أكد المحلل مكرم الخطيب أن الرئيس الفرنسي إيمانويل ماكرون لن يتراجع عن قراره.")
        #expect(s == ["مكرم الخطيب"])
    }

    @Test func inanimateSubjectsAndPassivesAreNotAttributions() throws {
        #expect(try extract("قرارات الحكومة الأخيرة تؤكد أنها ماضية في الإصلاح.").isEmpty)
        #expect(try extract("يذكر أن الاجتماع المقبل سيعقد في الرياض.").isEmpty)
        #expect(try extract("ولم يوضح الوزير أسباب التأجيل.").isEmpty)
    }

    @Test func directQuotationWithItsMarks() throws {
        let a = try extract("وقال الوزير: «لن نتراجع. سنواصل العمل».")
        #expect(a.count == 1)
        #expect(a[0].kind == .direct)
        #expect(a[0].content.text == "لن نتراجع. سنواصل العمل")
    }

    @Test func confidenceIsLowerForContinuationsThanForExplicitSpeakers() throws {
        let a = try extract("قال الوزير خالد السالم إن الخطة جاهزة.\n\nوأضاف أن التنفيذ قريب.")
        #expect(a.count == 2)
        #expect(a[0].confidence > a[1].confidence)
    }

    @Test func mixedWhenTheSpeakersWordsAreQuotedInside() throws {
        let a = try extract("وقال الوزير خالد السالم إن الخطوة تمثل \"تحولا تاريخيا\" في العلاقات.")
        #expect(a.first?.kind == .mixed)
    }
}
