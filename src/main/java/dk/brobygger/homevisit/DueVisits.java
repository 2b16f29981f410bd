package dk.brobygger.homevisit;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Hvem skal tilbydes forebyggende hjemmebesøg: the due list for a year, under the policy in force. */
@Service
class DueVisits {

    static final int FIRST_YEAR = 2000;

    private final JdbcClient jdbc;
    private final VisitPolicies policies;
    private final HomeVisitAccess access;
    private final Clock clock;

    DueVisits(JdbcClient jdbc, VisitPolicies policies, HomeVisitAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Every citizen due a visit in the year, optionally in one district. Only the home visitors' team
     * and managers may see it, and each listing is audited.
     */
    @Transactional
    public List<DueVisit> due(int year, @Nullable String district) {
        checkYear(year);
        access.checkMayList("Så listen over borgere, der skal tilbydes forebyggende hjemmebesøg i " + year);
        var list = evaluate(year, district);
        access.listed("Så listen over borgere, der skal tilbydes forebyggende hjemmebesøg i " + year
                + (district == null ? "" : ", distrikt " + district) + " (" + list.size() + " borgere)");
        return list;
    }

    /** The list without access check or audit, for callers that have done both (the worklist). */
    List<DueVisit> evaluate(int year, @Nullable String district) {
        return evaluate(year, district, null);
    }

    /** Is this one citizen due a visit in the year, and under which rule? No access check. */
    java.util.Optional<DueVisit> evaluate(int year, CitizenId citizen) {
        return evaluate(year, null, citizen.value()).stream().findFirst();
    }

    private List<DueVisit> evaluate(int year, @Nullable String district, @Nullable UUID citizen) {
        var query = query(year);
        return jdbc.sql(query.list(district, citizen)).params(query.params()).query((rs, row) -> visit(rs, year)).list();
    }

    /** The due list's query for the year under the policy in force, for the worklist to build on. */
    DueQuery query(int year) {
        return new DueQuery(policies.current().policy(), year, VisitPolicies.referenceDay(year, LocalDate.now(clock)));
    }

    static void checkYear(int year) {
        if (year < FIRST_YEAR || year > 2100) {
            throw new DomainException("homevisit.year.invalid", String.valueOf(year));
        }
    }

    private static DueVisit visit(ResultSet rs, int year) throws SQLException {
        LocalDate born = rs.getDate("birth_date").toLocalDate();
        return new DueVisit(new CitizenId(rs.getObject("id", UUID.class)), rs.getString("name"),
                rs.getString("address"), born, year - born.getYear(), rs.getString("rule"), rs.getString("district"),
                status(rs), rs.getObject("offer_id", UUID.class), date(rs.getDate("offered_on")),
                date(rs.getDate("held_on")), rs.getString("held_by"));
    }

    /** Where the year's offer stands, from the columns offer_id, held_on and answer. */
    static OfferStatus status(ResultSet rs) throws SQLException {
        if (rs.getObject("offer_id") == null) {
            return OfferStatus.NOT_OFFERED;
        }
        if (rs.getDate("held_on") != null) {
            return OfferStatus.HELD;
        }
        String answer = rs.getString("answer");
        return answer == null ? OfferStatus.OFFERED : OfferStatus.valueOf(answer);
    }

    private static @Nullable LocalDate date(@Nullable Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
