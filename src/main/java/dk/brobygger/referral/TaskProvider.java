package dk.brobygger.referral;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import dk.brobygger.access.Role;
import dk.brobygger.interop.FhirProvider;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Patch;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.PatchTypeEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Task;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * FHIR {@code Task} for referrals (HL7 SDOH Clinical Care IG, Task for referral management) on the one FHIR server:
 * an association's own system (HTTP Basic, {@link Role#SYSTEM}, tied to its organisation) reads its organisation's
 * referrals, searches them ({@code owner}, {@code status}, {@code _lastUpdated}, paged with {@code _count} and
 * {@code _offset}) and answers them by updating {@code status}, {@code businessStatus} and {@code statusReason}
 * (the version it saw in {@code If-Match} or {@code meta.versionId}) or patching them (JSON Patch or FHIRPath
 * Patch, the version in {@code If-Match}), through {@link Referrals} with the same
 * guarded transitions as the inbox. Another organisation's referral is not found; what the citizen consented to
 * share is all that is shown, and every read is audited on the citizen as the inbox's reads are.
 * Public because HAPI binds the methods by reflection.
 */
@Component
public class TaskProvider implements IResourceProvider, FhirProvider {

    static final int DEFAULT_COUNT = 20;
    static final int MAX_COUNT = 100;

    private final Referrals referrals;
    private final ReferralFhirSearch search;
    private final AssociationInbox inbox;
    private final ReferralFhir fhir;
    private final ReferralFhirErrors errors;
    private final TaskPatches patches;

    TaskProvider(Referrals referrals, ReferralFhirSearch search, AssociationInbox inbox, ReferralFhir fhir,
            ReferralFhirErrors errors, TaskPatches patches) {
        this.patches = patches;
        this.referrals = referrals;
        this.search = search;
        this.inbox = inbox;
        this.fhir = fhir;
        this.errors = errors;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Task.class;
    }

    /** One referral of the system's organisation; any other id is not found. */
    @Read
    public Task read(@IdParam IdType id) {
        var referral = find(id);
        return fhir.task(referral, consented(referral, "Foreningens system læste henvisningen (FHIR)"));
    }

    /** The organisation's referrals, newest first, a page at a time. */
    @Search
    public IBundleProvider search(@OptionalParam(name = Task.SP_OWNER) @Nullable ReferenceParam owner,
            @OptionalParam(name = Task.SP_STATUS) @Nullable TokenOrListParam status,
            @OptionalParam(name = "_lastUpdated") @Nullable DateRangeParam lastUpdated,
            @Offset @Nullable Integer offset, @Count @Nullable Integer count) {
        int from = offset == null ? 0 : Math.max(0, offset);
        int size = count == null ? DEFAULT_COUNT : Math.clamp(count, 0, MAX_COUNT);
        var organization = referrals.systemOrganization().orElse(null);
        List<IBaseResource> page = List.of();
        int total = 0;
        if (organization != null && (owner == null || names(owner, organization))) {
            var found = search.search(organization, statuses(status),
                    lastUpdated == null || lastUpdated.getLowerBoundAsInstant() == null ? null
                            : lastUpdated.getLowerBoundAsInstant().toInstant(),
                    lastUpdated == null || lastUpdated.getUpperBoundAsInstant() == null ? null
                            : lastUpdated.getUpperBoundAsInstant().toInstant(), from, size);
            var consented = inbox.consented(found.referrals(), "Foreningens system søgte i sine henvisninger (FHIR)");
            page = found.referrals().stream()
                    .<IBaseResource>map(referral -> fhir.task(referral, consented.contains(referral.citizen())))
                    .toList();
            total = found.total();
        }
        var bundle = new SimpleBundleProvider(page);
        bundle.setCurrentPageOffset(from);
        bundle.setCurrentPageSize(size);
        bundle.setSize(total);
        return bundle;
    }

    /**
     * The association answers: the Task with the status, business status and reason it wants, from the version it
     * saw. Nothing else of the Task is changed by it; an owner other than the referral's is refused.
     */
    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Task wanted, RequestDetails request) {
        var referral = find(id);
        return answer(referral, seenVersion(id, wanted, request, referral), wanted);
    }

    /**
     * The association answers with a patch (JSON Patch or FHIRPath Patch, see {@link TaskPatches}) of the Task as it
     * reads it, from the version in {@code If-Match} (412 when it is not the current one, 428 without it): the
     * patched Task is answered as an update is, with the same guards (422 for an illegal transition, 409 when
     * someone answered in between).
     */
    @Patch
    public MethodOutcome patch(@IdParam IdType id, PatchTypeEnum type, @ResourceParam String body,
            RequestDetails request) {
        var referral = find(id);
        long seen = patchVersion(id, request, referral);
        Task wanted;
        try {
            wanted = patches.apply(fhir.task(referral, false), type, body);
        } catch (RuntimeException e) {
            throw errors.of(e);
        }
        return answer(referral, seen, wanted);
    }

    private MethodOutcome answer(Referral referral, long seen, Task wanted) {
        if (!ReferralFhir.namesOwner(wanted, referral)) {
            throw errors.refusal(422, IssueType.BUSINESSRULE, "referral.fhir.owner.unknown");
        }
        Referral saved;
        try {
            var answer = fhir.answerFor(referral, wanted);
            saved = answer == null ? referral : referrals.answerForOrganization(referral.id(), seen, answer);
        } catch (RuntimeException e) {
            throw errors.of(e);
        }
        var task = fhir.task(saved, consented(saved, "Foreningens system svarede på henvisningen (FHIR)"));
        var outcome = new MethodOutcome(task.getIdElement(), false);
        outcome.setResource(task);
        return outcome;
    }

    private Referral find(IdType id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id.getIdPart());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw errors.notFound();
        }
        try {
            return referrals.forOrganizationSystem(new ReferralId(uuid));
        } catch (RuntimeException e) {
            throw errors.of(e);
        }
    }

    /**
     * The version the system saw: {@code If-Match} (a failed precondition is 412), else the Task's
     * {@code meta.versionId} (a stale one is a conflict, 409). Without either, refused: an answer to a referral
     * someone changed in between must never overwrite it.
     */
    private long seenVersion(IdType id, Task wanted, RequestDetails request, Referral referral) {
        String ifMatch = request.getHeader("If-Match");
        String expected = ifMatch != null && !ifMatch.isBlank() ? ifMatch.replace("W/", "").replace("\"", "").strip()
                : id.hasVersionIdPart() ? id.getVersionIdPart() : null;
        long current = referral.version() == null ? 0 : referral.version();
        if (expected != null) {
            if (!expected.equals(String.valueOf(current))) {
                throw errors.refusal(412, IssueType.CONFLICT, "referral.fhir.stale");
            }
            return current;
        }
        String meta = wanted.getMeta().getVersionId();
        if (meta == null || meta.isBlank()) {
            throw errors.refusal(428, IssueType.REQUIRED, "referral.fhir.version.missing");
        }
        if (!meta.strip().equals(String.valueOf(current))) {
            throw errors.refusal(409, IssueType.CONFLICT, "referral.fhir.stale");
        }
        return current;
    }

    /** A patch names the version it was made from in {@code If-Match} (or a versioned id): never a blind change. */
    private long patchVersion(IdType id, RequestDetails request, Referral referral) {
        String ifMatch = request.getHeader("If-Match");
        String expected = ifMatch != null && !ifMatch.isBlank() ? ifMatch.replace("W/", "").replace("\"", "").strip()
                : id.hasVersionIdPart() ? id.getVersionIdPart() : null;
        if (expected == null) {
            throw errors.refusal(428, IssueType.REQUIRED, "referral.fhir.patch.version.missing");
        }
        long current = referral.version() == null ? 0 : referral.version();
        if (!expected.equals(String.valueOf(current))) {
            throw errors.refusal(412, IssueType.CONFLICT, "referral.fhir.stale");
        }
        return current;
    }

    private boolean consented(Referral referral, String purpose) {
        return !inbox.consented(List.of(referral), purpose).isEmpty();
    }

    /** {@code owner=Organization/<id>}, {@code owner=<id>} or {@code owner:identifier=urn:ietf:rfc:3986|urn:uuid:<id>}. */
    private static boolean names(ReferenceParam owner, UUID organization) {
        String value = owner.getValue();
        if (value == null) {
            return false;
        }
        String id = organization.toString();
        if (value.contains("|") || "identifier".equals(owner.getChain())
                || "identifier".equals(owner.getResourceType())) {
            return value.endsWith("urn:uuid:" + id);
        }
        return id.equals(owner.getIdPart()) || id.equals(value);
    }

    private static EnumSet<ReferralStatus> statuses(@Nullable TokenOrListParam status) {
        var wanted = EnumSet.noneOf(ReferralStatus.class);
        if (status == null) {
            return wanted;
        }
        for (var token : status.getValuesAsQueryTokens()) {
            boolean known = false;
            for (var candidate : ReferralStatus.values()) {
                if (candidate != ReferralStatus.DRAFT && candidate.fhirCode().equals(token.getValue())) {
                    wanted.add(candidate);
                    known = true;
                }
            }
            if (!known) {
                // A status no referral has: the search finds nothing rather than everything.
                wanted.add(ReferralStatus.DRAFT);
            }
        }
        return wanted;
    }
}
