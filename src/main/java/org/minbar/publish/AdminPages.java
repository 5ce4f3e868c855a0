package org.minbar.publish;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.minbar.config.SiteConfig;
import org.minbar.model.SubscriberReport;
import org.minbar.model.SubscriberReport.AggregatorShare;
import org.minbar.model.SubscriberReport.Day;
import org.minbar.model.SubscriberReport.FeedStatistics;
import org.minbar.model.WebSubLease;

/**
 * The publisher's pages under /admin/: the login form, and the subscriber statistics of every
 * feed and of one feed, with a chart for each measure. Rendered on the server, with no script and
 * nothing loaded from elsewhere.
 */
public final class AdminPages {

    /** Where the login form posts, and where the statistics of one feed are (?feed={path}). */
    public static final String HOME = "/admin/";
    public static final String LOGIN = "/admin/login";
    public static final String LOGOUT = "/admin/logout";
    public static final String FEED = "/admin/feed/";

    private static final String STYLE = "body{font-family:Tahoma,'Noto Naskh Arabic',sans-serif;max-width:64rem;margin:auto;"
            + "padding:1rem;line-height:1.6}a{color:#0b5394}table{border-collapse:collapse;width:100%}"
            + "th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:start}td.n{font-variant-numeric:tabular-nums}"
            + ".charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem}figure{margin:0}"
            + "figcaption{font-size:.9rem;color:#333}.key{display:inline-block;width:.8rem;height:.8rem;margin-inline:.3rem}"
            + "dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem 1rem}dd{margin:0;font-weight:bold}"
            + ".alert{color:#a00}code,.ltr{direction:ltr;unicode-bidi:isolate}:focus{outline:3px solid #e69138}";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final SiteConfig site;

    public AdminPages(SiteConfig site) {
        this.site = site;
    }

    /** The login form, with why the last try failed if it did. */
    public String login(String problem) {
        Document page = shell("الدخول – " + site.title());
        Element main = page.body().appendElement("main");
        main.appendElement("h1").text("إحصاءات المشتركين: الدخول");
        if (problem != null) {
            main.appendElement("p").addClass("alert").attr("role", "alert").text(problem);
        }
        Element form = main.appendElement("form").attr("method", "post").attr("action", LOGIN);
        form.appendElement("label").attr("for", "token").text("رمز النشر أو رمز الإدارة");
        form.appendElement("br");
        form.appendElement("input").attr("type", "password").attr("id", "token").attr("name", "token")
                .attr("autocomplete", "current-password").attr("required", "").attr("dir", "ltr");
        form.appendText(" ");
        form.appendElement("button").attr("type", "submit").text("دخول");
        return page.outerHtml();
    }

    /** Every feed's statistics: today's figures, the site's charts, and a row per feed. */
    public String overview(SubscriberReport report) {
        Document page = shell("إحصاءات المشتركين – " + site.title());
        Element main = header(page, "إحصاءات المشتركين", report);
        List<Day> total = report.total();
        if (total.isEmpty()) {
            main.appendElement("p").text("لم تُطلب أي خلاصة ولم يشترك فيها أحد في آخر " + days(report) + " يومًا.");
            return page.outerHtml();
        }
        main.appendElement("h2").text("اليوم، كل الخلاصات");
        summary(main, total.get(total.size() - 1));
        main.appendElement("p").text("المجموع يعدّ من يقرأ خلاصتين مرتين.");
        charts(main, "all", total);
        main.appendElement("h2").text("الخلاصات");
        Element table = main.appendElement("table");
        Element head = table.appendElement("thead").appendElement("tr");
        for (String column : List.of("الخلاصة", "مشتركو المجمّعات", "قرّاء آخرون", "مشتركو WebSub", "الطلبات اليوم", "نسبة 304")) {
            head.appendElement("th").attr("scope", "col").text(column);
        }
        Element body = table.appendElement("tbody");
        for (FeedStatistics feed : report.feeds()) {
            Day today = feed.today();
            Element row = body.appendElement("tr");
            row.appendElement("th").attr("scope", "row").appendElement("a")
                    .attr("href", FEED + "?feed=" + java.net.URLEncoder.encode(feed.feed(), java.nio.charset.StandardCharsets.UTF_8))
                    .addClass("ltr").text(readable(feed.feed()));
            number(row, today.subscribers());
            number(row, today.pollers());
            number(row, today.webSub());
            number(row, today.polls());
            row.appendElement("td").addClass("n").text(percent(today.notModifiedShare()));
        }
        if (report.feedsCounted() > report.feeds().size()) {
            main.appendElement("p").text("تُعرض أكثر " + report.feeds().size() + " خلاصة قراءةً من " + report.feedsCounted() + ".");
        }
        if (report.pollersDropped() > 0) {
            main.appendElement("p").addClass("alert").text("لم يُعدّ " + report.pollersDropped()
                    + " من القرّاء منذ تشغيل الخادم: وصل منهم أكثر مما يُحفظ بين كتابتين.");
        }
        return page.outerHtml();
    }

    /** One feed's statistics: its charts, today's aggregators and its WebSub subscriptions. */
    public String feed(SubscriberReport report, FeedStatistics feed) {
        Document page = shell(readable(feed.feed()) + " – إحصاءات المشتركين");
        Element main = header(page, "إحصاءات الخلاصة", report);
        main.appendElement("p").appendElement("code").text(readable(feed.feed()));
        summary(main, feed.today());
        charts(main, "feed", feed.days());
        main.appendElement("h2").text("المجمّعات اليوم");
        if (feed.aggregators().isEmpty()) {
            main.appendElement("p").text("لم يذكر أي مجمّع عدد مشتركيه اليوم.");
        } else {
            Element table = main.appendElement("table");
            columns(table, "المجمّع", "معرّف الخلاصة عنده", "المشتركون", "آخر طلب");
            Element body = table.appendElement("tbody");
            for (AggregatorShare share : feed.aggregators()) {
                Element row = body.appendElement("tr");
                row.appendElement("td").addClass("ltr").text(share.aggregator());
                row.appendElement("td").addClass("ltr").text(share.feedId());
                number(row, share.subscribers());
                row.appendElement("td").addClass("ltr").text(WHEN.format(share.reportedAt()));
            }
        }
        main.appendElement("h2").text("اشتراكات WebSub");
        if (feed.webSub().isEmpty()) {
            main.appendElement("p").text("لا اشتراك WebSub قائمًا في هذه الخلاصة.");
        } else {
            Element table = main.appendElement("table");
            columns(table, "المشترك", "ينتهي الاشتراك", "آخر تسليم", "تسليم يُعاد");
            Element body = table.appendElement("tbody");
            for (WebSubLease lease : feed.webSub()) {
                Element row = body.appendElement("tr");
                row.appendElement("td").addClass("ltr").text(lease.callbackHost());
                row.appendElement("td").addClass("ltr").text(WHEN.format(lease.expires()));
                row.appendElement("td").addClass("ltr").text(lease.lastDelivery().map(WHEN::format).orElse("—"));
                row.appendElement("td").addClass("ltr").text(lease.retrying().orElse("—"));
            }
        }
        return page.outerHtml();
    }

    private Element header(Document page, String title, SubscriberReport report) {
        Element header = page.body().appendElement("header");
        Element nav = header.appendElement("nav").attr("aria-label", "الإدارة");
        nav.appendElement("a").attr("href", HOME).text("كل الخلاصات");
        nav.appendText(" · ");
        nav.appendElement("a").attr("href", "/api/stats").text("JSON");
        nav.appendText(" · ");
        Element logout = nav.appendElement("form").attr("method", "post").attr("action", LOGOUT).attr("style", "display:inline");
        logout.appendElement("button").attr("type", "submit").text("خروج");
        Element main = page.body().appendElement("main");
        main.appendElement("h1").text(title);
        main.appendElement("p").appendText("من ").appendElement("span").addClass("ltr").text(report.from().toString())
                .parent().appendText(" إلى ").appendElement("span").addClass("ltr").text(report.to().toString())
                .parent().appendText(" (أيام UTC)، حتى ").appendElement("span").addClass("ltr").text(WHEN.format(report.at()));
        return main;
    }

    private static void summary(Element parent, Day today) {
        Element list = parent.appendElement("dl");
        item(list, "مشتركو المجمّعات (كما تذكر في User-Agent)", String.valueOf(today.subscribers()));
        item(list, "قرّاء آخرون (عناوين مميزة اليوم)", String.valueOf(today.pollers()));
        item(list, "مشتركو WebSub", String.valueOf(today.webSub()));
        item(list, "الطلبات", String.valueOf(today.polls()));
        item(list, "أُجيب بـ 304", percent(today.notModifiedShare()));
    }

    private static void charts(Element parent, String id, List<Day> days) {
        List<LocalDate> dates = days.stream().map(Day::day).toList();
        Element charts = parent.appendElement("div").addClass("charts");
        SvgChart.bars(charts, id + "-subscribers", "مشتركو المجمّعات يوميًا", dates,
                series("المشتركون", days, Day::subscribers), null);
        SvgChart.bars(charts, id + "-pollers", "القرّاء الآخرون يوميًا", dates, series("القرّاء", days, Day::pollers), null);
        SvgChart.bars(charts, id + "-websub", "مشتركو WebSub يوميًا", dates, series("الاشتراكات", days, Day::webSub), null);
        SvgChart.bars(charts, id + "-polls", "الطلبات يوميًا، وما أُجيب منها بـ 304", dates,
                series("الطلبات", days, Day::polls), series("304", days, Day::notModified));
    }

    private static SvgChart.Series series(String name, List<Day> days, ToLongFunction<Day> value) {
        return new SvgChart.Series(name, days.stream().mapToLong(value).toArray());
    }

    private static void item(Element list, String term, String value) {
        list.appendElement("dt").text(term);
        list.appendElement("dd").addClass("ltr").text(value);
    }

    private static void columns(Element table, String... names) {
        Element head = table.appendElement("thead").appendElement("tr");
        for (String name : names) {
            head.appendElement("th").attr("scope", "col").text(name);
        }
    }

    private static void number(Element row, long value) {
        row.appendElement("td").addClass("n").text(String.valueOf(value));
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static long days(SubscriberReport report) {
        return report.to().toEpochDay() - report.from().toEpochDay() + 1;
    }

    /** A feed's path as a person reads it: percent-escapes decoded (Arabic slugs shown as Arabic). */
    static String readable(String path) {
        try {
            String decoded = URI.create("http://h" + path).getPath();
            return decoded == null ? path : decoded;
        } catch (IllegalArgumentException e) {
            return path;
        }
    }

    private Document shell(String title) {
        Document page = Document.createShell("");
        page.outputSettings().charset("UTF-8").escapeMode(Entities.EscapeMode.base).prettyPrint(true);
        page.insertChildren(0, new DocumentType("html", "", ""));
        page.selectFirst("html").attr("lang", "ar").attr("dir", "rtl");
        Element head = page.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("meta").attr("name", "robots").attr("content", "noindex, nofollow");
        head.appendElement("title").text(title);
        head.appendElement("style").appendChild(new DataNode(STYLE));
        return page;
    }
}
