package dk.brobygger.access.internal;

import dk.brobygger.access.Teams;
import dk.brobygger.access.Users;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators manage who is in which team; every join and leave is kept as history. */
@Controller
class TeamPages {

    private final Teams teams;
    private final Users users;

    TeamPages(Teams teams, Users users) {
        this.teams = teams;
        this.users = users;
    }

    @GetMapping("/admin/teams")
    String list(Model model) {
        model.addAttribute("teams", teams.all());
        return "access/teams";
    }

    @GetMapping("/admin/teams/{code}")
    String team(@PathVariable String code, Model model) {
        var team = teams.all().stream().filter(t -> t.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("team " + code));
        var history = teams.history(code);
        model.addAttribute("team", team);
        model.addAttribute("members", history.stream().filter(Teams.Membership::isActive).toList());
        model.addAttribute("history", history);
        return "access/team";
    }

    @PostMapping("/admin/teams/{code}/medlemmer")
    String join(@PathVariable String code, @RequestParam(name = "brugernavn", required = false) @Nullable String username,
            RedirectAttributes redirect) {
        String name = username == null ? "" : username.strip();
        try {
            if (name.isEmpty()) {
                throw new DomainException("team.usernameMissing");
            }
            teams.join(code, name, users.currentOrFail().username());
            redirect.addFlashAttribute("success", "team.added");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgument", name);
        }
        return "redirect:/admin/teams/" + code;
    }

    @PostMapping("/admin/teams/{code}/medlemmer/{username}/udmeld")
    String leave(@PathVariable String code, @PathVariable String username, RedirectAttributes redirect) {
        teams.leave(code, username, users.currentOrFail().username());
        redirect.addFlashAttribute("success", "team.removed");
        return "redirect:/admin/teams/" + code;
    }
}
