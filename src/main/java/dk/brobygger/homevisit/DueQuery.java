package dk.brobygger.homevisit;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The due list as one set-based query over the citizen table, built from the policy in force (or one an
 * administrator is trying out). Every rule is a birth-date range, so the database walks citizens once,
 * by the birth-date index, however many there are. The first rule that fits a citizen names the reason.
 * Who is at risk and who has home care are sets joined once (hashed), not a subquery per citizen: at
 * 1,000,000 citizens that takes about 40 % off the list's database time
 * (docs/benchmarks/2026-11-23-homevisit-evaluation.md).
 *
 * <p>Reads the views the citizen and outreach modules publish ({@code citizen_register_view},
 * {@code outreach_item_view}): a report over every citizen cannot go one citizen at a time through
 * {@code CitizenRegister}, and the views are plain projections PostgreSQL plans on the tables' own indexes.
 * The access rule for the list is in {@link HomeVisitAccess}.
 */
final class DueQuery {

    private final StringBuilder rule = new StringBuilder("CASE");
    private final Map<String, Object> params = new HashMap<>();
    private final StringBuilder joins = new StringBuilder();
    private final String exemption;

    DueQuery(VisitPolicy policy, int year, LocalDate referenceDay) {
        int n = 0;
        for (VisitRule visitRule : policy.rules()) {
            switch (visitRule.kind()) {
                case FROM -> {
                    rule.append(" WHEN c.birth_date <= :to").append(n);
                    params.put("to" + n, LocalDate.of(year - visitRule.age(), 12, 31));
                }
                case TURNS -> bornIn(n, year - visitRule.age(), year - visitRule.age());
                case ALONE -> {
                    bornIn(n, year - visitRule.age(), year - visitRule.age());
                    rule.append(" AND c.living_situation = 'ALONE'");
                }
                case RISK -> {
                    bornIn(n, year - visitRule.ageTo(), year - visitRule.age());
                    rule.append(" AND risk.citizen_id IS NOT NULL");
                    joins.append(" ").append("""
                             LEFT JOIN (SELECT DISTINCT i.citizen_id FROM outreach_item_view i
                                         WHERE i.status <> 'WITHDRAWN'
                                           AND (i.status = 'OPEN' OR i.reason_date BETWEEN :yearStart AND :yearEnd)/*i*/) risk
                               ON risk.citizen_id = c.id""");
                }
            }
            // The code is built from whole numbers and an enum name, so it is safe as a literal.
            rule.append(" THEN '").append(visitRule.code()).append("'");
            n++;
        }
        rule.append(" END");
        params.put("year", year);
        params.put("yearStart", LocalDate.of(year, 1, 1));
        params.put("yearEnd", LocalDate.of(year, 12, 31));
        params.put("youngestBorn", LocalDate.of(year - policy.youngestAge(), 12, 31));
        params.put("reference", referenceDay);
        exemption = policy.exemptHomeCare() ? " AND (personal.citizen_id IS NULL OR practical.citizen_id IS NULL)" : "";
        if (policy.exemptHomeCare()) {
            joins.append(homeCare("PERSONAL_CARE", "personal")).append(homeCare("PRACTICAL_HELP", "practical"));
        }
    }

    /** Citizens receiving the service on the reference day, joined as {@code alias}. */
    private static String homeCare(String service, String alias) {
        // The service is one of two constants, so it is safe as a literal.
        return " " + """
                 LEFT JOIN (SELECT DISTINCT h.citizen_id FROM homevisit_home_care h
                             WHERE h.service = '%s' AND h.from_date <= :reference
                               AND (h.to_date IS NULL OR h.to_date >= :reference)/*h*/) %s
                   ON %s.citizen_id = c.id""".formatted(service, alias, alias);
    }

    private void bornIn(int n, int fromYear, int toYear) {
        rule.append(" WHEN c.birth_date BETWEEN :from").append(n).append(" AND :to").append(n);
        params.put("from" + n, LocalDate.of(fromYear, 1, 1));
        params.put("to" + n, LocalDate.of(toYear, 12, 31));
    }

    /** Citizens due a visit, with the rule and the year's offer, in district and age order. */
    String list(@Nullable String district, @Nullable UUID citizen) {
        return """
                SELECT d.id, d.name, d.address, d.birth_date, d.district, d.living_situation, d.rule,
                       o.id AS offer_id, o.offered_on, o.channel, o.answer, o.held_on, o.held_by
                  FROM (%s) d
                  LEFT JOIN homevisit_offer o ON o.citizen_id = d.id AND o.visit_year = :year
                 ORDER BY d.district, d.birth_date DESC, d.id
                """.formatted(due(district, citizen == null ? null : java.util.List.of(citizen)));
    }

    /**
     * Citizens due a visit and the rule that applies, unordered: the due list's and the worklist's source; only
     * the citizens named, if any are.
     */
    String due(@Nullable String district, @Nullable Collection<UUID> citizens) {
        if (district != null) {
            params.put("district", district);
        }
        if (citizens != null) {
            params.put("citizens", citizens);
        }
        return """
                SELECT v.id, v.name, v.address, v.birth_date, v.district, v.living_situation, v.rule
                  FROM (SELECT c.id, c.name, c.address, c.birth_date, c.district, c.living_situation, %s AS rule
                          FROM citizen_register_view c%s
                         WHERE c.birth_date <= :youngestBorn AND c.anonymised_at IS NULL %s %s %s) v
                 WHERE v.rule IS NOT NULL""".formatted(rule, joinsFor(citizens), district == null ? "" : "AND c.district = :district",
                citizens == null ? "" : "AND c.id IN (:citizens)", exemption);
    }

    /**
     * The joins, for the citizens named only when some are: the sets of citizens at risk and with home care are
     * then read for them alone instead of for everyone (a worklist page of 20 citizens, not 340,000 items).
     */
    private String joinsFor(@Nullable Collection<UUID> citizens) {
        String all = joins.toString();
        return citizens == null ? all.replace("/*i*/", "").replace("/*h*/", "")
                : all.replace("/*i*/", " AND i.citizen_id IN (:citizens)").replace("/*h*/", " AND h.citizen_id IN (:citizens)");
    }

    /** How many citizens each rule selects: the administrator's preview. */
    String countByRule() {
        return """
                SELECT d.rule, COUNT(*) AS citizens
                  FROM (SELECT %s AS rule FROM citizen_register_view c%s
                         WHERE c.birth_date <= :youngestBorn AND c.anonymised_at IS NULL %s) d
                 WHERE d.rule IS NOT NULL
                 GROUP BY d.rule
                """.formatted(rule, joinsFor(null), exemption);
    }

    Map<String, Object> params() {
        return params;
    }
}
