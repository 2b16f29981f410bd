package dk.brobygger.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import dk.brobygger.shared.DanishTime;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Ledelsesinformation for preventive home visits, referrals and Én indgang: charts first, tables beside them, and
 * the same figures as CSV and XLSX. Managers and administrators only; no figure names a person.
 */
@Controller
class StatisticsPages {

    private static final ZoneId DANISH_TIME = DanishTime.ZONE;
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final VisitFigures figures;
    private final ReferralFunnel funnel;
    private final EntryFigures entry;
    private final Exports exports;
    private final Clock clock;

    StatisticsPages(VisitFigures figures, ReferralFunnel funnel, EntryFigures entry, Exports exports, Clock clock) {
        this.funnel = funnel;
        this.entry = entry;
        this.figures = figures;
        this.exports = exports;
        this.clock = clock;
    }

    @GetMapping("/leder/statistik")
    String homeVisits(@RequestParam(name = "aar", required = false) Integer year, Model model,
            java.util.Locale locale) {
        LocalDate today = today();
        int chosen = year(year, today);
        var figures = this.figures.year(chosen, today);
        model.addAttribute("figures", figures);
        model.addAttribute("tables", this.figures.tables(figures, locale));
        model.addAttribute("monthChart", BarChart.of(figures.months().stream()
                .map(row -> new BarChart.Point(row.month().getDisplayName(java.time.format.TextStyle.SHORT, locale),
                        row.tagged())).toList()));
        model.addAttribute("ageChart", BarChart.of(figures.taggedByAgeBand().entrySet().stream()
                .map(entry -> new BarChart.Point(entry.getKey().label(), entry.getValue())).toList()));
        model.addAttribute("years", List.of(today.getYear() - 2, today.getYear() - 1, today.getYear()));
        return "statistics/home-visits";
    }

    @GetMapping("/leder/statistik/hjemmebesog.csv")
    ResponseEntity<byte[]> csv(@RequestParam(name = "aar", required = false) Integer year,
            @RequestParam(name = "tabel", defaultValue = "0") int table, java.util.Locale locale) {
        int chosen = year(year, today());
        var tables = figures.tables(figures.year(chosen, today()), locale);
        var wanted = tables.get(Math.max(0, Math.min(table, tables.size() - 1)));
        return download(exports.csv(wanted), CSV, "hjemmebesog-" + chosen + "-" + (table + 1) + ".csv");
    }

    @GetMapping("/leder/statistik/hjemmebesog.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(name = "aar", required = false) Integer year, java.util.Locale locale) {
        int chosen = year(year, today());
        var tables = figures.tables(figures.year(chosen, today()), locale);
        return download(exports.xlsx(tables.toArray(Table[]::new)), XLSX, "hjemmebesog-" + chosen + ".xlsx");
    }

    @GetMapping("/leder/statistik/aed10.csv")
    ResponseEntity<byte[]> aed10Csv(@RequestParam(name = "aar", required = false) Integer year,
            java.util.Locale locale) {
        int chosen = year(year, today());
        return download(exports.csv(figures.aed10(chosen, locale)), CSV, "aed10-" + chosen + ".csv");
    }

    @GetMapping("/leder/statistik/aed10.xlsx")
    ResponseEntity<byte[]> aed10Xlsx(@RequestParam(name = "aar", required = false) Integer year,
            java.util.Locale locale) {
        int chosen = year(year, today());
        return download(exports.xlsx(figures.aed10(chosen, locale)), XLSX, "aed10-" + chosen + ".xlsx");
    }

    /** "Henvisninger i tal": the referral funnel of a year, as a chart and protected tables. */
    @GetMapping("/leder/statistik/henvisninger")
    String referrals(@RequestParam(name = "aar", required = false) Integer year, Model model, java.util.Locale locale) {
        LocalDate today = today();
        var figures = funnel.year(year(year, today), locale);
        model.addAttribute("funnel", figures);
        model.addAttribute("empty", figures.total().count(ReferralFunnel.Stage.REFERRED) == 0);
        model.addAttribute("tables", funnel.tables(figures, locale));
        model.addAttribute("chart", BarChart.of(funnel.chart(figures, locale)));
        model.addAttribute("years", List.of(today.getYear() - 2, today.getYear() - 1, today.getYear()));
        return "statistics/referrals";
    }

    @GetMapping("/leder/statistik/henvisninger.csv")
    ResponseEntity<byte[]> referralsCsv(@RequestParam(name = "aar", required = false) Integer year,
            @RequestParam(name = "tabel", defaultValue = "0") int table, java.util.Locale locale) {
        int chosen = year(year, today());
        var tables = funnel.tables(funnel.year(chosen, locale), locale);
        var wanted = tables.get(Math.max(0, Math.min(table, tables.size() - 1)));
        return download(exports.csv(wanted), CSV, "henvisninger-" + chosen + "-" + (table + 1) + ".csv");
    }

    @GetMapping("/leder/statistik/henvisninger.xlsx")
    ResponseEntity<byte[]> referralsXlsx(@RequestParam(name = "aar", required = false) Integer year,
            java.util.Locale locale) {
        int chosen = year(year, today());
        var tables = funnel.tables(funnel.year(chosen, locale), locale);
        return download(exports.xlsx(tables.toArray(Table[]::new)), XLSX, "henvisninger-" + chosen + ".xlsx");
    }

    /** "Én indgang i tal": inquiries, courses, exits and returns of a year, as charts and protected tables. */
    @GetMapping("/leder/statistik/indgang")
    String entry(@RequestParam(name = "aar", required = false) Integer year, Model model, java.util.Locale locale) {
        LocalDate today = today();
        var report = entry.year(year(year, today), locale);
        model.addAttribute("report", report);
        model.addAttribute("sourceChart", BarChart.of(report.bySource()));
        model.addAttribute("hourChart", BarChart.of(report.byHour()));
        model.addAttribute("weekdayChart", BarChart.of(report.byWeekday()));
        model.addAttribute("exitChart", BarChart.of(report.byExit()));
        model.addAttribute("years", List.of(today.getYear() - 2, today.getYear() - 1, today.getYear()));
        return "statistics/entry";
    }

    @GetMapping("/leder/statistik/indgang.csv")
    ResponseEntity<byte[]> entryCsv(@RequestParam(name = "aar", required = false) Integer year,
            @RequestParam(name = "tabel", defaultValue = "0") int table, java.util.Locale locale) {
        int chosen = year(year, today());
        var tables = entry.year(chosen, locale).tables();
        int wanted = Math.max(0, Math.min(table, tables.size() - 1));
        return download(exports.csv(tables.get(wanted)), CSV, "indgang-" + chosen + "-" + (wanted + 1) + ".csv");
    }

    @GetMapping("/leder/statistik/indgang.xlsx")
    ResponseEntity<byte[]> entryXlsx(@RequestParam(name = "aar", required = false) Integer year,
            java.util.Locale locale) {
        int chosen = year(year, today());
        var tables = entry.year(chosen, locale).tables();
        return download(exports.xlsx(tables.toArray(Table[]::new)), XLSX, "indgang-" + chosen + ".xlsx");
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DANISH_TIME));
    }

    /** A year from the request, kept within what the system can have data for. */
    private static int year(Integer requested, LocalDate today) {
        if (requested == null || requested < 2000 || requested > today.getYear() + 1) {
            return today.getYear();
        }
        return requested;
    }
}
