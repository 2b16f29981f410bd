package dk.brobygger.referral;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Task?owner=&status=&_lastUpdated=} for an association's system: its own organisation's referrals (never a
 * draft), newest first, a page at a time on the organisation's index. The organisation comes from the logged-in
 * system user, never from the request: an owner parameter naming another organisation finds nothing.
 */
@Service
class ReferralFhirSearch {

    /** A page of referrals and how many there are in all. */
    record Found(List<Row> referrals, int total) {
    }

    /** A referral as the search reads it: the columns a Task shows, without the history it does not. */
    record Row(ReferralId id, CitizenId citizen, UUID offerId, String offerName, UUID organizationId,
            String organizationName, String team, ReferralStatus status, @Nullable BusinessStatus businessStatus,
            @Nullable String statusReason, @Nullable String outcome, Set<SharedField> shared,
            @Nullable String firstName, @Nullable String contact, @Nullable String citizenWords,
            @Nullable Instant requestedAt, Instant createdAt, Instant updatedAt, @Nullable Long version,
            @Nullable Instant firstVisitAt)
            implements ReferralFacts {
    }

    private final JdbcClient jdbc;

    ReferralFhirSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Found search(UUID organization, Set<ReferralStatus> statuses, @Nullable Instant changedFrom,
            @Nullable Instant changedTo, int offset, int count) {
        var params = new LinkedHashMap<String, Object>();
        params.put("organization", organization);
        var where = new StringBuilder("organization_id = :organization AND status <> 'DRAFT'");
        if (!statuses.isEmpty()) {
            where.append(" AND status IN (:statuses)");
            params.put("statuses", statuses.stream().map(Enum::name).toList());
        }
        if (changedFrom != null) {
            where.append(" AND updated_at >= :changedFrom");
            params.put("changedFrom", Timestamp.from(changedFrom));
        }
        if (changedTo != null) {
            where.append(" AND updated_at <= :changedTo");
            params.put("changedTo", Timestamp.from(changedTo));
        }
        int total = jdbc.sql("SELECT COUNT(*) FROM referral WHERE " + where).params(params).query(Integer.class)
                .single();
        if (count == 0 || offset >= total) {
            return new Found(List.of(), total);
        }
        // The page in one query (the search once read each referral as an aggregate, history and all, one by one).
        // Found on the organisation's index alone, then read by key (as the association's inbox does).
        List<Row> page = jdbc.sql("""
                        SELECT r.id, r.citizen_id, r.offer_id, r.offer_name, r.organization_id, r.organization_name,
                               r.team, r.status, r.business_status, r.status_reason, r.outcome, r.shared_fields,
                               r.first_name, r.contact, r.citizen_words, r.requested_at, r.created_at, r.updated_at,
                               r.version, r.first_visit_at
                          FROM (SELECT id, created_at FROM referral WHERE %s
                                 ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset) p
                          JOIN referral r ON r.id = p.id
                         ORDER BY p.created_at DESC, p.id""".formatted(where))
                .params(params).param("limit", count).param("offset", offset)
                .query((rs, n) -> {
                    String business = rs.getString("business_status");
                    Timestamp requested = rs.getTimestamp("requested_at");
                    Timestamp firstVisit = rs.getTimestamp("first_visit_at");
                    Long version = rs.getObject("version") == null ? null : rs.getLong("version");
                    return new Row(new ReferralId(rs.getObject("id", UUID.class)),
                            new CitizenId(rs.getObject("citizen_id", UUID.class)), rs.getObject("offer_id", UUID.class),
                            rs.getString("offer_name"), rs.getObject("organization_id", UUID.class),
                            rs.getString("organization_name"), rs.getString("team"),
                            ReferralStatus.valueOf(rs.getString("status")),
                            business == null ? null : BusinessStatus.valueOf(business), rs.getString("status_reason"),
                            rs.getString("outcome"), Referral.sharedFields(rs.getString("shared_fields")),
                            rs.getString("first_name"), rs.getString("contact"), rs.getString("citizen_words"),
                            requested == null ? null : requested.toInstant(), rs.getTimestamp("created_at").toInstant(),
                            rs.getTimestamp("updated_at").toInstant(), version,
                            firstVisit == null ? null : firstVisit.toInstant());
                }).list();
        return new Found(page, total);
    }
}
