package dk.brobygger.homevisit;

import org.jspecify.annotations.Nullable;

/**
 * One §79a rule as the due list names it: {@code ALONE_70} (turns 70 this year and lives alone),
 * {@code TURNS_75}, {@code FROM_82} (every year from 82), {@code RISK_65_81} (at risk by need).
 *
 * @param age    the age the rule is about (the lower end for {@link Kind#RISK})
 * @param ageTo  the upper end for {@link Kind#RISK}, otherwise null
 */
record VisitRule(Kind kind, int age, @Nullable Integer ageTo) {

    /** How a rule selects by age. */
    public enum Kind {
        /** In the year the citizen turns the age, if living alone. */
        ALONE,
        /** In the year the citizen turns the age. */
        TURNS,
        /** Every year from the year the citizen turns the age. */
        FROM,
        /** Aged between the two ages in the year and at particular risk (an outreach item). */
        RISK
    }

    public String code() {
        return kind == Kind.RISK ? "RISK_" + age + "_" + ageTo : kind.name() + "_" + age;
    }

    /** The key of the Danish wording in the homevisit bundle; {0} is the age, {1} the upper age. */
    public String messageKey() {
        return "homevisit.rule." + kind.name();
    }
}
