package org.minbar.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Arabic defence-news headlines and paragraphs composed from a few dozen phrases, the way the
 * stories of a real site repeat their actors, weapons and places: who (with the category their
 * country or body files under), did what (the verb agreeing with the actor's gender), to which
 * system (with its category and tag), and where. Deterministic for a given {@link Random}.
 */
final class ArabicNews {

    /** An actor: the name, whether it takes the feminine verb, the category slug its stories go to, a tag slug if any. */
    record Actor(String name, boolean feminine, String category, Optional<String> tag) {}

    /** A weapon system or programme: its name, and the category and tag slugs its stories get, if any. */
    record Subject(String name, Optional<String> category, Optional<String> tag) {}

    /** A place or occasion ending a headline, with the tag slug it brings, if any. */
    record Setting(String words, Optional<String> tag) {}

    /** One story: its headline, the categories and tags its words suggest, and its paragraphs (plain text). */
    record Story(String title, List<String> categories, List<String> tags, List<String> paragraphs) {}

    static final List<Actor> ACTORS = List.of(
            new Actor("وزارة الدفاع التركية", true, "turkey", Optional.of("ankara")),
            new Actor("الجيش التركي", false, "turkey", Optional.empty()),
            new Actor("الجيش المصري", false, "egypt", Optional.of("egyptian-army")),
            new Actor("القوات البحرية المصرية", true, "egypt", Optional.of("navy")),
            new Actor("الجيش السوري", false, "syria", Optional.of("idlib")),
            new Actor("وزارة الدفاع السورية", true, "syria", Optional.empty()),
            new Actor("الحرس الثوري الإيراني", false, "iran", Optional.of("revolutionary-guard")),
            new Actor("البحرية الإيرانية", true, "iran", Optional.of("navy")),
            new Actor("القوات الجوية السعودية", true, "gulf", Optional.empty()),
            new Actor("القوات المسلحة الإماراتية", true, "gulf", Optional.empty()),
            new Actor("وزارة الدفاع الروسية", true, "world", Optional.of("russia")),
            new Actor("حلف الناتو", false, "world", Optional.of("nato")),
            new Actor("البنتاغون", false, "world", Optional.empty()),
            new Actor("الجيش الصيني", false, "asia", Optional.empty()),
            new Actor("وزارة الدفاع الباكستانية", true, "asia", Optional.empty()));

    static final List<Subject> SUBJECTS = List.of(
            new Subject("منظومة إس-400", Optional.of("air-defence"), Optional.of("s-400")),
            new Subject("صواريخ باتريوت", Optional.of("air-defence"), Optional.of("patriot")),
            new Subject("رادارات بعيدة المدى", Optional.of("air-defence"), Optional.empty()),
            new Subject("منظومة دفاع جوي قصيرة المدى", Optional.of("air-defence"), Optional.empty()),
            new Subject("بطاريات صواريخ أرض-جو", Optional.of("air-defence"), Optional.empty()),
            new Subject("مقاتلات إف-35", Optional.empty(), Optional.of("f-35")),
            new Subject("طائرات مسيرة هجومية", Optional.empty(), Optional.of("drones")),
            new Subject("صواريخ باليستية قصيرة المدى", Optional.empty(), Optional.of("ballistic-missiles")),
            new Subject("فرقاطات حديثة", Optional.empty(), Optional.of("navy")),
            new Subject("مدرعات محلية الصنع", Optional.of("defence-industry"), Optional.empty()),
            new Subject("ذخائر موجهة بدقة", Optional.of("defence-industry"), Optional.empty()),
            new Subject("مروحيات هجومية", Optional.empty(), Optional.empty()));

    static final List<String[]> VERBS = List.of(
            new String[] {"يتسلم دفعة جديدة من", "تتسلم دفعة جديدة من"},
            new String[] {"يختبر بنجاح", "تختبر بنجاح"},
            new String[] {"يوقع عقدًا لشراء", "توقع عقدًا لشراء"},
            new String[] {"يكشف عن نسخة محدثة من", "تكشف عن نسخة محدثة من"},
            new String[] {"ينشر", "تنشر"},
            new String[] {"يدرس اقتناء", "تدرس اقتناء"},
            new String[] {"يجري مناورات باستخدام", "تجري مناورات باستخدام"});

    static final List<Setting> SETTINGS = List.of(
            new Setting("", Optional.empty()),
            new Setting("", Optional.empty()),
            new Setting("في البحر الأحمر", Optional.of("red-sea")),
            new Setting("قرب الحدود الشمالية", Optional.empty()),
            new Setting("خلال معرض دبي للطيران", Optional.empty()),
            new Setting("ضمن خطة تحديث شاملة", Optional.empty()),
            new Setting("وسط توتر إقليمي", Optional.empty()),
            new Setting("في مناورات مشتركة", Optional.of("exercises")),
            new Setting("بعد هجوم سيبراني", Optional.of("cyber")));

    /** Sentences with {A} for the actor and {S} for the subject. */
    static final List<String> SENTENCES = List.of(
            "وقال مصدر عسكري إن {S} ستدخل الخدمة قبل نهاية العام الجاري.",
            "وأكد بيان صادر عن {A} أن الخطوة تأتي في إطار تعزيز القدرات الدفاعية.",
            "ويرى خبراء أن هذه الصفقة قد تغير موازين القوى في المنطقة.",
            "ولم تكشف المصادر عن قيمة العقد أو الجدول الزمني للتسليم.",
            "وتأتي هذه التطورات بعد أشهر من المفاوضات بين الجانبين.",
            "وأشار محللون إلى أن {S} أثبتت فعاليتها في عدة نزاعات سابقة.",
            "ومن المتوقع أن تشارك وحدات من {A} في تدريبات مشتركة الشهر المقبل.",
            "وكانت تقارير صحفية قد تحدثت عن تأخر في تسليم الدفعة الأولى.",
            "وأعربت واشنطن عن قلقها من تداعيات الخطوة على أمن حلفائها في المنطقة.",
            "وتسعى دول المنطقة إلى توطين الصناعات الدفاعية وتقليل الاعتماد على الاستيراد.",
            "وبحسب الأرقام المعلنة، بلغت نسبة نجاح الاختبارات أكثر من 90 في المئة.",
            "وشارك في الحدث عدد من كبار الضباط وممثلي الشركات المصنعة.",
            "ولم يصدر أي تعليق رسمي من الجانب الآخر حتى ساعة إعداد هذا التقرير.",
            "ويأتي الإعلان بعد أسبوع من زيارة وفد عسكري رفيع إلى العاصمة.",
            "وأوضح المتحدث باسم {A} أن التدريب شمل سيناريوهات للتصدي لهجمات جوية متزامنة.",
            "وتعمل الشركات المحلية على إنتاج قطع الغيار اللازمة لصيانة {S}.");

    private ArabicNews() {}

    static Story story(Random random) {
        Actor actor = ACTORS.get(random.nextInt(ACTORS.size()));
        // Air defence, five subjects of twelve, is the site's busiest beat: its feed has archives.
        Subject subject = SUBJECTS.get(random.nextInt(SUBJECTS.size()));
        Setting setting = SETTINGS.get(random.nextInt(SETTINGS.size()));
        String verb = VERBS.get(random.nextInt(VERBS.size()))[actor.feminine() ? 1 : 0];
        String title = actor.name() + " " + verb + " " + subject.name() + (setting.words().isEmpty() ? "" : " " + setting.words());

        List<String> categories = new ArrayList<>();
        categories.add(actor.category());
        subject.category().filter(c -> !categories.contains(c)).ifPresent(categories::add);
        List<String> tags = new ArrayList<>();
        for (Optional<String> tag : List.of(subject.tag(), actor.tag(), setting.tag())) {
            tag.filter(t -> !tags.contains(t)).ifPresent(tags::add);
        }
        while (tags.size() > random.nextInt(4)) { // 0 to 3 tags, as editors bother to add them
            tags.remove(tags.size() - 1);
        }

        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(lead(actor, verb, subject, setting));
        int count = 2 + random.nextInt(4);
        List<String> pool = new ArrayList<>(SENTENCES);
        for (int i = 0; i < count; i++) {
            String first = pool.remove(random.nextInt(pool.size()));
            String second = random.nextBoolean() ? " " + pool.remove(random.nextInt(pool.size())) : "";
            paragraphs.add((first + second).replace("{A}", actor.name()).replace("{S}", subject.name()));
        }
        return new Story(title, categories, tags, paragraphs);
    }

    private static String lead(Actor actor, String verb, Subject subject, Setting setting) {
        return "أعلنت مصادر رسمية أن " + actor.name() + " " + verb + " " + subject.name() + (setting.words().isEmpty() ? "" : " " + setting.words())
                + "، في خطوة تعكس اهتمامًا متزايدًا بتحديث القدرات العسكرية.";
    }
}
