package dk.brobygger.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dk.brobygger.access.Teams;
import dk.brobygger.access.Users;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.shared.Paging;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mine henvisninger: the open referrals the user (or the user's teams) sent, a page at a time, sortable, each
 * waiting for an answer longer than {@code brobygger.referral.unanswered-days} flagged (DOMAIN.md §8). The
 * citizens' names pass the citizen gate ({@link CitizenRecords#summaries}, audited).
 */
@Service
class ReferrerList {

    static final int PAGE_SIZE = 25;

    enum Whose { MINE, TEAM }

    enum Sort {
        OLDEST("requested_at ASC, id"), NEWEST("requested_at DESC, id"), OFFER("offer_name, requested_at, id");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    record Row(ReferralId id, String citizenName, String offerName, String organizationName, ReferralStatus status,
            @Nullable BusinessStatus businessStatus, @Nullable Instant requestedAt, long days, boolean flagged) {
    }

    record Page(List<Row> rows, int page, boolean hasNext, Whose whose, Sort sort, int unansweredDays) {
    }

    private final JdbcClient jdbc;
    private final CitizenRecords records;
    private final Users users;
    private final Teams teams;
    private final UnansweredReferrals unanswered;
    private final Clock clock;

    ReferrerList(JdbcClient jdbc, CitizenRecords records, Users users, Teams teams, UnansweredReferrals unanswered,
            Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.users = users;
        this.teams = teams;
        this.unanswered = unanswered;
        this.clock = clock;
    }

    private record Raw(UUID id, UUID citizen, String offerName, String organizationName, ReferralStatus status,
            @Nullable BusinessStatus businessStatus, @Nullable Instant requestedAt) {
    }

    @Transactional
    Page page(Whose whose, Sort sort, int page) {
        String me = users.currentOrFail().username();
        var mine = teams.of(me);
        boolean team = whose == Whose.TEAM && !mine.isEmpty();
        var raw = jdbc.sql("""
                SELECT id, citizen_id, offer_name, organization_name, status, business_status, requested_at
                  FROM referral
                 WHERE %s AND status IN ('REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD')
                 ORDER BY %s
                 LIMIT :limit OFFSET :offset
                """.formatted(team ? "team IN (:teams)" : "referrer = :me", sort.orderBy))
                .param("me", me).param("teams", team ? mine : List.of("-"))
                .param("limit", PAGE_SIZE + 1).param("offset", Paging.offset(page, PAGE_SIZE))
                .query((rs, n) -> {
                    String business = rs.getString("business_status");
                    Timestamp requested = rs.getTimestamp("requested_at");
                    return new Raw(rs.getObject("id", UUID.class), rs.getObject("citizen_id", UUID.class),
                            rs.getString("offer_name"), rs.getString("organization_name"),
                            ReferralStatus.valueOf(rs.getString("status")),
                            business == null ? null : BusinessStatus.valueOf(business),
                            requested == null ? null : requested.toInstant());
                }).list();
        boolean hasNext = raw.size() > PAGE_SIZE;
        var shown = raw.subList(0, Math.min(PAGE_SIZE, raw.size()));
        var names = records.summaries(shown.stream().map(r -> new CitizenId(r.citizen())).toList(),
                "Så sine henvisninger");
        var now = clock.instant();
        var rows = new ArrayList<Row>();
        for (Raw r : shown) {
            var summary = names.get(new CitizenId(r.citizen()));
            long days = r.requestedAt() == null ? 0 : Duration.between(r.requestedAt(), now).toDays();
            rows.add(new Row(new ReferralId(r.id()), summary == null ? "–" : summary.name(), r.offerName(),
                    r.organizationName(), r.status(), r.businessStatus(), r.requestedAt(), days,
                    r.status() == ReferralStatus.REQUESTED && days >= unanswered.unansweredDays()));
        }
        return new Page(rows, Paging.page(page), hasNext, team ? Whose.TEAM : Whose.MINE, sort,
                unanswered.unansweredDays());
    }
}
