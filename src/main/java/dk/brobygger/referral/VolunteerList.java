package dk.brobygger.referral;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dk.brobygger.access.BrobyggerUser;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The register as a list: searched by name, postcode or district, filtered by stage or "lapsing soon", sorted and
 * paged, twenty a page. Staff see every volunteer; an association's contact only the own organisation's (the
 * organisation comes from the logged-in user, never from the request).
 */
@Component
class VolunteerList {

    static final int PAGE_SIZE = 20;

    /** Which volunteers the list shows. */
    enum Show {
        ALL, APPLIED, APPROVED, ONBOARDED, PAUSED, EXPIRED, DECLINED, LAPSING
    }

    /** How the list is sorted. */
    enum Sort {
        NAME("v.name, v.id"), STAGE("v.stage, v.name, v.id"), LAPSING("v.vetted_until NULLS FIRST, v.name, v.id"),
        NEWEST("v.created_at DESC, v.id");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    record Row(UUID id, String name, boolean peer, String postcode, @Nullable String district,
            @Nullable String organizationName, VolunteerStage stage, @Nullable LocalDate vettedUntil,
            boolean lapsingSoon, int open) {
    }

    record Page(List<Row> rows, int page, boolean hasNext, @Nullable String query, Show show, Sort sort) {
    }

    private final JdbcClient jdbc;

    VolunteerList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page page(BrobyggerUser user, @Nullable String query, Show show, Sort sort, int page, LocalDate today) {
        int current = Math.max(1, Math.min(page, 10_000));
        String text = query == null || query.isBlank() ? null : query.strip();
        if (text != null && text.length() > 100) {
            text = text.substring(0, 100);
        }
        String where = switch (show) {
            case ALL -> "1 = 1";
            case LAPSING -> "v.stage = 'ONBOARDED' AND v.vetted_until BETWEEN :today AND :warnUntil";
            default -> "v.stage = :stage";
        };
        var rows = jdbc.sql("""
                SELECT v.id, v.name, v.peer, v.postcode, v.district, v.organization_name, v.stage, v.vetted_until,
                       (SELECT COUNT(*) FROM volunteer_assignment a
                         WHERE a.volunteer_id = v.id AND a.status IN ('PROPOSED', 'ACCEPTED')) AS open_assignments
                  FROM volunteer v
                 WHERE %s AND (:all = 1 OR v.organization_id = :organization)
                   AND (:text = '' OR LOWER(v.name) LIKE :like OR v.postcode = :text OR LOWER(v.district) LIKE :like)
                 ORDER BY %s
                 LIMIT %d OFFSET %d
                """.formatted(where, sort.orderBy, PAGE_SIZE + 1, (current - 1) * PAGE_SIZE))
                .param("all", Volunteers.isStaff(user) ? 1 : 0)
                .param("organization", user.organizationId() == null ? new UUID(0, 0) : user.organizationId())
                .param("text", text == null ? "" : text)
                .param("like", text == null ? "" : "%" + escape(text.toLowerCase(Locale.ROOT)) + "%")
                .param("stage", show.name()).param("today", today)
                .param("warnUntil", today.plusDays(Volunteers.WARN_DAYS))
                .query((rs, n) -> {
                    var until = rs.getObject("vetted_until", LocalDate.class);
                    var stage = VolunteerStage.valueOf(rs.getString("stage"));
                    return new Row(rs.getObject("id", UUID.class), rs.getString("name"), rs.getBoolean("peer"),
                            rs.getString("postcode"), rs.getString("district"), rs.getString("organization_name"),
                            stage, until, stage == VolunteerStage.ONBOARDED && until != null
                                    && !until.isBefore(today) && !until.isAfter(today.plusDays(Volunteers.WARN_DAYS)),
                            rs.getInt("open_assignments"));
                }).list();
        boolean more = rows.size() > PAGE_SIZE;
        return new Page(more ? rows.subList(0, PAGE_SIZE) : rows, current, more, text, show, sort);
    }

    /** Onboarded volunteers whose vetting lapses within the warning days, soonest first, for the start tile. */
    List<Row> lapsing(BrobyggerUser user, LocalDate today) {
        return page(user, null, Show.LAPSING, Sort.LAPSING, 1, today).rows();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
