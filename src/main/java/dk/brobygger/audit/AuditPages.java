package dk.brobygger.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.access.Users;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** Logning for administrators: search the audit log by citizen, user, period and action, and export it. */
@Controller
class AuditPages {

    private final AuditRecords records;
    private final Users users;

    AuditPages(AuditRecords records, Users users) {
        this.records = records;
        this.users = users;
    }

    @GetMapping("/admin/logning")
    String search(@ModelAttribute("search") AuditSearch search, BindingResult binding,
            @RequestParam(name = "side", defaultValue = "1") int page, Model model) {
        administrator();
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("outcomes", AuditOutcome.values());
        if (binding.hasErrors()) {
            // With constructor binding a search that does not convert has no object; start it over.
            model.addAttribute("invalid", true);
            model.addAttribute("search", AuditSearch.EVERYTHING);
            model.addAttribute("result", new AuditRecords.Page(List.of(), 1, false));
            return "audit/search";
        }
        model.addAttribute("result", records.search(search, page));
        return "audit/search";
    }

    @GetMapping("/admin/logning/eksport")
    void export(@ModelAttribute("search") AuditSearch search, BindingResult binding, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        var user = administrator();
        if (binding.hasErrors()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        var exporting = AuditEntry.granted(user.username(), Role.ADMIN, null, search.citizenId(), AuditAction.EXPORT,
                "CSV-eksport af logningen: " + search.describe(), request.getRemoteAddr());
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"logning.csv\"");
        records.export(search, exporting, response.getWriter());
    }

    private BrobyggerUser administrator() {
        var user = users.currentOrFail();
        if (!user.has(Role.ADMIN)) {
            throw new AccessDeniedException(user.username() + " is not an administrator");
        }
        return user;
    }
}
