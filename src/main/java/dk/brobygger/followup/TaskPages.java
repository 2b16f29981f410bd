package dk.brobygger.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import dk.brobygger.access.Users;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.citizen.CitizenRegister;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Opgaver: the user's tasks of every kind, overdue ones first and marked, each with its source's title and
 * link, and completing a task with one of its source's outcome choices.
 */
@Controller
class TaskPages {

    record Row(TaskSources.Shown shown, CitizenRecords.@Nullable Summary citizen, boolean overdue) {
    }

    private final TaskList tasks;
    private final TaskSources sources;
    private final CitizenRecords records;
    private final CitizenRegister register;
    private final Users users;
    private final Clock clock;

    TaskPages(TaskList tasks, TaskSources sources, CitizenRecords records, CitizenRegister register, Users users,
            Clock clock) {
        this.tasks = tasks;
        this.sources = sources;
        this.records = records;
        this.register = register;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/opgaver")
    @Transactional
    String worklist(Model model) {
        LocalDate today = today();
        var all = tasks.worklist(users.currentOrFail().username());
        var names = records.summaries(all.stream().map(Task::citizen).distinct().toList(),
                "Så borgeren på sin opgaveliste");
        model.addAttribute("open", all.stream().filter(Task::isOpen)
                .map(t -> new Row(sources.show(t), names.get(t.citizen()), t.isOverdue(today))).toList());
        model.addAttribute("done", all.stream().filter(t -> !t.isOpen())
                .map(t -> new Row(sources.show(t), names.get(t.citizen()), false)).toList());
        model.addAttribute("overdue", all.stream().filter(t -> t.isOverdue(today)).count());
        return "followup/worklist";
    }

    @GetMapping("/opgaver/{id}")
    String task(@PathVariable UUID id, Model model) {
        var task = tasks.get(TaskId.of(id));
        model.addAttribute("shown", sources.show(task));
        model.addAttribute("task", task);
        model.addAttribute("citizen", register.get(task.citizen()));
        model.addAttribute("today", today());
        model.addAttribute("overdue", task.isOverdue(today()));
        return "followup/task";
    }

    @PostMapping("/opgaver/{id}")
    String complete(@PathVariable UUID id, @RequestParam(name = "version", defaultValue = "-1") long version,
            @RequestParam(name = "dato", defaultValue = "") String doneOn,
            @RequestParam(name = "udfald", required = false) @Nullable String outcome,
            @RequestParam(name = "noter", required = false) @Nullable String notes,
            @RequestParam java.util.Map<String, String> form, Model model, RedirectAttributes redirect) {
        // Each choice that asks for a detail has its own field, named by the choice.
        String detail = outcome == null ? null : form.get("detalje-" + outcome);
        try {
            tasks.complete(TaskId.of(id), version, new Task.Completion(parse(doneOn), outcome, detail, notes));
            redirect.addFlashAttribute("success", "task.completed");
            return "redirect:/opgaver";
        } catch (DomainException e) {
            task(id, model);
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
            model.addAttribute("form", new Task.Completion(null, outcome, detail, notes));
            return "followup/task";
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DanishTime.ZONE));
    }

    private static @Nullable LocalDate parse(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return DanishTime.parseDate(text.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("task.doneOn.invalid");
        }
    }
}
