package dk.brobygger.referral;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.citizen.ConsentParty;
import dk.brobygger.shared.Paging;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Foreningens indbakke: the referrals to the offers of the contact's own organisation, a page at a time on the
 * organisation's index, with only what the citizen consented to share, and only while that consent is in force
 * ({@link CitizenRecords#readAsParty}, audited). No other organisation's referral is ever read: the organisation
 * comes from the logged-in user, never from the request.
 */
@Service
class AssociationInbox {

    static final int PAGE_SIZE = 20;

    /** Which referrals the inbox shows. */
    enum Filter {
        OPEN("'REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD'"),
        REQUESTED("'REQUESTED'"),
        CLOSED("'REJECTED', 'COMPLETED', 'FAILED', 'CANCELLED'");

        private final String statuses;

        Filter(String statuses) {
            this.statuses = statuses;
        }
    }

    /**
     * One referral as the association sees it: the consented fields, or none when the consent is no longer in
     * force ({@code consented} false).
     */
    record Row(ReferralId id, String offerName, ReferralStatus status, @Nullable BusinessStatus businessStatus,
            @Nullable String firstName, @Nullable String contact, @Nullable String words, boolean accompaniment,
            @Nullable Instant requestedAt, @Nullable LocalDateTime firstDate, boolean consented) {
    }

    record Page(List<Row> rows, int page, boolean hasNext, Filter filter) {
    }

    private final JdbcClient jdbc;
    private final CitizenRecords records;

    AssociationInbox(JdbcClient jdbc, CitizenRecords records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    private record Raw(UUID id, UUID citizen, String offerName, String organizationName, ReferralStatus status,
            @Nullable BusinessStatus businessStatus, String shared, @Nullable String firstName, @Nullable String contact,
            @Nullable String words, boolean accompaniment, @Nullable Instant requestedAt,
            @Nullable LocalDateTime firstDate) {
    }

    @Transactional
    Page page(BrobyggerUser contact, Filter filter, int page) {
        UUID organization = contact.organizationId();
        if (organization == null) {
            return new Page(List.of(), 1, false, filter);
        }
        // The page is found on the organisation's index alone (the rows skipped before it are never read from the
        // table), then its rows are read by their keys.
        var raw = jdbc.sql("""
                SELECT r.id, r.citizen_id, r.offer_name, r.organization_name, r.status, r.business_status,
                       r.shared_fields, r.first_name, r.contact, r.citizen_words, r.accompaniment, r.requested_at,
                       r.first_date
                  FROM (SELECT id, created_at FROM referral
                         WHERE organization_id = :organization AND status IN (%s)
                         ORDER BY created_at DESC, id
                         LIMIT :limit OFFSET :offset) p
                  JOIN referral r ON r.id = p.id
                 ORDER BY p.created_at DESC, p.id
                """.formatted(filter.statuses)).param("organization", organization)
                .param("limit", PAGE_SIZE + 1).param("offset", Paging.offset(page, PAGE_SIZE))
                .query((rs, n) -> {
                    String business = rs.getString("business_status");
                    Timestamp requested = rs.getTimestamp("requested_at");
                    Timestamp first = rs.getTimestamp("first_date");
                    return new Raw(rs.getObject("id", UUID.class), rs.getObject("citizen_id", UUID.class),
                            rs.getString("offer_name"), rs.getString("organization_name"),
                            ReferralStatus.valueOf(rs.getString("status")),
                            business == null ? null : BusinessStatus.valueOf(business), rs.getString("shared_fields"),
                            rs.getString("first_name"), rs.getString("contact"), rs.getString("citizen_words"),
                            rs.getBoolean("accompaniment"), requested == null ? null : requested.toInstant(),
                            first == null ? null : first.toLocalDateTime());
                }).list();
        boolean hasNext = raw.size() > PAGE_SIZE;
        var shown = raw.subList(0, Math.min(PAGE_SIZE, raw.size()));
        Set<CitizenId> consented = shown.isEmpty() ? Set.of()
                : records.readAsParty(shown.stream().map(r -> new CitizenId(r.citizen())).toList(),
                        ConsentParty.ASSOCIATION, shown.getFirst().organizationName(), "Foreningen så sine henvisninger");
        var rows = new ArrayList<Row>();
        for (Raw r : shown) {
            boolean ok = consented.contains(new CitizenId(r.citizen()));
            boolean words = ok && Referral.sharedFields(r.shared()).contains(SharedField.WORDS);
            rows.add(new Row(new ReferralId(r.id()), r.offerName(), r.status(), r.businessStatus(),
                    ok ? r.firstName() : null, ok ? r.contact() : null, words ? r.words() : null, r.accompaniment(),
                    r.requestedAt(), r.firstDate(), ok));
        }
        return new Page(rows, Paging.page(page), hasNext, filter);
    }

    /**
     * The referrals, all to one organisation, whose citizens' consent to share with it is in force today; each
     * shown is audited as read by the logged-in user (the association's contact or its system) with the purpose.
     */
    @Transactional
    Set<CitizenId> consented(List<? extends ReferralFacts> referrals, String purpose) {
        if (referrals.isEmpty()) {
            return Set.of();
        }
        return records.readAsParty(referrals.stream().map(ReferralFacts::citizen).toList(), ConsentParty.ASSOCIATION,
                referrals.getFirst().organizationName(), purpose);
    }

    /** Is the consent the referral was shared under still in force? Audited as the association's read. */
    @Transactional
    boolean consented(Referral referral) {
        return !records.readAsParty(List.of(referral.citizen()), ConsentParty.ASSOCIATION,
                referral.organizationName(), "Foreningen åbnede en henvisning").isEmpty();
    }
}
