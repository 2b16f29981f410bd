package dk.brobygger.directory.editorial;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Users;
import dk.brobygger.directory.offer.DirectoryChanges;
import dk.brobygger.directory.offer.Location;
import dk.brobygger.directory.offer.Locations;
import dk.brobygger.directory.offer.Offers;
import dk.brobygger.directory.offer.Organization;
import dk.brobygger.directory.offer.OrganizationKind;
import dk.brobygger.directory.offer.Organizations;
import dk.brobygger.shared.NotFoundException;
import dk.brobygger.shared.Paging;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Organisations: the municipal editors' list with search, the organisation form (moderated for
 * association editors like offers are) and adding a place where offers meet.
 */
@Controller
class OrganizationEditor {

    static final int PAGE_SIZE = 25;

    /** One row of the organisation list. */
    public record OrganizationRow(UUID id, String name, OrganizationKind kind, long offers) {
    }

    private final Organizations organizations;
    private final Locations locations;
    private final Offers offers;
    private final DirectoryChanges changes;
    private final Moderation moderation;
    private final ChangeText changeText;
    private final Users users;
    private final JdbcClient jdbc;

    OrganizationEditor(Organizations organizations, Locations locations, Offers offers, DirectoryChanges changes,
            Moderation moderation, ChangeText changeText, Users users, JdbcClient jdbc) {
        this.organizations = organizations;
        this.locations = locations;
        this.offers = offers;
        this.changes = changes;
        this.moderation = moderation;
        this.changeText = changeText;
        this.users = users;
        this.jdbc = jdbc;
    }

    @InitBinder({"form", "location"})
    void binder(WebDataBinder binder) {
        EditorialSupport.trimStrings(binder);
    }

    @GetMapping("/redaktion/organisationer")
    String list(@RequestParam(name = "q", required = false) @Nullable String query,
            @RequestParam(name = "side", defaultValue = "1") int page, Model model) {
        if (!users.currentOrFail().isMunicipalEditor()) {
            throw new AccessDeniedException("the organisation list is for municipal editors");
        }
        String text = query == null ? "" : query.strip();
        String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        int current = Math.max(1, page);
        long total = jdbc.sql("SELECT COUNT(*) FROM organization WHERE LOWER(name) LIKE :pattern ESCAPE '\\'")
                .param("pattern", pattern).query(Long.class).single();
        List<OrganizationRow> rows = jdbc.sql("""
                SELECT g.id, g.name, g.kind, (SELECT COUNT(*) FROM offer o WHERE o.organization_id = g.id) AS offers
                  FROM organization g
                 WHERE LOWER(g.name) LIKE :pattern ESCAPE '\\'
                 ORDER BY g.name, g.id
                 LIMIT :limit OFFSET :offset
                """)
                .param("pattern", pattern).param("limit", PAGE_SIZE).param("offset", Paging.offset(current, PAGE_SIZE))
                .query((rs, n) -> new OrganizationRow(rs.getObject("id", UUID.class), rs.getString("name"),
                        OrganizationKind.valueOf(rs.getString("kind")), rs.getLong("offers")))
                .list();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("q", text);
        model.addAttribute("organizations", rows);
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        return "directory/editorial/organizations";
    }

    @GetMapping("/redaktion/organisationer/{id}/rediger")
    String edit(@PathVariable String id, Model model) {
        var organization = editable(id);
        return form(organization, OrganizationForm.of(organization.details(), version(organization)), model);
    }

    @PostMapping("/redaktion/organisationer/{id}/rediger")
    String save(@PathVariable String id, @Valid @ModelAttribute("form") OrganizationForm form, BindingResult errors,
            Model model, RedirectAttributes redirect, Locale locale) {
        var organization = editable(id);
        BrobyggerUser user = users.currentOrFail();
        if (errors.hasErrors()) {
            model.addAttribute("invalid", true);
            return form(organization, form, model);
        }
        try {
            if (user.isMunicipalEditor()) {
                changes.reviseOrganization(organization.id(), form.getVersion(), form.toDetails(), user.username());
                redirect.addFlashAttribute("success", "editorial.organization.saved");
                return "redirect:/redaktion/organisationer/" + organization.id() + "/rediger";
            }
            moderation.proposeOrganization(user, organization.id(), form.getVersion(), form.toDetails());
            redirect.addFlashAttribute("success", "editorial.proposal.waiting");
            return "redirect:/redaktion";
        } catch (OptimisticLockingFailureException e) {
            var current = organizations.findById(organization.id()).orElseThrow();
            model.addAttribute("conflict", changeText.ofOrganization(current.details(), form.toDetails(), locale));
            model.addAttribute("conflictBy", current.updatedBy());
            model.addAttribute("conflictAt", current.updatedAt());
            form.setVersion(version(current));
            model.addAttribute("invalid", true);
            return form(current, form, model);
        }
    }

    @GetMapping("/redaktion/organisationer/{id}/steder/ny")
    String newLocation(@PathVariable String id, Model model) {
        var organization = editable(id);
        var form = new LocationForm();
        form.setName(organization.name());
        return locationForm(organization, form, model);
    }

    @PostMapping("/redaktion/organisationer/{id}/steder/ny")
    String addLocation(@PathVariable String id, @Valid @ModelAttribute("location") LocationForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        var organization = editable(id);
        if (form.getDistrict() != null && !districts().stream().anyMatch(d -> d[0].equals(form.getDistrict()))) {
            errors.rejectValue("district", "editorial.location.district.required");
        }
        if ((form.getLatitude() == null) != (form.getLongitude() == null)) {
            errors.rejectValue("longitude", "editorial.location.coordinates.both");
        }
        double[] position = null;
        if (!errors.hasErrors()) {
            position = form.getLatitude() != null
                    ? new double[] {form.getLatitude(), Objects.requireNonNull(form.getLongitude())}
                    : postcodeCentre(Objects.requireNonNull(form.getPostalCode()));
            if (position == null) {
                errors.rejectValue("latitude", "editorial.location.coordinates.unknownPostcode");
            }
        }
        if (errors.hasErrors() || position == null) {
            model.addAttribute("invalid", true);
            return locationForm(organization, form, model);
        }
        // A place is not shown to anyone until an offer uses it, and that offer is moderated as usual.
        locations.save(Location.create(organization.id(), Objects.requireNonNull(form.getName()),
                Objects.requireNonNull(form.getAddress()), Objects.requireNonNull(form.getPostalCode()),
                Objects.requireNonNull(form.getCity()), Objects.requireNonNull(form.getDistrict()), position[0],
                position[1], form.isWheelchairAccess(), form.isHearingLoop()));
        redirect.addFlashAttribute("success", "editorial.location.added");
        return "redirect:/redaktion/organisationer/" + organization.id() + "/rediger";
    }

    private String form(Organization organization, OrganizationForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("organization", organization);
        model.addAttribute("kinds", OrganizationKind.values());
        model.addAttribute("locations", locations.findByOrganizationIdOrderByName(organization.id()));
        model.addAttribute("offers", offers.findByOrganizationIdOrderByName(organization.id()));
        model.addAttribute("moderated", !users.currentOrFail().isMunicipalEditor());
        return "directory/editorial/organization-form";
    }

    private String locationForm(Organization organization, LocationForm form, Model model) {
        model.addAttribute("location", form);
        model.addAttribute("organization", organization);
        model.addAttribute("districts", districts());
        return "directory/editorial/location-form";
    }

    private List<String[]> districts() {
        return jdbc.sql("SELECT code, name FROM district ORDER BY name")
                .query((rs, n) -> new String[] {rs.getString("code"), rs.getString("name")}).list();
    }

    private double @Nullable [] postcodeCentre(String postcode) {
        return jdbc.sql("SELECT latitude, longitude FROM postcode WHERE code = :code").param("code", postcode)
                .query((rs, n) -> new double[] {rs.getDouble("latitude"), rs.getDouble("longitude")})
                .optional().orElse(null);
    }

    private Organization editable(String id) {
        var organization = organizations.findById(EditorialSupport.parse(id))
                .orElseThrow(() -> new NotFoundException("organization " + id));
        EditorialSupport.requireMayEdit(users.currentOrFail(), organization.id());
        return organization;
    }

    private static long version(Organization organization) {
        return Objects.requireNonNull(organization.version());
    }
}
