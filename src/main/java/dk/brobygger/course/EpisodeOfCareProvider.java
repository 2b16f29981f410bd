package dk.brobygger.course;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.interop.FhirAnswers;
import dk.brobygger.interop.FhirProvider;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Courses at {@code /fhir} as {@code EpisodeOfCare} ({@link CourseFhir}), for the systems of parties outside the
 * municipality's staff (a GP's or the region's system, an association's): read by id, and search by patient
 * ({@code patient:identifier=urn:oid:1.2.208.176.1.2|<CPR number>}, or {@code patient=<Brobygger's id for the
 * citizen>} as an EpisodeOfCare names it) and optionally {@code status}. Who may read what is decided in
 * {@link CoursesForSystems}: only the courses of a citizen whose consent to share with the party the system acts for
 * is in force, each read audited as shared with that party. A citizen who is unknown or whose consent does not cover
 * the party gives an empty Bundle, and a course the system may not read is not found (404), exactly as one that does
 * not exist, so no answer tells whether the municipality knows a person. Public because HAPI binds the methods by
 * reflection.
 */
@Component
public class EpisodeOfCareProvider implements IResourceProvider, FhirProvider {

    /** The CPR number as Patient.identifier's system (as in MedCom's and the inbound referrals' messages). */
    static final String CPR_SYSTEM = "urn:oid:1.2.208.176.1.2";

    private final CoursesForSystems courses;
    private final CourseFhir fhir;
    private final MessageSource messages;

    EpisodeOfCareProvider(CoursesForSystems courses, CourseFhir fhir, MessageSource messages) {
        this.courses = courses;
        this.fhir = fhir;
        this.messages = messages;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return EpisodeOfCare.class;
    }

    /** One course the system may read; any other id is not found. */
    @Read
    public EpisodeOfCare read(@IdParam IdType id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id.getIdPart());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw notFound();
        }
        return courses.course(uuid).map(fhir::episode).orElseThrow(this::notFound);
    }

    /** The patient's courses the system may read, newest first; nothing for a patient it may not read. */
    @Search
    public List<IBaseResource> search(@RequiredParam(name = EpisodeOfCare.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = EpisodeOfCare.SP_STATUS) @Nullable TokenOrListParam status) {
        var statuses = statuses(status);
        if (statuses == null) {
            return List.of();
        }
        return citizen(patient).flatMap(citizen -> courses.ofCitizen(citizen, statuses))
                .map(shared -> shared.courses().stream().<IBaseResource>map(fhir::episode).toList())
                .orElse(List.of());
    }

    /** The citizen the search names: by CPR number ({@code :identifier}) or by Brobygger's id. */
    private Optional<CitizenId> citizen(ReferenceParam patient) {
        String value = patient.getValue();
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        boolean byIdentifier = "identifier".equals(patient.getChain()) || "identifier".equals(patient.getResourceType())
                || value.contains("|");
        if (byIdentifier) {
            int bar = value.indexOf('|');
            String system = bar < 0 ? null : value.substring(0, bar);
            String code = (bar < 0 ? value : value.substring(bar + 1)).strip();
            if (CPR_SYSTEM.equals(system)) {
                return courses.identify(code);
            }
            if (CourseFhir.UUIDS.equals(system) && code.startsWith("urn:uuid:")) {
                return uuid(code.substring("urn:uuid:".length()));
            }
            return Optional.empty();
        }
        if (patient.getResourceType() != null && !"Patient".equals(patient.getResourceType())) {
            return Optional.empty();
        }
        return uuid(patient.getIdPart());
    }

    private static Optional<CitizenId> uuid(@Nullable String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(new CitizenId(UUID.fromString(text.strip())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The statuses asked for (empty: all); null when one names no state a course has (nothing is found). */
    private static @Nullable Set<CourseStatus> statuses(@Nullable TokenOrListParam status) {
        var wanted = EnumSet.noneOf(CourseStatus.class);
        if (status == null) {
            return wanted;
        }
        for (var token : status.getValuesAsQueryTokens()) {
            var found = java.util.Arrays.stream(CourseStatus.values())
                    .filter(candidate -> candidate.fhirCode().equals(token.getValue())).findFirst();
            found.ifPresent(wanted::add);
        }
        return wanted.isEmpty() ? null : wanted;
    }

    private RuntimeException notFound() {
        String text = messages.getMessage("course.fhir.notFound", null, "course.fhir.notFound",
                java.util.Locale.of("da"));
        return FhirAnswers.refusal(404, FhirAnswers.outcome(IssueSeverity.ERROR, IssueType.NOTFOUND, text));
    }
}
