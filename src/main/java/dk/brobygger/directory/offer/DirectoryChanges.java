package dk.brobygger.directory.offer;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dk.brobygger.directory.Capacity;
import dk.brobygger.directory.OfferChanged;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changes to offers and organisations as they take effect: every change is saved with who and
 * when, written to the offer's history, and announced so search picks it up: with {@link OfferChanged} on this node,
 * and in the change log ({@code directory_change}, in the same transaction) that every node's search index reads,
 * so a change made on one node is searchable on all. On PostgreSQL the same transaction also sends
 * {@code NOTIFY directory_change}, delivered to every node when (and only if) it commits, so their search indexes read
 * the log at once instead of at their next poll. Who may change what is decided by the callers (editorial pages,
 * moderation, import).
 */
@Service
public class DirectoryChanges {

    /** The PostgreSQL channel the search indexes of all nodes listen on ({@code directory.search}). */
    static final String CHANNEL = "directory_change";

    private final Offers offers;
    private final Organizations organizations;
    private final Locations locations;
    private final OfferHistory history;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean postgres;

    DirectoryChanges(Offers offers, Organizations organizations, Locations locations, OfferHistory history,
            ApplicationEventPublisher events, JsonMapper json, JdbcClient jdbc, Clock clock, DataSource dataSource) {
        this.offers = offers;
        this.organizations = organizations;
        this.locations = locations;
        this.history = history;
        this.events = events;
        this.json = json;
        this.jdbc = jdbc;
        this.clock = clock;
        this.postgres = isPostgres(dataSource);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try {
            return "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource,
                    DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }

    @Transactional
    public Offer createOffer(UUID organizationId, OfferDetails details, String by, String kind) {
        requireLocationOf(organizationId, details.locationId());
        var offer = offers.save(Offer.create(organizationId, details, by, clock.instant(), LocalDate.now(clock)));
        history.record(offer.id(), offer.createdAt(), by, kind, "[]");
        announce(offer.id());
        return offer;
    }

    /**
     * Saves new details of an offer, unless someone else changed it since {@code expectedVersion}
     * was read: then nothing is saved and the caller shows the conflict.
     */
    @Transactional
    public Offer reviseOffer(UUID offerId, long expectedVersion, OfferDetails details, String by, String kind) {
        var offer = offers.findById(offerId).orElseThrow(() -> new NotFoundException("offer " + offerId));
        if (!Objects.equals(offer.version(), expectedVersion)) {
            throw new OptimisticLockingFailureException("Offer " + offerId + " changed since version " + expectedVersion);
        }
        requireLocationOf(offer.organizationId(), details.locationId());
        List<OfferDetails.Difference> differences = offer.revise(details, by, clock.instant(), LocalDate.now(clock));
        offer = offers.save(offer);
        history.record(offerId, offer.updatedAt(), by, kind, json.writeValueAsString(differences));
        announce(offerId);
        return offer;
    }

    /**
     * Applies a moderated proposal made at {@code proposedAt} against {@code baseVersion}. Capacity is operational
     * data the association keeps current without moderation (and accepted referrals take places): when the only
     * changes since the proposal are capacity changes, the proposal's content is applied and the offer keeps its
     * newer places left and waitlist, which the proposal (a copy of the form as it was) would otherwise put back.
     * Any other change since then is a conflict, as for {@link #reviseOffer}.
     */
    @Transactional
    public Offer reviseOfferFromProposal(UUID offerId, long baseVersion, Instant proposedAt, OfferDetails details,
            String by, String kind) {
        var offer = offers.findById(offerId).orElseThrow(() -> new NotFoundException("offer " + offerId));
        if (Objects.equals(offer.version(), baseVersion)) {
            return reviseOffer(offerId, baseVersion, details, by, kind);
        }
        boolean onlyCapacity = history.of(offerId).stream().filter(entry -> !entry.changedAt().isBefore(proposedAt))
                .allMatch(entry -> NOT_CONTENT.contains(entry.kind()));
        if (!onlyCapacity) {
            throw new OptimisticLockingFailureException("Offer " + offerId + " changed since version " + baseVersion);
        }
        var keepingCapacity = new OfferDetails(details.name(), details.description(), details.locationId(),
                details.status(), details.supportLevel(), details.accompaniment(), details.minAge(), details.maxAge(),
                details.freeOfCharge(), details.costDescription(), details.transportOffered(), details.transportNote(),
                details.languages(), offer.placesLeft(), offer.waitlist(), details.contactName(),
                details.contactEmail(), details.contactPhone(), details.url(), details.termIds(), details.schedules());
        return reviseOffer(offerId, Objects.requireNonNull(offer.version()), keepingCapacity, by, kind);
    }

    /** History kinds that change no content: capacity, and proposals made or turned down. */
    private static final java.util.Set<String> NOT_CONTENT = java.util.Set.of("CAPACITY", "PROPOSED", "REJECTED");

    /** "Stadig aktuelt": one click confirms that an offer is current. */
    @Transactional
    public Offer confirm(UUID offerId, String by) {
        var offer = offers.findById(offerId).orElseThrow(() -> new NotFoundException("offer " + offerId));
        offer.confirm(by, clock.instant(), LocalDate.now(clock));
        offer = offers.save(offer);
        history.record(offerId, offer.updatedAt(), by, "CONFIRMED", "[]");
        announce(offerId);
        return offer;
    }

    /**
     * The association's capacity for an offer, as it was at {@code expectedVersion} (else the conflict is thrown
     * and nothing saved); kept in the offer's history as CAPACITY, announced to search when something changed.
     */
    @Transactional
    public Offer changeCapacity(UUID offerId, long expectedVersion, @Nullable Capacity capacity,
            @Nullable Integer placesLeft, @Nullable String note, String by) {
        var offer = offers.findById(offerId).orElseThrow(() -> new NotFoundException("offer " + offerId));
        if (!Objects.equals(offer.version(), expectedVersion)) {
            throw new OptimisticLockingFailureException("Offer " + offerId + " changed since version " + expectedVersion);
        }
        return capacityChanged(offer, offer.changeCapacity(capacity, placesLeft, note, by, clock.instant()), by);
    }

    /** An accepted referral takes one of the offer's places (when it has a number of places). */
    @Transactional
    public Offer takePlace(UUID offerId, String by) {
        var offer = offers.findById(offerId).orElseThrow(() -> new NotFoundException("offer " + offerId));
        return capacityChanged(offer, offer.takePlace(by, clock.instant()), by);
    }

    private Offer capacityChanged(Offer offer, List<OfferDetails.Difference> differences, String by) {
        if (differences.isEmpty()) {
            return offer;
        }
        var saved = offers.save(offer);
        history.record(saved.id(), clock.instant(), by, "CAPACITY", json.writeValueAsString(differences));
        announce(saved.id());
        return saved;
    }

    @Transactional
    public Organization reviseOrganization(UUID organizationId, long expectedVersion, Organization.Details details,
            String by) {
        var organization = organizations.findById(organizationId)
                .orElseThrow(() -> new NotFoundException("organization " + organizationId));
        if (!Objects.equals(organization.version(), expectedVersion)) {
            throw new OptimisticLockingFailureException("Organization " + organizationId + " changed");
        }
        organization.revise(details, by, clock.instant());
        organization = organizations.save(organization);
        // The organisation's name is part of every offer's search text.
        offers.findByOrganizationIdOrderByName(organizationId)
                .forEach(offer -> announce(offer.id()));
        return organization;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Tells search on every node: the change log row commits with the change, or neither does. */
    private void announce(UUID offerId) {
        jdbc.sql("INSERT INTO directory_change (offer_id, changed_at) VALUES (:offer, :at)")
                .param("offer", offerId).param("at", java.sql.Timestamp.from(clock.instant()))
                .update();
        if (postgres) {
            // Delivered on commit only; several in one transaction arrive as one.
            jdbc.sql("SELECT pg_notify('" + CHANNEL + "', '')").query().listOfRows();
        }
        events.publishEvent(new OfferChanged(offerId));
    }

    private void requireLocationOf(UUID organizationId, UUID locationId) {
        var location = locations.findById(locationId)
                .orElseThrow(() -> new DomainException("offer.location.unknown"));
        if (!location.organizationId().equals(organizationId)) {
            throw new DomainException("offer.location.otherOrganization");
        }
    }
}
