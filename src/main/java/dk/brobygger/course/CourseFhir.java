package dk.brobygger.course;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dk.brobygger.access.Teams;

import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.EpisodeOfCare.EpisodeOfCareStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A course as FHIR R4 {@code EpisodeOfCare} (DOMAIN.md §5: the course's states are EpisodeOfCare's):
 * <ul>
 * <li>{@code status} the course's state, {@code statusHistory} each state with its period;</li>
 * <li>{@code type} the course type, coded in Brobygger's code system {@value #COURSE_TYPES} by the type's code,
 * with its name as display and text;</li>
 * <li>{@code patient} the citizen as a logical reference by Brobygger's id for the citizen (identifier system
 * {@value #UUIDS}, value {@code urn:uuid:<id>}), never the CPR number, name or address: a system that searched by
 * CPR number knows whom it asked about, and the id is what it can search by again;</li>
 * <li>{@code team} a contained {@code CareTeam} for the municipal team that runs the course (its code as identifier
 * in {@value #TEAMS}, its name), as the referral's Task names the municipal team by name only; no
 * {@code careManager}: the responsible worker's name is not shared;</li>
 * <li>{@code period} from the start to the end (exit or cancellation);</li>
 * <li>the KL codes, for which EpisodeOfCare has no element, as extensions: {@value #SUPPORT_NEED_EXTENSION}
 * (FFB support need) and {@value #FOLLOW_UP_EXTENSION} (FSIII follow-up result), each a {@code valueCodeableConcept}
 * in Brobygger's code systems {@value #SUPPORT_NEEDS} and {@value #FOLLOW_UP_RESULTS} with KL's Danish word as
 * display, each also with KL's own concept: the support need in FFB ({@value SupportNeed#KL_FFB}, KL Terminologi's
 * value set KLNeedsAssessmentCodesFFB), the follow-up result in FSIII ({@value FollowUpResult#KL_FSIII}, value set
 * KLFollowUpCodesFSIII). They are not {@code diagnosis} (a Condition the episode treats) nor {@code type} (what
 * kind of care it is); KL Gateway reports a support need or a follow-up as an Observation, which {@code /fhir} does
 * not serve.</li>
 * </ul>
 * No {@code managingOrganization}: no other resource at {@code /fhir} names the municipality as an Organization.
 */
@Component
class CourseFhir {

    static final String COURSE_TYPES = "urn:brobygger:fhir:course-type";
    static final String TEAMS = "urn:brobygger:fhir:team";
    static final String SUPPORT_NEEDS = "urn:brobygger:fhir:kl-ffb-support-need";
    static final String FOLLOW_UP_RESULTS = "urn:brobygger:fhir:kl-fsiii-follow-up-result";
    static final String SUPPORT_NEED_EXTENSION = "urn:brobygger:fhir:StructureDefinition:course-support-need";
    static final String FOLLOW_UP_EXTENSION = "urn:brobygger:fhir:StructureDefinition:course-follow-up-result";
    static final String UUIDS = "urn:ietf:rfc:3986";

    private static final Locale DANISH = Locale.of("da");

    private final CourseTypes types;
    private final Teams teams;
    private final MessageSource messages;

    CourseFhir(CourseTypes types, Teams teams, MessageSource messages) {
        this.types = types;
        this.teams = teams;
        this.messages = messages;
    }

    EpisodeOfCare episode(Course course) {
        var episode = new EpisodeOfCare();
        String version = String.valueOf(course.version());
        episode.setId(new IdType("EpisodeOfCare", course.id().value().toString(), version));
        episode.getMeta().setVersionId(version);
        episode.addIdentifier(identifier(course.id().value()));
        episode.setStatus(status(course.status()));
        statusHistory(course, episode);
        var type = types.get(course.typeId());
        episode.addType(new CodeableConcept(new Coding(COURSE_TYPES, type.code(), type.name())).setText(type.name()));
        episode.setPatient(new Reference().setType("Patient").setIdentifier(identifier(course.citizen().value())));
        var team = new CareTeam();
        team.setId("team");
        team.setStatus(course.isOpen() ? CareTeam.CareTeamStatus.ACTIVE : CareTeam.CareTeamStatus.INACTIVE);
        team.addIdentifier(new Identifier().setSystem(TEAMS).setValue(course.team()));
        team.setName(teamName(course.team()));
        episode.addContained(team);
        episode.addTeam(new Reference("#team").setDisplay(team.getName()));
        episode.setPeriod(period(course.startedAt(), course.endedAt()));
        if (course.supportNeed() != null) {
            var need = course.supportNeed();
            var concept = concept(SUPPORT_NEEDS, need.fhirCode(), need.messageKey());
            concept.addCoding(new Coding(SupportNeed.KL_FFB, need.klCode(), need.klDisplay()));
            episode.addExtension(SUPPORT_NEED_EXTENSION, concept);
        }
        if (course.followUpResult() != null) {
            var result = course.followUpResult();
            var concept = concept(FOLLOW_UP_RESULTS, result.fhirCode(), result.messageKey());
            concept.addCoding(new Coding(FollowUpResult.KL_FSIII, result.klCode(), concept.getText()));
            episode.addExtension(FOLLOW_UP_EXTENSION, concept);
        }
        return episode;
    }

    /** The course's state as EpisodeOfCare's: the same six codes. */
    static EpisodeOfCareStatus status(CourseStatus status) {
        return EpisodeOfCareStatus.fromCode(status.fhirCode());
    }

    /** Each state the course was in, from the change that entered it to the next change of state. */
    private static void statusHistory(Course course, EpisodeOfCare episode) {
        List<Course.Change> states = course.history().stream()
                .filter(change -> change.fromStatus() == null || change.fromStatus() != change.toStatus()).toList();
        for (int i = 0; i < states.size(); i++) {
            var change = states.get(i);
            // The current state of an open course has no end yet; a closed course's last state is a moment.
            Instant end = i + 1 < states.size() ? states.get(i + 1).changedAt()
                    : change.toStatus().isOpen() ? null : change.changedAt();
            episode.addStatusHistory().setStatus(status(change.toStatus())).setPeriod(period(change.changedAt(), end));
        }
    }

    private CodeableConcept concept(String system, String code, String key) {
        String display = messages.getMessage(key, null, key, DANISH);
        return new CodeableConcept(new Coding(system, code, display)).setText(display);
    }

    private String teamName(String code) {
        return teams.all().stream().filter(team -> team.code().equals(code)).map(Teams.Team::name).findFirst()
                .orElse(code);
    }

    private static Period period(Instant start, @org.jspecify.annotations.Nullable Instant end) {
        var period = new Period().setStart(Date.from(start));
        if (end != null) {
            period.setEnd(Date.from(end));
        }
        return period;
    }

    private static Identifier identifier(UUID id) {
        return new Identifier().setSystem(UUIDS).setValue("urn:uuid:" + id);
    }
}
