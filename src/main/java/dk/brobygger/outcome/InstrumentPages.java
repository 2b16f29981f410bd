package dk.brobygger.outcome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators see the instruments and load a licensed one from its definition file. */
@Controller
class InstrumentPages {

    private static final long MAX_FILE = 1_000_000;

    private final Instruments instruments;

    InstrumentPages(Instruments instruments) {
        this.instruments = instruments;
    }

    @GetMapping("/admin/instrumenter")
    String list(Model model) {
        model.addAttribute("instruments", instruments.all());
        return "outcome/instruments";
    }

    @GetMapping("/admin/instrumenter/vis")
    String show(@RequestParam("kode") String code, @RequestParam("version") String version, Model model) {
        model.addAttribute("instrument", instruments.get(code, version));
        return "outcome/instrument";
    }

    @PostMapping("/admin/instrumenter")
    String load(@RequestParam(name = "fil", required = false) @Nullable MultipartFile file, Model model,
            RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new DomainException("outcome.file.none");
            }
            if (file.getSize() > MAX_FILE) {
                throw new DomainException("outcome.file.tooBig");
            }
            var instrument = instruments.load(new String(file.getBytes(), StandardCharsets.UTF_8));
            redirect.addFlashAttribute("success", "outcome.loaded");
            redirect.addFlashAttribute("successArgument", instrument.name() + " (" + instrument.version() + ")");
            return "redirect:/admin/instrumenter";
        } catch (DomainException e) {
            model.addAttribute("instruments", instruments.all());
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
            return "outcome/instruments";
        }
    }
}
