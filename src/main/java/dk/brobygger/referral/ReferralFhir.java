package dk.brobygger.referral;

import java.util.Date;
import java.util.Locale;
import java.util.UUID;

import dk.brobygger.referral.Referrals.Action;
import dk.brobygger.referral.Referrals.Answer;
import dk.brobygger.shared.DomainException;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A referral as the HL7 SDOH Clinical Care IG (Gravity) models a referral to a community organisation: a
 * {@link ServiceRequest} for the offer (intent order, performed by the association) and a {@link Task} that the
 * association works ({@code Task.focus} the ServiceRequest, {@code Task.owner} the organisation with the directory's
 * id as identifier, {@code Task.for} the citizen). The citizen is a contained Patient with only what the citizen
 * agreed to share and while that consent is in force (first name, contact route as telecom), never the CPR number;
 * the citizen's own words only when shared. Also the other way: what an association's system asks for in an updated
 * Task, as the answer its contact would give in the inbox ({@link #answerFor}).
 */
@Component
class ReferralFhir {

    /** Task.code of the IG: fulfil the focal request. */
    static final String TASK_CODES = "http://hl7.org/fhir/CodeSystem/task-code";
    /** Our business statuses ({@link BusinessStatus}), codes as {@code no-capacity}. */
    static final String BUSINESS_STATUSES = "urn:brobygger:fhir:referral-business-status";
    /** The offer in the directory, by its id. */
    static final String OFFERS = "urn:brobygger:fhir:offer";
    /** A UUID as identifier (the directory's organisation id, the referral's id). */
    static final String UUIDS = "urn:ietf:rfc:3986";

    private static final Locale DANISH = Locale.of("da");

    private final MessageSource messages;

    ReferralFhir(MessageSource messages) {
        this.messages = messages;
    }

    /** The referral's Task; {@code consented}: the consent it was shared under is in force today. */
    Task task(ReferralFacts referral, boolean consented) {
        var task = new Task();
        task.setId(new IdType("Task", referral.id().value().toString(), version(referral)));
        task.getMeta().setVersionId(version(referral)).setLastUpdated(Date.from(referral.updatedAt()));
        task.addIdentifier(identifier(referral.id().value()));
        task.setStatus(Task.TaskStatus.fromCode(referral.status().fhirCode()));
        task.setIntent(Task.TaskIntent.ORDER);
        task.getCode().addCoding(new Coding(TASK_CODES, "fulfill", "Fulfill the focal request"));
        var business = referral.businessStatus();
        if (business != null) {
            task.setBusinessStatus(businessStatus(business));
        }
        if (referral.statusReason() != null) {
            task.getStatusReason().setText(referral.statusReason());
        }
        task.setFocus(new Reference("ServiceRequest/" + referral.id().value()).setDisplay(referral.offerName()));
        task.setFor(patient(referral, consented));
        task.setRequester(requester(referral));
        task.setOwner(owner(referral));
        task.setAuthoredOn(Date.from(referral.requestedAt() != null ? referral.requestedAt() : referral.createdAt()));
        task.setLastModified(Date.from(referral.updatedAt()));
        if (referral.outcome() != null) {
            task.addOutput().setValue(new StringType(referral.outcome())).getType().setText(text("referral.fhir.outcome"));
        }
        return task;
    }

    /** The referral's ServiceRequest: the offer the citizen is referred to, performed by the association. */
    ServiceRequest serviceRequest(ReferralFacts referral, boolean consented) {
        var request = new ServiceRequest();
        request.setId(new IdType("ServiceRequest", referral.id().value().toString(), version(referral)));
        request.getMeta().setVersionId(version(referral)).setLastUpdated(Date.from(referral.updatedAt()));
        request.addIdentifier(identifier(referral.id().value()));
        request.setStatus(serviceRequestStatus(referral.status()));
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.addCategory().setText(text("referral.fhir.category"));
        request.getCode().addCoding(new Coding(OFFERS, referral.offerId().toString(), referral.offerName()));
        request.getCode().setText(referral.offerName());
        request.setSubject(patient(referral, consented));
        request.setAuthoredOn(Date.from(referral.requestedAt() != null ? referral.requestedAt() : referral.createdAt()));
        request.setRequester(requester(referral));
        request.addPerformer(owner(referral));
        String words = consented ? referral.sharedWords() : null;
        if (words != null) {
            request.addNote().setText(words);
        }
        return request;
    }

    /**
     * The answer an updated Task asks for, from the referral as it is: the status and business status it names,
     * the reason in {@code statusReason} and, for completed, the outcome in {@code output} (or the reason). Null
     * when the Task names the status the referral already has. What no answer of the association's reaches (back
     * to requested, cancelled, entered in error, on hold for another reason than the waitlist) is refused as an
     * illegal transition; the referral's own guards refuse the rest.
     */
    @Nullable Answer answerFor(Referral referral, Task wanted) {
        if (wanted.getStatus() == null) {
            throw new DomainException("referral.fhir.status.missing");
        }
        var target = status(wanted.getStatus());
        var business = businessStatus(wanted.getBusinessStatus());
        String note = wanted.hasStatusReason() ? text(wanted.getStatusReason()) : null;
        var current = referral.status();
        if (target == current && (business == null || business == referral.businessStatus())) {
            return null;
        }
        return switch (target) {
            case ACCEPTED -> current == ReferralStatus.ACCEPTED && business == BusinessStatus.DID_NOT_ATTEND
                    ? answer(Action.DID_NOT_COME, null, null)
                    : current == ReferralStatus.ACCEPTED ? illegal(target) : answer(Action.ACCEPT, null, null);
            case REJECTED -> answer(Action.DECLINE, business, note);
            case ON_HOLD -> business == null || business == BusinessStatus.NO_CAPACITY
                    ? answer(Action.WAITLIST, null, note) : illegal(target);
            case IN_PROGRESS -> current == ReferralStatus.ON_HOLD ? answer(Action.RESUME, null, null)
                    : business == BusinessStatus.ATTENDING_REGULARLY ? answer(Action.REGULARLY, null, null)
                    : business == BusinessStatus.DID_NOT_ATTEND ? answer(Action.DID_NOT_COME, null, null)
                    : answer(Action.CAME, null, null);
            case COMPLETED -> answer(Action.COMPLETE, null, outcome(wanted, note));
            case FAILED -> answer(Action.STOPPED, business, note);
            case DRAFT, REQUESTED, CANCELLED, ENTERED_IN_ERROR -> illegal(target);
        };
    }

    /** Does the Task's owner, when it names one, name the referral's organisation? */
    static boolean namesOwner(Task wanted, Referral referral) {
        if (!wanted.hasOwner()) {
            return true;
        }
        var owner = wanted.getOwner();
        String id = referral.organizationId().toString();
        boolean byReference = !owner.hasReference() || id.equals(new IdType(owner.getReference()).getIdPart());
        boolean byIdentifier = !owner.hasIdentifier() || ("urn:uuid:" + id).equals(owner.getIdentifier().getValue());
        return byReference && byIdentifier;
    }

    /** A FHIR Task.status code as the referral's state; outside the state machine: a Danish refusal. */
    static ReferralStatus status(Task.TaskStatus status) {
        for (var candidate : ReferralStatus.values()) {
            if (candidate.fhirCode().equals(status.toCode())) {
                return candidate;
            }
        }
        throw new DomainException("referral.fhir.status.unknown", status.toCode());
    }

    /** A business status code ({@code no-capacity}) as ours; an unknown code is refused in Danish. */
    static @Nullable BusinessStatus businessStatus(@Nullable CodeableConcept concept) {
        if (concept == null || !concept.hasCoding()) {
            return null;
        }
        for (var coding : concept.getCoding()) {
            if (coding.hasCode() && (!coding.hasSystem() || BUSINESS_STATUSES.equals(coding.getSystem()))) {
                for (var candidate : BusinessStatus.values()) {
                    if (code(candidate).equals(coding.getCode())) {
                        return candidate;
                    }
                }
                throw new DomainException("referral.fhir.businessStatus.unknown", coding.getCode());
            }
        }
        throw new DomainException("referral.fhir.businessStatus.unknown", concept.getCodingFirstRep().getCode());
    }

    static String code(BusinessStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The organisation as a Task.owner or ServiceRequest.performer: the directory's id as reference and identifier. */
    static Reference owner(ReferralFacts referral) {
        return new Reference("Organization/" + referral.organizationId())
                .setIdentifier(identifier(referral.organizationId())).setDisplay(referral.organizationName());
    }

    private CodeableConcept businessStatus(BusinessStatus status) {
        String label = text(status.messageKey());
        var concept = new CodeableConcept(new Coding(BUSINESS_STATUSES, code(status), label));
        return concept.setText(label);
    }

    /**
     * The citizen as the association may see them: a contained Patient with the first name and the contact route
     * the citizen agreed to share, while the consent is in force; otherwise only words saying nothing is shared.
     */
    private Reference patient(ReferralFacts referral, boolean consented) {
        String firstName = consented && referral.shares(SharedField.FIRST_NAME) ? referral.firstName() : null;
        String contact = consented && referral.shares(SharedField.CONTACT) ? referral.contact() : null;
        if (firstName == null && contact == null) {
            return new Reference().setDisplay(text(consented ? "referral.fhir.patient.nothingShared"
                    : "referral.fhir.patient.consentEnded"));
        }
        var patient = new Patient();
        if (firstName != null) {
            patient.addName().addGiven(firstName).setText(firstName);
        }
        if (contact != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.OTHER).setValue(contact);
        }
        var reference = new Reference(patient);
        if (firstName != null) {
            reference.setDisplay(firstName);
        }
        return reference;
    }

    private Reference requester(ReferralFacts referral) {
        return new Reference().setDisplay(text("referral.fhir.requester", referral.team()));
    }

    private static Identifier identifier(UUID id) {
        return new Identifier().setSystem(UUIDS).setValue("urn:uuid:" + id);
    }

    private static String version(ReferralFacts referral) {
        return String.valueOf(referral.version() == null ? 0 : referral.version());
    }

    private static ServiceRequest.ServiceRequestStatus serviceRequestStatus(ReferralStatus status) {
        return switch (status) {
            case DRAFT -> ServiceRequest.ServiceRequestStatus.DRAFT;
            case REQUESTED, ACCEPTED, IN_PROGRESS -> ServiceRequest.ServiceRequestStatus.ACTIVE;
            case ON_HOLD -> ServiceRequest.ServiceRequestStatus.ONHOLD;
            case COMPLETED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
            case REJECTED, FAILED, CANCELLED -> ServiceRequest.ServiceRequestStatus.REVOKED;
            case ENTERED_IN_ERROR -> ServiceRequest.ServiceRequestStatus.ENTEREDINERROR;
        };
    }

    private static Answer answer(Action action, @Nullable BusinessStatus reason, @Nullable String note) {
        return new Answer(action, reason, note, null);
    }

    private static Answer illegal(ReferralStatus target) {
        throw new DomainException("referral.fhir.transition", new org.springframework.context.support
                .DefaultMessageSourceResolvable(target.messageKey()));
    }

    private static @Nullable String outcome(Task wanted, @Nullable String note) {
        for (var output : wanted.getOutput()) {
            if (output.getValue() instanceof StringType value && value.hasValue() && !value.getValue().isBlank()) {
                return value.getValue();
            }
            if (output.getValue() instanceof CodeableConcept concept && concept.hasText()) {
                return concept.getText();
            }
        }
        return note;
    }

    private static @Nullable String text(CodeableConcept concept) {
        if (concept.hasText()) {
            return concept.getText();
        }
        return concept.getCoding().stream().map(Coding::getDisplay).filter(display -> display != null
                && !display.isBlank()).findFirst().orElse(null);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, DANISH);
    }
}
