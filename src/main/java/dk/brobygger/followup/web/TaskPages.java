package dk.brobygger.followup.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import dk.brobygger.access.Users;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.citizen.CitizenRegister;
import dk.brobygger.followup.Task;
import dk.brobygger.followup.Tasks;
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

/** Opgaver: the user's worklist of due tasks, overdue ones first and marked, and closing a task. */
@Controller
class TaskPages {

    private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    record Row(Task task, CitizenRecords.@Nullable Summary citizen, boolean overdue) {
    }

    private final Tasks tasks;
    private final CitizenRecords records;
    private final CitizenRegister register;
    private final Users users;
    private final Clock clock;

    TaskPages(Tasks tasks, CitizenRecords records, CitizenRegister register, Users users, Clock clock) {
        this.tasks = tasks;
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
        var names = records.summaries(all.stream().map(Task::citizen).toList(), "Så borgeren på sin opgaveliste");
        model.addAttribute("open", all.stream().filter(t -> t.status() == Task.Status.OPEN)
                .map(t -> new Row(t, names.get(t.citizen()), t.isOverdue(today))).toList());
        model.addAttribute("done", all.stream().filter(t -> t.status() == Task.Status.DONE)
                .map(t -> new Row(t, names.get(t.citizen()), false)).toList());
        model.addAttribute("overdue", all.stream().filter(t -> t.isOverdue(today)).count());
        return "followup/worklist";
    }

    @GetMapping("/opgaver/{id}")
    String task(@PathVariable UUID id, Model model) {
        var task = tasks.get(id);
        model.addAttribute("task", task);
        model.addAttribute("citizen", register.get(task.citizen()));
        model.addAttribute("today", today());
        model.addAttribute("overdue", task.isOverdue(today()));
        return "followup/task";
    }

    @PostMapping("/opgaver/{id}")
    String complete(@PathVariable UUID id, @RequestParam(name = "version", defaultValue = "-1") long version,
            @RequestParam(name = "dato", defaultValue = "") String doneOn,
            @RequestParam(name = "kontakt", required = false) @Nullable Boolean reached,
            @RequestParam(name = "faellesskab", required = false) @Nullable Boolean joined,
            @RequestParam(name = "hvilket", required = false) @Nullable String community,
            @RequestParam(name = "noter", required = false) @Nullable String notes, Model model,
            RedirectAttributes redirect) {
        try {
            tasks.complete(id, version, new Tasks.Outcome(parse(doneOn), reached, joined, community, notes));
            redirect.addFlashAttribute("success", "task.completed");
            return "redirect:/opgaver";
        } catch (DomainException e) {
            task(id, model);
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
            model.addAttribute("form", new Tasks.Outcome(null, reached, joined, community, notes));
            return "followup/task";
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DANISH_TIME));
    }

    private static @Nullable LocalDate parse(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("task.doneOn.invalid");
        }
    }
}
