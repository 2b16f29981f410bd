package dk.brobygger.citizen;

import java.util.Locale;
import java.util.UUID;

import dk.brobygger.access.Teams;
import dk.brobygger.shared.DomainException;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Tilknytninger: who works with the citizen now and before, "tilknyt borger" (administrators and
 * managers relate a colleague or a whole team) and ending a relation when the work is done.
 * Administrators and managers relate citizens they may not see themselves: they then get the form
 * alone, with nothing about the citizen.
 */
@Controller
class RelationPages {

    private final CitizenRegister register;
    private final Teams teams;
    private final MessageSource messages;

    RelationPages(CitizenRegister register, Teams teams, MessageSource messages) {
        this.register = register;
        this.teams = teams;
        this.messages = messages;
    }

    @GetMapping("/borgere/{id}/tilknytninger")
    String relations(@PathVariable UUID id, Model model, HttpServletResponse response) {
        return page(id, null, null, null, model, response);
    }

    @PostMapping("/borgere/{id}/tilknytninger")
    String relate(@PathVariable UUID id, @RequestParam(name = "username", required = false) @Nullable String username,
            @RequestParam(name = "team", required = false) @Nullable String team, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        var citizenId = new CitizenId(id);
        register.checkMayRelate(citizenId);
        var errors = new FieldErrors(messages, locale);
        boolean byUser = username != null && !username.isBlank();
        boolean byTeam = team != null && !team.isBlank();
        if (byUser == byTeam) {
            errors.add("username", byUser ? "citizen.relation.userOrTeam" : "access.relation.usernameOrTeam");
        } else {
            try {
                if (byUser) {
                    register.relate(citizenId, username.strip());
                } else {
                    register.relateTeam(citizenId, team.strip());
                }
                redirect.addFlashAttribute("success", "citizen.relation.added");
                return "redirect:/borgere/" + id + "/tilknytninger";
            } catch (DomainException e) {
                errors.add(byUser ? "username" : "team", e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(id, username, team, errors, model, response);
    }

    @PostMapping("/borgere/{id}/tilknytninger/afslut")
    String end(@PathVariable UUID id, @RequestParam(name = "relation", required = false) @Nullable String relation,
            RedirectAttributes redirect) {
        long relationId;
        try {
            relationId = relation == null ? -1 : Long.parseLong(relation.strip());
        } catch (NumberFormatException e) {
            relationId = -1;
        }
        // The relation is looked up after the check of who may end it, so a refusal tells nothing.
        register.endRelation(new CitizenId(id), relationId);
        redirect.addFlashAttribute("success", "citizen.relation.ended");
        return "redirect:/borgere/" + id + "/tilknytninger";
    }

    private String page(UUID id, @Nullable String username, @Nullable String team, @Nullable FieldErrors errors,
            Model model, HttpServletResponse response) {
        var citizenId = new CitizenId(id);
        model.addAttribute("citizenId", id);
        model.addAttribute("mayRelate", register.mayRelate());
        model.addAttribute("teams", teams.all());
        model.addAttribute("username", username);
        model.addAttribute("team", team);
        model.addAttribute("errors", errors);
        Citizen citizen;
        try {
            citizen = register.get(citizenId);
        } catch (AccessDeniedException e) {
            if (!register.mayRelate()) {
                return CitizenPages.refused(id, null, null, model, response);
            }
            return "citizen/relations";
        }
        model.addAttribute("citizen", citizen);
        model.addAttribute("relations", register.relations(citizenId));
        return "citizen/relations";
    }
}
