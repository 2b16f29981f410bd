package dk.brobygger.homevisit;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;

/**
 * The §79a age rules as policy data (DOMAIN.md §1, configurable): the age at which citizens living
 * alone are offered a visit, the ages at which everybody is, the age from which everybody is every
 * year, the age span of "at risk by need", and whether citizens receiving both personal care and
 * practical help are exempted. A null age switches that rule off.
 */
record VisitPolicy(@Nullable Integer aloneAge, List<Integer> turningAges, @Nullable Integer yearlyFrom,
        @Nullable Integer riskFrom, @Nullable Integer riskTo, boolean exemptHomeCare, @Nullable String note) {

    static final int MIN_AGE = 50;
    static final int MAX_AGE = 120;

    public VisitPolicy {
        turningAges = List.copyOf(new TreeSet<>(turningAges));
        check(aloneAge);
        turningAges.forEach(VisitPolicy::check);
        check(yearlyFrom);
        check(riskFrom);
        check(riskTo);
        if ((riskFrom == null) != (riskTo == null)) {
            throw new DomainException("homevisit.policy.riskBoth");
        }
        if (riskFrom != null && riskTo != null && riskTo < riskFrom) {
            throw new DomainException("homevisit.policy.riskOrder", riskFrom, riskTo);
        }
        if (note != null && note.strip().length() > 1000) {
            throw new DomainException("homevisit.policy.noteTooLong", 1000);
        }
        note = note == null || note.isBlank() ? null : note.strip();
        if (aloneAge == null && turningAges.isEmpty() && yearlyFrom == null && riskFrom == null) {
            throw new DomainException("homevisit.policy.empty");
        }
    }

    /** Reads "75, 80" as typed in a form; anything that is not a whole number is refused in Danish. */
    public static List<Integer> ages(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        var ages = new ArrayList<Integer>();
        for (String part : text.strip().split("\\s*[,; ]\\s*")) {
            try {
                ages.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                throw new DomainException("homevisit.policy.notAnAge", part);
            }
        }
        return ages;
    }

    /** The rules in the order the due list applies them: the first that fits a citizen names the reason. */
    public List<VisitRule> rules() {
        var rules = new ArrayList<VisitRule>();
        if (yearlyFrom != null) {
            rules.add(new VisitRule(VisitRule.Kind.FROM, yearlyFrom, null));
        }
        turningAges.forEach(age -> rules.add(new VisitRule(VisitRule.Kind.TURNS, age, null)));
        if (aloneAge != null) {
            rules.add(new VisitRule(VisitRule.Kind.ALONE, aloneAge, null));
        }
        if (riskFrom != null && riskTo != null) {
            rules.add(new VisitRule(VisitRule.Kind.RISK, riskFrom, riskTo));
        }
        return rules;
    }

    /** The youngest age any rule selects. */
    int youngestAge() {
        return rules().stream().mapToInt(VisitRule::age).min().orElse(MAX_AGE);
    }

    /** The turning ages as stored and shown: "75,80". */
    public String turningAgesText() {
        return String.join(",", turningAges.stream().map(String::valueOf).toList());
    }

    private static void check(@Nullable Integer age) {
        if (age != null && (age < MIN_AGE || age > MAX_AGE)) {
            throw new DomainException("homevisit.policy.ageRange", age, MIN_AGE, MAX_AGE);
        }
    }

    static VisitPolicy stored(@Nullable Integer aloneAge, String turningAges, @Nullable Integer yearlyFrom,
            @Nullable Integer riskFrom, @Nullable Integer riskTo, boolean exemptHomeCare, @Nullable String note) {
        return new VisitPolicy(aloneAge, ages(turningAges), yearlyFrom, riskFrom, riskTo, exemptHomeCare, note);
    }

    /** The rules by code, as the history lists them: "FROM_82, TURNS_75, TURNS_80, ALONE_70, RISK_65_81". */
    @Override
    public String toString() {
        return String.join(", ", rules().stream().map(VisitRule::code).toList())
                + (exemptHomeCare ? " (undtaget: personlig pleje og praktisk hjælp)" : "");
    }
}
