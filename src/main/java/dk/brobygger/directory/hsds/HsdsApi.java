package dk.brobygger.directory.hsds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dk.brobygger.directory.hsds.HsdsReadModel.OrganizationShape;
import dk.brobygger.directory.hsds.HsdsReadModel.ServiceFilter;
import dk.brobygger.directory.hsds.HsdsReadModel.Shape;
import dk.brobygger.directory.offer.Taxonomy;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.shared.NotFoundException;
import dk.brobygger.shared.Paging;
import dk.brobygger.shared.web.Problems;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The community directory as open data in HSDS 3.0 (Open Referral), read only and public.
 * Inactive offers are not shown. Every parameter HSDS's openapi defines for an endpoint is
 * honoured or refused with a problem detail (400) that names it; a parameter the openapi does not
 * define for the endpoint is refused the same way, so a misspelt filter never returns the whole
 * directory as if it had been applied ({@code lang}, the language of the problem details, is
 * always allowed). {@code search} on services is the portal's own search (Danish stemming, prefixes,
 * typo tolerance) in the portal's order, so the API finds what a citizen finds; on organisations,
 * taxonomies and terms it is a case-insensitive "contains" on the name.
 */
@RestController
@RequestMapping(path = "/hsds", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "HSDS 3.0", description = "Fællesskabsportalens tilbud som åbne data (Open Referral HSDS 3.0)")
class HsdsApi {

    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 100;
    static final String NDJSON = "application/x-ndjson";
    static final String PROFILE = "https://docs.openreferral.org/en/3.0/hsds/overview.html";

    /** Parameters every endpoint takes: the language of the answer's problem details. */
    private static final Set<String> ALWAYS = Set.of("lang");

    /** A query parameter that cannot be understood, is not offered, or does not exist here. */
    static class BadParameter extends RuntimeException {
        private final String parameter;
        private final String detailKey;

        BadParameter(String parameter) {
            this(parameter, "hsds.error.value");
        }

        BadParameter(String parameter, String detailKey) {
            super(parameter);
            this.parameter = parameter;
            this.detailKey = detailKey;
        }
    }

    private final HsdsReadModel directory;
    private final Taxonomy taxonomy;
    private final HsdsOpenApi openApi;
    private final Problems problems;
    private final JsonMapper json;

    HsdsApi(HsdsReadModel directory, Taxonomy taxonomy, HsdsOpenApi openApi, Problems problems, JsonMapper json) {
        this.json = json.rebuild().disable(SerializationFeature.CLOSE_CLOSEABLE)
                .disable(tools.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).build();
        this.directory = directory;
        this.taxonomy = taxonomy;
        this.openApi = openApi;
        this.problems = problems;
    }

    @GetMapping({"", "/"})
    @Operation(summary = "Om dette HSDS-API; openapi_url er beskrivelsen af det")
    Hsds.Meta meta(HttpServletRequest request) {
        allow(request);
        return new Hsds.Meta(Hsds.VERSION, PROFILE, openApi.baseUrl(request) + "/hsds/openapi.json");
    }

    @GetMapping("/openapi.json")
    @Operation(summary = "HSDS 3.0's openapi, med denne servers adresse og Brobyggers afvigelser")
    JsonNode openapi(HttpServletRequest request) {
        allow(request);
        return openApi.document(request);
    }

    @GetMapping(path = "/services", produces = {MediaType.APPLICATION_JSON_VALUE, NDJSON})
    @Operation(summary = "Offentlige tilbud, side for side (kun en-til-en-felter og organisation)")
    @Nullable Object services(HttpServletRequest request, @RequestParam(required = false) @Nullable String search,
            @RequestParam(required = false) @Nullable String page,
            @RequestParam(name = "per_page", required = false) @Nullable String perPage,
            @RequestParam(required = false) @Nullable String format,
            @RequestParam(name = "taxonomy_term_id", required = false) @Nullable String taxonomyTermId,
            @RequestParam(name = "taxonomy_id", required = false) @Nullable String taxonomyId,
            @RequestParam(name = "organization_id", required = false) @Nullable String organizationId,
            @RequestParam(name = "modified_after", required = false) @Nullable String modifiedAfter,
            @RequestParam(required = false) @Nullable String minimal,
            @RequestParam(required = false) @Nullable String full,
            @RequestParam(required = false) @Nullable String postcode,
            @RequestParam(required = false) @Nullable String proximity, HttpServletResponse response)
            throws IOException {
        allow(request, "search", "page", "per_page", "format", "taxonomy_term_id", "taxonomy_id", "organization_id",
                "modified_after", "minimal", "full", "postcode", "proximity");
        boolean unpaged = ndjson(format, page, perPage);
        boolean onlyIds = bool("minimal", minimal);
        boolean nested = bool("full", full);
        if (onlyIds && nested) {
            throw new BadParameter("minimal", "hsds.error.minimal-and-full");
        }
        var filter = serviceFilter(search, taxonomyTermId, taxonomyId, organizationId, modifiedAfter, postcode,
                proximity);
        Shape shape = onlyIds ? Shape.MINIMAL : nested ? Shape.FULL : Shape.LIST;
        if (unpaged) {
            return lines(response, out -> directory.eachService(filter, shape, out));
        }
        return directory.services(filter, pageNumber(page), perPage(perPage), shape);
    }

    @GetMapping("/services/{id}")
    @Operation(summary = "Et offentligt tilbud med alt indlejret")
    Hsds.Service service(HttpServletRequest request, @PathVariable String id) {
        allow(request);
        return directory.service(existingId(id)).orElseThrow(() -> new NotFoundException("service " + id));
    }

    @GetMapping(path = "/service_at_locations", produces = {MediaType.APPLICATION_JSON_VALUE, NDJSON})
    @Operation(summary = "Tilbud på deres sted (ét pr. tilbud), side for side, med samme filtre som tilbuddene")
    @Nullable Object serviceAtLocations(HttpServletRequest request,
            @RequestParam(required = false) @Nullable String search,
            @RequestParam(name = "taxonomy_term_id", required = false) @Nullable String taxonomyTermId,
            @RequestParam(name = "taxonomy_id", required = false) @Nullable String taxonomyId,
            @RequestParam(name = "organization_id", required = false) @Nullable String organizationId,
            @RequestParam(name = "modified_after", required = false) @Nullable String modifiedAfter,
            @RequestParam(required = false) @Nullable String full,
            @RequestParam(required = false) @Nullable String page,
            @RequestParam(name = "per_page", required = false) @Nullable String perPage,
            @RequestParam(required = false) @Nullable String format,
            @RequestParam(required = false) @Nullable String postcode,
            @RequestParam(required = false) @Nullable String proximity, HttpServletResponse response)
            throws IOException {
        allow(request, "search", "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after", "full",
                "page", "per_page", "format", "postcode", "proximity");
        boolean unpaged = ndjson(format, page, perPage);
        boolean nested = bool("full", full);
        var filter = serviceFilter(search, taxonomyTermId, taxonomyId, organizationId, modifiedAfter, postcode,
                proximity);
        if (unpaged) {
            return lines(response, out -> directory.eachServiceAtLocation(filter, nested, out));
        }
        return directory.serviceAtLocations(filter, pageNumber(page), perPage(perPage), nested);
    }

    @GetMapping("/service_at_locations/{id}")
    @Operation(summary = "Et tilbud på sit sted, med tilbud og sted indlejret")
    Hsds.ServiceAtLocation serviceAtLocation(HttpServletRequest request, @PathVariable String id) {
        allow(request);
        return directory.serviceAtLocation(existingId(id))
                .orElseThrow(() -> new NotFoundException("service_at_location " + id));
    }

    @GetMapping(path = "/organizations", produces = {MediaType.APPLICATION_JSON_VALUE, NDJSON})
    @Operation(summary = "Organisationer, side for side")
    @Nullable Object organizations(HttpServletRequest request,
            @RequestParam(required = false) @Nullable String search,
            @RequestParam(name = "full_service", required = false) @Nullable String fullService,
            @RequestParam(required = false) @Nullable String full,
            @RequestParam(required = false) @Nullable String page,
            @RequestParam(name = "per_page", required = false) @Nullable String perPage,
            @RequestParam(required = false) @Nullable String format, HttpServletResponse response) throws IOException {
        allow(request, "search", "full_service", "full", "page", "per_page", "format");
        boolean unpaged = ndjson(format, page, perPage);
        OrganizationShape shape = bool("full_service", fullService) ? OrganizationShape.FULL_SERVICES
                : bool("full", full) ? OrganizationShape.FULL : OrganizationShape.LIST;
        if (unpaged) {
            return lines(response, out -> directory.eachOrganization(blankToNull(search), shape, out));
        }
        return directory.organizations(blankToNull(search), pageNumber(page), perPage(perPage), shape);
    }

    @GetMapping("/organizations/{id}")
    @Operation(summary = "En organisation med steder og offentlige tilbud (full_service=true: tilbuddene med alt indlejret)")
    Hsds.Organization organization(HttpServletRequest request, @PathVariable String id,
            @RequestParam(name = "full_service", required = false) @Nullable String fullService) {
        allow(request, "full_service");
        OrganizationShape shape = bool("full_service", fullService) ? OrganizationShape.FULL_SERVICES
                : OrganizationShape.FULL;
        return directory.organization(existingId(id), shape)
                .orElseThrow(() -> new NotFoundException("organization " + id));
    }

    @GetMapping(path = "/taxonomies", produces = {MediaType.APPLICATION_JSON_VALUE, NDJSON})
    @Operation(summary = "Taksonomierne: kategori, målgruppe og Brobyggers egne oplysninger")
    @Nullable Object taxonomies(HttpServletRequest request,
            @RequestParam(required = false) @Nullable String search,
            @RequestParam(required = false) @Nullable String page,
            @RequestParam(name = "per_page", required = false) @Nullable String perPage,
            @RequestParam(required = false) @Nullable String format, HttpServletResponse response) throws IOException {
        allow(request, "search", "page", "per_page", "format");
        boolean unpaged = ndjson(format, page, perPage);
        String text = blankToNull(search);
        List<Hsds.Taxonomy> all = HsdsVocabulary.taxonomies().stream()
                .filter(taxonomy -> text == null || contains(taxonomy.name(), text)).toList();
        return unpaged ? lines(response, all::forEach) : page(all, pageNumber(page), perPage(perPage));
    }

    @GetMapping("/taxonomies/{id}")
    @Operation(summary = "En taksonomi")
    Hsds.Taxonomy taxonomy(HttpServletRequest request, @PathVariable String id) {
        allow(request);
        return HsdsVocabulary.taxonomy(existingId(id)).orElseThrow(() -> new NotFoundException("taxonomy " + id));
    }

    /**
     * The terms. Only the support levels have a parent ({@code stoette}); {@code top_only} leaves
     * them out, and {@code parent_id} lists a term's children (none for any other well-formed id).
     */
    @GetMapping(path = "/taxonomy_terms", produces = {MediaType.APPLICATION_JSON_VALUE, NDJSON})
    @Operation(summary = "Kategorier, målgrupper og Brobyggers egne termer")
    @Nullable Object taxonomyTerms(HttpServletRequest request,
            @RequestParam(required = false) @Nullable String search,
            @RequestParam(required = false) @Nullable String page,
            @RequestParam(name = "per_page", required = false) @Nullable String perPage,
            @RequestParam(required = false) @Nullable String format,
            @RequestParam(name = "taxonomy_id", required = false) @Nullable String taxonomyId,
            @RequestParam(name = "top_only", required = false) @Nullable String topOnly,
            @RequestParam(name = "parent_id", required = false) @Nullable String parentId,
            HttpServletResponse response) throws IOException {
        allow(request, "search", "page", "per_page", "format", "taxonomy_id", "top_only", "parent_id");
        boolean unpaged = ndjson(format, page, perPage);
        String text = blankToNull(search);
        UUID inTaxonomy = uuid("taxonomy_id", taxonomyId);
        boolean topTermsOnly = bool("top_only", topOnly);
        UUID parent = uuid("parent_id", parentId);
        List<Hsds.TaxonomyTerm> all = allTerms().stream()
                .filter(term -> inTaxonomy == null || inTaxonomy.equals(term.taxonomyId()))
                .filter(term -> text == null || contains(term.name(), text) || contains(term.code(), text))
                .filter(term -> !topTermsOnly || isTopTerm(term))
                .filter(term -> parent == null || parent.equals(parentOf(term)))
                .toList();
        return unpaged ? lines(response, all::forEach) : page(all, pageNumber(page), perPage(perPage));
    }

    @GetMapping("/taxonomy_terms/{id}")
    @Operation(summary = "En kategori, målgruppe eller Brobygger-term")
    Hsds.TaxonomyTerm taxonomyTerm(HttpServletRequest request, @PathVariable String id) {
        allow(request);
        UUID wanted = existingId(id);
        return allTerms().stream().filter(term -> wanted.equals(term.id())).findFirst()
                .orElseThrow(() -> new NotFoundException("taxonomy term " + id));
    }

    @ExceptionHandler(BadParameter.class)
    ProblemDetail badParameter(BadParameter e, Locale locale) {
        var problem = problems.of(HttpStatus.BAD_REQUEST, e.detailKey, "error.400.title", locale, e.parameter);
        problem.setProperty("parameter", e.parameter);
        return problem;
    }

    private static ServiceFilter serviceFilter(@Nullable String search, @Nullable String taxonomyTermId,
            @Nullable String taxonomyId, @Nullable String organizationId, @Nullable String modifiedAfter,
            @Nullable String postcode, @Nullable String proximity) {
        String place = blankToNull(postcode);
        if (place != null && !place.matches("[0-9]{4}")) {
            throw new BadParameter("postcode", "hsds.error.postcode");
        }
        Double meters = meters(proximity);
        if (place != null && meters == null) {
            throw new BadParameter("postcode", "hsds.error.postcode-without-proximity");
        }
        if (place == null && meters != null) {
            throw new BadParameter("proximity", "hsds.error.proximity-without-postcode");
        }
        return new ServiceFilter(blankToNull(search), uuid("taxonomy_term_id", taxonomyTermId),
                uuid("taxonomy_id", taxonomyId), uuid("organization_id", organizationId),
                instant("modified_after", modifiedAfter), place, meters);
    }

    /** Refuses any parameter the endpoint does not define (HSDS's openapi), naming it. */
    private static void allow(HttpServletRequest request, String... names) {
        Set<String> known = Set.of(names);
        request.getParameterMap().keySet().stream()
                .filter(name -> !known.contains(name) && !ALWAYS.contains(name))
                .sorted().findFirst()
                .ifPresent(name -> {
                    throw new BadParameter(name.length() > 60 ? name.substring(0, 60) + "…" : name,
                            "hsds.error.unknown-parameter");
                });
    }

    /**
     * {@code format}: {@code json} (the default) gives pages; {@code ndjson} gives every result unpaged,
     * one JSON document a line, so {@code page} and {@code per_page} cannot go with it.
     */
    private static boolean ndjson(@Nullable String format, @Nullable String page, @Nullable String perPage) {
        String text = blankToNull(format);
        if (text == null || text.equalsIgnoreCase("json")) {
            return false;
        }
        if (!text.equalsIgnoreCase("ndjson")) {
            throw new BadParameter("format", "hsds.error.format");
        }
        if (blankToNull(page) != null) {
            throw new BadParameter("page", "hsds.error.ndjson-paged");
        }
        if (blankToNull(perPage) != null) {
            throw new BadParameter("per_page", "hsds.error.ndjson-paged");
        }
        return true;
    }

    /** Something that hands each result, in order, to a consumer. */
    private interface Results {
        void each(Consumer<Object> out);
    }

    /** Writes every result as one line of JSON ({@code application/x-ndjson}), as they are read. */
    private @Nullable Object lines(HttpServletResponse response, Results results) throws IOException {
        response.setContentType(NDJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        var out = response.getOutputStream();
        byte[] newline = {'\n'};
        try {
            results.each(item -> {
                try {
                    json.writeValue(out, item);
                    out.write(newline);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
        return null;
    }

    private static boolean bool(String parameter, @Nullable String value) {
        String text = blankToNull(value);
        if (text == null || text.equalsIgnoreCase("false")) {
            return false;
        }
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        throw new BadParameter(parameter);
    }

    /** {@code proximity}: metres from the postcode's centre, a positive number. */
    private static @Nullable Double meters(@Nullable String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            double meters = Double.parseDouble(text);
            if (!Double.isFinite(meters) || meters <= 0 || meters > 1_000_000) {
                throw new BadParameter("proximity");
            }
            return meters;
        } catch (NumberFormatException e) {
            throw new BadParameter("proximity");
        }
    }

    private List<Hsds.TaxonomyTerm> allTerms() {
        return Stream.concat(taxonomy.all().stream().map(HsdsVocabulary::term), HsdsVocabulary.ownTerms().stream())
                .sorted(Comparator.comparing((Hsds.TaxonomyTerm term) -> String.valueOf(term.taxonomy()))
                        .thenComparing(Hsds.TaxonomyTerm::name))
                .toList();
    }

    /** The term's parent: only the support levels have one ({@code stoette}). */
    private static @Nullable UUID parentOf(Hsds.TaxonomyTerm term) {
        return term.parentId();
    }

    private static boolean isTopTerm(Hsds.TaxonomyTerm term) {
        return parentOf(term) == null;
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

    /** A filter's id: not a UUID is a bad request; a UUID nothing has gives an empty list. */
    private static @Nullable UUID uuid(String parameter, @Nullable String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
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

    /** Asking for more than {@value #MAX_PER_PAGE} per page gets {@value #MAX_PER_PAGE} (the page's {@code size} says so). */
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
