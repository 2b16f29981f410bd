package dk.brobygger.directory.editorial;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.directory.offer.DirectoryChanges;
import dk.brobygger.directory.offer.Locations;
import dk.brobygger.directory.offer.OfferDetails;
import dk.brobygger.directory.offer.OfferHistory;
import dk.brobygger.directory.offer.Offers;
import dk.brobygger.directory.offer.Organization;
import dk.brobygger.directory.offer.Organizations;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moderation: association editors' proposals wait here until a municipal editor approves them
 * (then {@link DirectoryChanges} applies them) or rejects them with a reason.
 */
@Service
class Moderation {

    static final String PROPOSED = "PROPOSED";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";

    private final ChangeRequests requests;
    private final DirectoryChanges changes;
    private final Offers offers;
    private final Organizations organizations;
    private final Locations locations;
    private final OfferHistory history;
    private final JsonMapper json;
    private final Clock clock;

    Moderation(ChangeRequests requests, DirectoryChanges changes, Offers offers, Organizations organizations,
            Locations locations, OfferHistory history, JsonMapper json, Clock clock) {
        this.requests = requests;
        this.changes = changes;
        this.offers = offers;
        this.organizations = organizations;
        this.locations = locations;
        this.history = history;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Proposes a new offer ({@code offerId} empty) or new details for an offer. Fails like a direct
     * change would: if the offer changed since {@code baseVersion}, or the location is another organisation's.
     */
    @Transactional
    ChangeRequest proposeOffer(BrobyggerUser by, UUID organizationId, @Nullable UUID offerId,
            @Nullable Long baseVersion, OfferDetails details) {
        requireMayEdit(by, organizationId);
        var location = locations.findById(details.locationId())
                .orElseThrow(() -> new DomainException("offer.location.unknown"));
        if (!location.organizationId().equals(organizationId)) {
            throw new DomainException("offer.location.otherOrganization");
        }
        String proposal = json.writeValueAsString(details);
        if (offerId == null) {
            return requests.save(ChangeRequest.submit(ChangeRequest.Subject.NEW_OFFER, null, organizationId, null,
                    proposal, details.name(), by.username(), clock.instant()));
        }
        var offer = offers.findById(offerId).orElseThrow(() -> new NotFoundException("offer " + offerId));
        if (!offer.organizationId().equals(organizationId)) {
            throw new AccessDeniedException("offer of another organisation");
        }
        if (!Objects.equals(offer.version(), baseVersion)) {
            throw new OptimisticLockingFailureException("Offer " + offerId + " changed since version " + baseVersion);
        }
        var request = requests.save(ChangeRequest.submit(ChangeRequest.Subject.OFFER, offerId, organizationId,
                baseVersion, proposal, details.name(), by.username(), clock.instant()));
        history.record(offerId, clock.instant(), by.username(), PROPOSED,
                json.writeValueAsString(offer.details().differencesTo(details)));
        return request;
    }

    /** Proposes new details for the organisation itself. */
    @Transactional
    ChangeRequest proposeOrganization(BrobyggerUser by, UUID organizationId, long baseVersion,
            Organization.Details details) {
        requireMayEdit(by, organizationId);
        var organization = organizations.findById(organizationId)
                .orElseThrow(() -> new NotFoundException("organization " + organizationId));
        if (!Objects.equals(organization.version(), baseVersion)) {
            throw new OptimisticLockingFailureException("Organization " + organizationId + " changed");
        }
        return requests.save(ChangeRequest.submit(ChangeRequest.Subject.ORGANIZATION, null, organizationId,
                baseVersion, json.writeValueAsString(details), details.name(), by.username(), clock.instant()));
    }

    /**
     * Applies the proposal as the moderator. If the offer's content or the organisation changed after the proposal
     * was made, nothing is applied and {@link OptimisticLockingFailureException} tells the moderator; a capacity
     * change the association made meanwhile is kept, not overwritten by the proposal.
     */
    @Transactional
    ChangeRequest approve(UUID requestId, String moderator) {
        var request = find(requestId);
        request.approve(moderator, clock.instant());
        switch (request.subject()) {
            case NEW_OFFER -> {
                var offer = changes.createOffer(request.organizationId(), offerProposal(request), moderator, APPROVED);
                request.linkTo(offer.id());
            }
            case OFFER -> changes.reviseOfferFromProposal(Objects.requireNonNull(request.offerId()),
                    Objects.requireNonNull(request.baseVersion()), request.submittedAt(), offerProposal(request),
                    moderator, APPROVED);
            case ORGANIZATION -> changes.reviseOrganization(request.organizationId(),
                    Objects.requireNonNull(request.baseVersion()), organizationProposal(request), moderator);
        }
        return requests.save(request);
    }

    /** Turns the proposal down; the reason is shown to the association editor. */
    @Transactional
    ChangeRequest reject(UUID requestId, String reason, String moderator) {
        var request = find(requestId);
        request.reject(reason, moderator, clock.instant());
        var saved = requests.save(request);
        if (request.subject() == ChangeRequest.Subject.OFFER && request.offerId() != null) {
            history.record(request.offerId(), clock.instant(), moderator, REJECTED, "[]");
        }
        return saved;
    }

    ChangeRequest find(UUID requestId) {
        return requests.findById(requestId).orElseThrow(() -> new NotFoundException("change request " + requestId));
    }

    OfferDetails offerProposal(ChangeRequest request) {
        return json.readValue(request.proposal(), OfferDetails.class);
    }

    Organization.Details organizationProposal(ChangeRequest request) {
        return json.readValue(request.proposal(), Organization.Details.class);
    }

    private static void requireMayEdit(BrobyggerUser user, UUID organizationId) {
        if (!user.mayEdit(organizationId)) {
            throw new AccessDeniedException(user.username() + " may not edit organisation " + organizationId);
        }
    }
}
