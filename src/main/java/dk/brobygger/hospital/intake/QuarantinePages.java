package dk.brobygger.hospital.intake;

import java.time.Clock;
import java.util.UUID;

import dk.brobygger.access.Users;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.shared.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's list of hospital notifications that could not be applied (/admin/medcom, administrators
 * only): the reason, the raw message, and "behandlet" once dealt with. A raw message names a patient, so
 * opening one is audited.
 */
@Controller
class QuarantinePages {

    static final int PAGE_SIZE = 20;

    private final ReceivedMessages messages;
    private final CitizenRecords records;
    private final Users users;
    private final Clock clock;

    QuarantinePages(ReceivedMessages messages, CitizenRecords records, Users users, Clock clock) {
        this.messages = messages;
        this.records = records;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/admin/medcom")
    String list(@RequestParam(name = "alle", defaultValue = "false") boolean all,
            @RequestParam(name = "side", defaultValue = "1") int page, Model model) {
        model.addAttribute("all", all);
        model.addAttribute("waiting", messages.waiting());
        model.addAttribute("result", messages.quarantined(all, Math.max(page, 1), PAGE_SIZE));
        return "hospital/quarantine";
    }

    @GetMapping("/admin/medcom/{id}")
    @Transactional
    String detail(@PathVariable UUID id, Model model) {
        var message = messages.find(id).filter(m -> m.outcome() == ReceivedMessages.Outcome.QUARANTINED)
                .orElseThrow(() -> new NotFoundException("hospital message"));
        records.reviewAsAdministrator(message.citizenId() == null ? null : new CitizenId(message.citizenId()),
                "Så en sygehusadvis til gennemsyn (" + message.id() + ")");
        model.addAttribute("message", message);
        return "hospital/quarantined-message";
    }

    @PostMapping("/admin/medcom/{id}/behandlet")
    String handled(@PathVariable UUID id, RedirectAttributes redirect) {
        messages.find(id).filter(m -> m.outcome() == ReceivedMessages.Outcome.QUARANTINED)
                .orElseThrow(() -> new NotFoundException("hospital message"));
        messages.markHandled(id, users.currentOrFail().username(), clock.instant());
        redirect.addFlashAttribute("handled", true);
        return "redirect:/admin/medcom";
    }
}
