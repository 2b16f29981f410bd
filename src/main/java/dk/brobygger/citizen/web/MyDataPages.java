package dk.brobygger.citizen.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import dk.brobygger.audit.AuditLog;
import dk.brobygger.citizen.CitizenRegister;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "Mine oplysninger": the citizen's own record and who has seen it, in plain Danish. */
@Controller
class MyDataPages {

    private final CitizenRegister register;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    MyDataPages(CitizenRegister register, AuditLog audit, MessageSource messages, Clock clock) {
        this.register = register;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/mig")
    String mine(Model model, Locale locale) {
        var citizen = register.mine();
        citizen.ifPresent(own -> {
            model.addAttribute("citizen", own);
            model.addAttribute("age", own.ageOn(LocalDate.now(clock)));
            model.addAttribute("accesses", audit.accessesTo(own.id().value()).stream()
                    .map(access -> access.sentence(messages, locale)).toList());
        });
        return "citizen/mine";
    }
}
