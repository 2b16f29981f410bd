package dk.brobygger.directory.hsds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dk.brobygger.shared.DanishTime;
import dk.brobygger.directory.offer.Taxonomy;
import dk.brobygger.shared.MunicipalityProperties;
import dk.brobygger.shared.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dk.brobygger.shared.Paging;
import dk.brobygger.shared.web.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The community directory as open data in HSDS 3.0 (Open Referral), read only and public.
 * Inactive offers are not shown. {@code search} is a case-insensitive "contains" in SQL on the
 * service's name, description and organisation name rather than the portal's Lucene search:
 * machine clients need an exact, predictable filter that combines with the other parameters and
 * pages stably, not a citizen's ranking with stemming and typo tolerance.
 */
@RestController
@RequestMapping(path = "/hsds", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "HSDS 3.0", description = "Fællesskabsportalens tilbud som åbne data (Open Referral HSDS 3.0)")
class HsdsApi {

    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 100;

    /** A query parameter that cannot be understood. */
    static class BadParameter extends RuntimeException {
        private final String parameter;

        BadParameter(String parameter) {
            super(parameter);
            this.parameter = parameter;
        }
    }

    private final HsdsReadModel directory;
    private final Taxonomy taxonomy;
    private final MunicipalityProperties municipality;
    private final MessageSource messages;
    private final Problems problems;

    HsdsApi(HsdsReadModel directory, Taxonomy taxonomy, MunicipalityProperties municipality, MessageSource messages,
            Problems problems) {
        this.directory = directory;
        this.taxonomy = taxonomy;
        this.municipality = municipality;
        this.messages = messages;
        this.problems = problems;
    }

    @GetMapping({"", "/"})
    @Operation(summary = "Om dette HSDS-API")
    Hsds.Meta meta() {
        return new Hsds.Meta(Hsds.VERSION, "https://docs.openreferral.org/en/3.0/hsds/overview.html",
                municipality.portalAddress() + "/v3/api-docs");
    }

    @GetMapping("/services")
    @Operation(summary = "Offentlige tilbud, side for side (kun en-til-en-felter og organisation)")
    Hsds.Page<Hsds.Service> services(@RequestParam(required = false) @Nullable String search,
            @RequestParam(required = false) @Nullable String page,
            @RequestParam(name = "per_page", required = false) @Nullable String perPage,
            @RequestParam(name = "taxonomy_term_id", required = false) @Nullable String taxonomyTermId,
            @RequestParam(name = "organization_id", required = false) @Nullable String organizationId,
            @RequestParam(name = "modified_after", required = false) @Nullable String modifiedAfter) {
        var filter = new HsdsReadModel.ServiceFilter(blankToNull(search), uuid("taxonomy_term_id", taxonomyTermId),
                uuid("organization_id", organizationId), instant("modified_after", modifiedAfter));
        return directory.services(filter, pageNumber(page), perPage(perPage));
    }

    @GetMapping("/services/{id}")
    @Operation(summary = "Et offentligt tilbud med alt indlejret")
    Hsds.Service service(@PathVariable String id) {
        return directory.service(existingId(id)).orElseThrow(() -> new NotFoundException("service " + id));
    }

    @GetMapping("/organizations")
    @Operation(summary = "Organisationer, side for side")
    Hsds.Page<Hsds.Organization> organizations(@RequestParam(required = false) @Nullable String search,
            @RequestParam(required = false) @Nullable String page,
            @RequestParam(name = "per_page", required = false) @Nullable String perPage) {
        return directory.organizations(blankToNull(search), pageNumber(page), perPage(perPage));
    }

    @GetMapping("/organizations/{id}")
    @Operation(summary = "En organisation med steder og offentlige tilbud")
    Hsds.Organization organization(@PathVariable String id) {
        return directory.organization(existingId(id)).orElseThrow(() -> new NotFoundException("organization " + id));
    }

    @GetMapping("/taxonomies")
    @Operation(summary = "Taksonomierne: kategori, målgruppe og Brobyggers egne oplysninger")
    Hsds.Page<Hsds.Taxonomy> taxonomies(@RequestParam(required = false) @Nullable String search,
            @RequestParam(required = false) @Nullable String page,
            @RequestParam(name = "per_page", required = false) @Nullable String perPage) {
        String text = blankToNull(search);
        return page(HsdsVocabulary.taxonomies().stream()
                .filter(taxonomy -> text == null || contains(taxonomy.name(), text)).toList(),
                pageNumber(page), perPage(perPage));
    }

    @GetMapping("/taxonomies/{id}")
    @Operation(summary = "En taksonomi")
    Hsds.Taxonomy taxonomy(@PathVariable String id) {
        return HsdsVocabulary.taxonomy(existingId(id)).orElseThrow(() -> new NotFoundException("taxonomy " + id));
    }

    @GetMapping("/taxonomy_terms")
    @Operation(summary = "Kategorier, målgrupper og Brobyggers egne termer")
    Hsds.Page<Hsds.TaxonomyTerm> taxonomyTerms(@RequestParam(required = false) @Nullable String search,
            @RequestParam(required = false) @Nullable String page,
            @RequestParam(name = "per_page", required = false) @Nullable String perPage,
            @RequestParam(name = "taxonomy_id", required = false) @Nullable String taxonomyId) {
        String text = blankToNull(search);
        UUID inTaxonomy = uuid("taxonomy_id", taxonomyId);
        return page(allTerms().stream()
                .filter(term -> inTaxonomy == null || inTaxonomy.equals(term.taxonomyId()))
                .filter(term -> text == null || contains(term.name(), text) || contains(term.code(), text))
                .toList(), pageNumber(page), perPage(perPage));
    }

    @GetMapping("/taxonomy_terms/{id}")
    @Operation(summary = "En kategori, målgruppe eller Brobygger-term")
    Hsds.TaxonomyTerm taxonomyTerm(@PathVariable String id) {
        UUID wanted = existingId(id);
        return allTerms().stream().filter(term -> wanted.equals(term.id())).findFirst()
                .orElseThrow(() -> new NotFoundException("taxonomy term " + id));
    }

    @ExceptionHandler(BadParameter.class)
    ProblemDetail badParameter(BadParameter e, Locale locale) {
        var problem = problems.of(HttpStatus.BAD_REQUEST, "error.400.text", "error.400.title", locale);
        problem.setProperty("parameter", e.parameter);
        return problem;
    }

    private List<Hsds.TaxonomyTerm> allTerms() {
        return java.util.stream.Stream.concat(taxonomy.all().stream().map(HsdsVocabulary::term),
                HsdsVocabulary.ownTerms().stream())
                .sorted(Comparator.comparing((Hsds.TaxonomyTerm term) -> String.valueOf(term.taxonomy()))
                        .thenComparing(Hsds.TaxonomyTerm::name))
                .toList();
    }

    private static <T> Hsds.Page<T> page(List<T> all, int page, int perPage) {
        long from = Math.min(Paging.offset(page, perPage), all.size());
        return Hsds.Page.of(all.subList((int) from, (int) Math.min(from + perPage, all.size())), all.size(), page,
                perPage);
    }

    private static boolean contains(@Nullable String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** An id that is not a UUID names nothing here: 404 like any other unknown id. */
    private static UUID existingId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(id);
        }
    }

    private static @Nullable UUID uuid(String parameter, @Nullable String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new BadParameter(parameter);
        }
    }

    /** An ISO date-time with offset ({@code 2026-01-31T12:00:00Z}) or a date, taken as Danish midnight. */
    private static @Nullable Instant instant(String parameter, @Nullable String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return text.length() == 10 ? DanishTime.parseDate(text).atStartOfDay(DanishTime.ZONE).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadParameter(parameter);
        }
    }

    private static int pageNumber(@Nullable String value) {
        int page = positive("page", value, 1);
        if (page > 1_000_000) {
            throw new BadParameter("page");
        }
        return page;
    }

    /** Asking for more than {@value #MAX_PER_PAGE} per page gets {@value #MAX_PER_PAGE}. */
    private static int perPage(@Nullable String value) {
        return Math.min(positive("per_page", value, DEFAULT_PER_PAGE), MAX_PER_PAGE);
    }

    private static int positive(String parameter, @Nullable String value, int otherwise) {
        String text = blankToNull(value);
        if (text == null) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(text);
            if (number < 1) {
                throw new BadParameter(parameter);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new BadParameter(parameter);
        }
    }
}
