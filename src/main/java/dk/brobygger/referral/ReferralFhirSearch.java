package dk.brobygger.referral;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
    record Found(List<Referral> referrals, int total) {
    }

    private final JdbcClient jdbc;
    private final ReferralRepository repository;

    ReferralFhirSearch(JdbcClient jdbc, ReferralRepository repository) {
        this.jdbc = jdbc;
        this.repository = repository;
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
        List<UUID> ids = jdbc.sql("SELECT id FROM referral WHERE " + where
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", count).param("offset", offset).query(UUID.class).list();
        return new Found(ids.stream().map(repository::findById).flatMap(java.util.Optional::stream).toList(), total);
    }
}
