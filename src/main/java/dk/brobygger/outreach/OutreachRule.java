package dk.brobygger.outreach;

import java.time.Instant;

import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;

/**
 * The rule that turns a reason into an outreach item (configurable, DOMAIN.md §2): for whom (age span,
 * living alone or not) and for how long (an event no older than {@code withinDays}; a standing factor
 * not again within {@code withinDays} of the citizen's last item for it).
 */
record OutreachRule(long id, RiskReason reason, Settings settings, String changedBy, Instant changedAt,
        @Nullable Instant supersededAt) {

    /** What an administrator sets. */
    public record Settings(@Nullable Integer minAge, @Nullable Integer maxAge, boolean livingAlone, int withinDays,
            boolean active) {

        public Settings {
            if (minAge != null && (minAge < 0 || minAge > 120) || maxAge != null && (maxAge < 0 || maxAge > 120)) {
                throw new DomainException("outreach.rule.ageRange");
            }
            if (minAge != null && maxAge != null && maxAge < minAge) {
                throw new DomainException("outreach.rule.ageOrder", minAge, maxAge);
            }
            if (withinDays < 1 || withinDays > 3650) {
                throw new DomainException("outreach.rule.withinDays", 1, 3650);
            }
        }
    }
}
