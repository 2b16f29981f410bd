package dk.brobygger.outreach;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import dk.brobygger.citizen.CitizenRegister;
import dk.brobygger.shared.CprNumber;
import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff record a life event for a citizen they work with (found by CPR number, under need-to-know),
 * and the outreach teams import register extracts and read the report row by row.
 */
@Controller
class OutreachPages {

    private final LifeEvents lifeEvents;
    private final LifeEventImport imports;
    private final CitizenRegister register;
    private final Clock clock;

    OutreachPages(LifeEvents lifeEvents, LifeEventImport imports, CitizenRegister register, Clock clock) {
        this.lifeEvents = lifeEvents;
        this.imports = imports;
        this.register = register;
        this.clock = clock;
    }

    @GetMapping("/opsporing/livsbegivenheder")
    String form(Model model) {
        model.addAttribute("types", RiskReason.lifeEvents());
        model.addAttribute("today", LocalDate.now(clock));
        return "outreach/life-events";
    }

    @PostMapping("/opsporing/livsbegivenheder")
    String record(@RequestParam(name = "cpr", defaultValue = "") String cpr,
            @RequestParam(name = "type", defaultValue = "") String type,
            @RequestParam(name = "dato", defaultValue = "") String date,
            @RequestParam(name = "kilde", defaultValue = "") String source, Model model,
            RedirectAttributes redirect) {
        try {
            var citizen = register.findByCpr(CprNumber.of(cpr))
                    .orElseThrow(() -> new DomainException("outreach.import.cprUnknown", cpr.strip()));
            var recorded = lifeEvents.record(citizen.id(),
                    new LifeEvents.NewLifeEvent(type, OutreachApi.date(date, "outreach.event.dateMissing"), source),
                    LifeEvent.ArrivedVia.STAFF);
            redirect.addFlashAttribute("success", recorded.item() == null ? "outreach.page.recorded"
                    : "outreach.page.recordedWithItem");
            return "redirect:/opsporing/livsbegivenheder";
        } catch (DomainException e) {
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
        } catch (LifeEvents.DuplicateLifeEventException e) {
            model.addAttribute("error", "outreach.event.duplicate");
            model.addAttribute("errorArguments", new Object[0]);
        }
        model.addAttribute("cpr", cpr);
        model.addAttribute("type", type);
        model.addAttribute("date", date);
        model.addAttribute("source", source);
        return form(model);
    }

    @PostMapping("/opsporing/import")
    String importFile(@RequestParam(name = "fil", required = false) @Nullable MultipartFile file, Model model)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new DomainException("outreach.page.fileEmpty");
            }
            String text = new String(file.getBytes(), StandardCharsets.UTF_8);
            model.addAttribute("report", imports.importCsv(text.startsWith("\uFEFF") ? text.substring(1) : text));
            model.addAttribute("fileName", file.getOriginalFilename());
        } catch (DomainException e) {
            model.addAttribute("importError", e.messageKey());
            model.addAttribute("importErrorArguments", e.arguments());
        }
        return form(model);
    }
}
