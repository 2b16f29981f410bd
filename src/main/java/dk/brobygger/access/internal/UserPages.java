package dk.brobygger.access.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dk.brobygger.access.Role;
import dk.brobygger.access.Teams;
import dk.brobygger.access.Users;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Brugere: administrators list, create and edit users (name, roles, teams), disable and enable them
 * and set a password where people log in with one. Roles decide what a user may do; teams decide
 * whom they may see. Only administrators get here ({@code /admin/**} in the security rules).
 */
@Controller
class UserPages {

    /** One line of a user's history, in words. */
    record HistoryLine(Instant at, String by, String text) {
    }

    private final UserAdministration administration;
    private final Teams teams;
    private final Users users;
    private final PasswordEncoder passwords;
    private final MessageSource messages;
    private final boolean formLogin;

    UserPages(UserAdministration administration, Teams teams, Users users, PasswordEncoder passwords,
            MessageSource messages, Environment environment) {
        this.administration = administration;
        this.teams = teams;
        this.users = users;
        this.passwords = passwords;
        this.messages = messages;
        // Passwords matter only where people log in with one (see SecurityConfiguration).
        this.formLogin = environment.acceptsProfiles(Profiles.of("demo-users"));
    }

    @GetMapping("/admin/brugere")
    String list(@RequestParam(name = "q", required = false) @Nullable String query,
            @RequestParam(name = "rolle", required = false) @Nullable String role,
            @RequestParam(name = "sorter", required = false) @Nullable String sort,
            @RequestParam(name = "side", defaultValue = "1") int page, Model model) {
        String text = query == null ? "" : query.strip();
        Role chosenRole = Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst().orElse(null);
        var order = UserAdministration.Sort.of(sort);
        var result = administration.list(text, chosenRole, order, page);
        model.addAttribute("q", text);
        model.addAttribute("role", chosenRole);
        model.addAttribute("sort", order);
        model.addAttribute("sorts", UserAdministration.Sort.values());
        model.addAttribute("roles", Role.values());
        model.addAttribute("result", result);
        model.addAttribute("searched", !text.isEmpty() || chosenRole != null);
        return "access/users";
    }

    @GetMapping("/admin/brugere/ny")
    String newUser(Model model) {
        return createForm(new UserForm(), model);
    }

    @PostMapping("/admin/brugere/ny")
    String create(@ModelAttribute("form") UserForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        form.validateUsername(errors);
        form.validateDetails(errors, teamCodes());
        if (formLogin) {
            form.validatePassword(errors, false);
        }
        String username = form.normalizedUsername();
        if (!errors.hasFieldErrors("username") && administration.exists(username)) {
            errors.rejectValue("username", "users.username.taken", new Object[] {username}, null);
        }
        if (errors.hasErrors()) {
            model.addAttribute("invalid", true);
            return createForm(form, model);
        }
        try {
            administration.create(username, form.normalizedDisplayName(), form.getRoles(), form.getTeams(),
                    formLogin && form.hasPassword() ? passwords.encode(form.password()) : null, me());
        } catch (DomainException e) {
            // Someone took the name between the check and the save.
            errors.rejectValue("username", e.messageKey(), e.arguments(), null);
            model.addAttribute("invalid", true);
            return createForm(form, model);
        }
        redirect.addFlashAttribute("success", "users.created");
        return "redirect:/admin/brugere/" + username;
    }

    @GetMapping("/admin/brugere/{username}")
    String user(@PathVariable String username,
            @RequestParam(name = "historik", defaultValue = "1") int historyPage, Model model, Locale locale) {
        var user = find(username);
        return userPage(user, UserForm.of(user), historyPage, model, locale);
    }

    @PostMapping("/admin/brugere/{username}")
    String update(@PathVariable String username, @ModelAttribute("form") UserForm form, BindingResult errors,
            Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        var user = find(username);
        form.setUsername(user.username());
        form.validateDetails(errors, teamCodes());
        if (user.username().equals(me()) && user.roles().contains(Role.ADMIN) && !form.getRoles().contains(Role.ADMIN)) {
            errors.rejectValue("roles", "users.self.adminRole");
        }
        if (errors.hasErrors()) {
            model.addAttribute("invalid", true);
            return userPage(user, form, 1, model, locale);
        }
        try {
            administration.update(user.username(), form.getVersion(), form.normalizedDisplayName(), form.getRoles(),
                    form.getTeams(), me());
        } catch (OptimisticLockingFailureException e) {
            return conflict(user.username(), model, locale, response);
        }
        redirect.addFlashAttribute("success", "users.saved");
        return "redirect:/admin/brugere/" + user.username();
    }

    @PostMapping("/admin/brugere/{username}/spaer")
    String disable(@PathVariable String username, @RequestParam long version, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        return changeEnabled(username, version, false, model, locale, redirect, response);
    }

    @PostMapping("/admin/brugere/{username}/genaabn")
    String enable(@PathVariable String username, @RequestParam long version, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        return changeEnabled(username, version, true, model, locale, redirect, response);
    }

    @PostMapping("/admin/brugere/{username}/adgangskode")
    String setPassword(@PathVariable String username, @RequestParam long version,
            @RequestParam(name = "password", required = false) @Nullable String password, Model model,
            Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        var user = find(username);
        if (!formLogin) {
            throw new NotFoundException("password login is not used here");
        }
        var form = new UserForm();
        form.setPassword(password);
        var errors = new BeanPropertyBindingResult(form, "passwordForm");
        form.validatePassword(errors, true);
        if (errors.hasErrors()) {
            var error = errors.getFieldErrors().getFirst();
            redirect.addFlashAttribute("error", error.getCode());
            redirect.addFlashAttribute("errorArguments", error.getArguments());
            return "redirect:/admin/brugere/" + user.username();
        }
        try {
            administration.setPassword(user.username(), version, passwords.encode(form.password()), me());
        } catch (OptimisticLockingFailureException e) {
            return conflict(user.username(), model, locale, response);
        }
        redirect.addFlashAttribute("success", "users.passwordSet");
        return "redirect:/admin/brugere/" + user.username();
    }

    private String changeEnabled(String username, long version, boolean enabled, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        var user = find(username);
        try {
            administration.setEnabled(user.username(), version, enabled, me());
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            return "redirect:/admin/brugere/" + user.username();
        } catch (OptimisticLockingFailureException e) {
            return conflict(user.username(), model, locale, response);
        }
        redirect.addFlashAttribute("success", enabled ? "users.enabled" : "users.disabled");
        return "redirect:/admin/brugere/" + user.username();
    }

    /** Someone else changed the user first: nothing was saved; show the user as they are now. */
    private String conflict(String username, Model model, Locale locale, HttpServletResponse response) {
        var current = find(username);
        var latest = administration.history(username, 1).changes();
        model.addAttribute("conflict", true);
        model.addAttribute("conflictBy", latest.isEmpty() ? "" : latest.getFirst().by());
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        return userPage(current, UserForm.of(current), 1, model, locale);
    }

    private String createForm(UserForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("roles", Role.values());
        model.addAttribute("teams", teams.all());
        model.addAttribute("formLogin", formLogin);
        return "access/user-new";
    }

    private String userPage(UserAdministration.AdministeredUser user, UserForm form, int historyPage, Model model,
            Locale locale) {
        var history = administration.history(user.username(), historyPage);
        model.addAttribute("user", user);
        model.addAttribute("form", form);
        model.addAttribute("roles", Role.values());
        model.addAttribute("teams", teams.all());
        model.addAttribute("formLogin", formLogin);
        model.addAttribute("self", user.username().equals(me()));
        model.addAttribute("history", history.changes().stream().map(change -> describe(change, locale)).toList());
        model.addAttribute("historyPage", history);
        return "access/user";
    }

    private HistoryLine describe(UserAdministration.Change change, Locale locale) {
        Object[] arguments = switch (change.kind()) {
            case CREATED -> new Object[] {roleNames(change.to(), locale)};
            case ROLES -> new Object[] {roleNames(change.from(), locale), roleNames(change.to(), locale)};
            case DISPLAY_NAME -> new Object[] {change.from(), change.to()};
            case TEAM_JOINED -> new Object[] {change.to()};
            case TEAM_LEFT -> new Object[] {change.from()};
            case DISABLED, ENABLED, PASSWORD_SET -> new Object[0];
        };
        return new HistoryLine(change.at(), change.by(),
                messages.getMessage("users.history." + change.kind().name(), arguments, locale));
    }

    private String roleNames(@Nullable String names, Locale locale) {
        if (names == null || names.isEmpty()) {
            return messages.getMessage("users.roles.none", null, locale);
        }
        return Arrays.stream(names.split(","))
                .map(name -> messages.getMessage("users.role." + name, null, name, locale))
                .collect(Collectors.joining(", "));
    }

    private UserAdministration.AdministeredUser find(String username) {
        return administration.find(username).orElseThrow(() -> new NotFoundException("user " + username));
    }

    private Set<String> teamCodes() {
        return teams.all().stream().map(Teams.Team::code).collect(Collectors.toSet());
    }

    private String me() {
        return users.currentOrFail().username();
    }
}
