package dk.brobygger.course;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.brobygger.access.Teams;
import dk.brobygger.outcome.Instruments;
import dk.brobygger.shared.DomainException;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators edit the course types at {@code /admin/forloebstyper}, like the §79a rules: the types with their
 * phases, one type's form (phases as rows, two empty rows for new phases), and the history of every version.
 */
@Controller
class CourseTypePages {

    /** Phase rows the form offers beyond the type's own. */
    static final int EMPTY_ROWS = 2;

    private final CourseTypes types;
    private final Teams teams;
    private final Instruments instruments;

    CourseTypePages(CourseTypes types, Teams teams, Instruments instruments) {
        this.types = types;
        this.teams = teams;
        this.instruments = instruments;
    }

    /** A phase row of the form, as text so that a refused form comes back as typed. */
    public record PhaseRow(String name, String weeks, String perWeek) {
    }

    @GetMapping("/admin/forloebstyper")
    String list(Model model) {
        model.addAttribute("types", types.all());
        model.addAttribute("history", types.history());
        model.addAttribute("teamNames", teamNames());
        return "course/types";
    }

    @GetMapping("/admin/forloebstyper/ny")
    String create(Model model) {
        return form(model, null, Map.of(), rows(List.of()));
    }

    @GetMapping("/admin/forloebstyper/{id}")
    String edit(@PathVariable UUID id, Model model) {
        var type = types.get(id);
        return form(model, type, Map.of(), rows(type.phases().stream().map(phase -> new PhaseRow(phase.name(),
                String.valueOf(phase.plannedWeeks()), phase.contactsPerWeekText())).toList()));
    }

    @PostMapping({"/admin/forloebstyper", "/admin/forloebstyper/{id}"})
    String save(@PathVariable(required = false) @Nullable UUID id, @RequestParam Map<String, String> typed,
            @RequestParam(name = "fasenavn", required = false) @Nullable List<String> names,
            @RequestParam(name = "uger", required = false) @Nullable List<String> weeks,
            @RequestParam(name = "prUge", required = false) @Nullable List<String> perWeek, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        var rows = new ArrayList<PhaseRow>();
        int count = Math.max(names == null ? 0 : names.size(), weeks == null ? 0 : weeks.size());
        for (int i = 0; i < Math.min(count, 20); i++) {
            rows.add(new PhaseRow(at(names, i), at(weeks, i), at(perWeek, i)));
        }
        try {
            var phases = rows.stream().map(row -> new CourseTypes.PhaseDraft(row.name(), TypedNumbers.integer(row.weeks()),
                    TypedNumbers.decimal(row.perWeek()))).toList();
            var draft = new CourseTypes.Draft(typed.get("kode"), typed.get("navn"), typed.get("beskrivelse"),
                    typed.get("team"), blankAsNull(typed.get("maaling")), "true".equals(typed.get("peer")),
                    TypedNumbers.integer(typed.get("minAlder")), TypedNumbers.integer(typed.get("maxAlder")),
                    "true".equals(typed.get("analyse")), "true".equals(typed.get("maal")),
                    "true".equals(typed.get("aktiv")), phases, typed.get("note"));
            var saved = id == null ? types.create(draft) : types.change(id, InquiryPages.version(typed), draft);
            redirect.addFlashAttribute("success", "course.type.saved");
            return "redirect:/admin/forloebstyper/" + saved.id();
        } catch (DomainException e) {
            InquiryPages.refused(e, model, response);
            return form(model, id == null ? null : types.get(id), typed, rows(rows));
        }
    }

    private String form(Model model, @Nullable CourseType type, Map<String, String> typed, List<PhaseRow> rows) {
        model.addAttribute("type", type);
        model.addAttribute("form", typed.isEmpty() ? defaults(type) : typed);
        model.addAttribute("rows", rows);
        model.addAttribute("teamNames", teamNames());
        model.addAttribute("instruments", instruments.names());
        model.addAttribute("history", type == null ? List.of()
                : types.history().stream().filter(version -> version.typeId().equals(type.id())).toList());
        return "course/type";
    }

    /** The form's fields filled from the type (or, for a new type, in use and nothing else). */
    private static Map<String, String> defaults(@Nullable CourseType type) {
        var form = new java.util.HashMap<String, String>();
        if (type == null) {
            form.put("aktiv", "true");
            return form;
        }
        form.put("navn", type.name());
        form.put("beskrivelse", type.description());
        form.put("team", type.defaultTeam());
        form.put("maaling", type.instrumentCode() == null ? "" : type.instrumentCode());
        form.put("minAlder", type.minAge() == null ? "" : type.minAge().toString());
        form.put("maxAlder", type.maxAge() == null ? "" : type.maxAge().toString());
        form.put("peer", String.valueOf(type.peerHostOffered()));
        form.put("analyse", String.valueOf(type.sharedAnalysis()));
        form.put("maal", String.valueOf(type.ownGoals()));
        form.put("aktiv", String.valueOf(type.active()));
        return form;
    }

    private static List<PhaseRow> rows(List<PhaseRow> rows) {
        var all = new ArrayList<>(rows.stream().filter(row -> !(row.name().isBlank() && row.weeks().isBlank()
                && row.perWeek().isBlank())).toList());
        for (int i = 0; i < EMPTY_ROWS; i++) {
            all.add(new PhaseRow("", "", ""));
        }
        return all;
    }

    private Map<String, String> teamNames() {
        var names = new java.util.LinkedHashMap<String, String>();
        teams.all().forEach(team -> names.put(team.code(), team.name()));
        return names;
    }

    private static String at(@Nullable List<String> values, int i) {
        return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i);
    }

    private static @Nullable String blankAsNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
