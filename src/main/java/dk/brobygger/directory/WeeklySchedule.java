package dk.brobygger.directory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;
import org.springframework.data.relational.core.mapping.Table;

/**
 * When an offer meets: a weekday with opening and closing time, every {@code weekInterval} weeks,
 * optionally within a period (HSDS schedule with freq WEEKLY).
 */
@Table("offer_schedule")
public record WeeklySchedule(
        DayOfWeek weekday,
        LocalTime opensAt,
        LocalTime closesAt,
        int weekInterval,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validTo) {

    public WeeklySchedule {
        if (!closesAt.isAfter(opensAt)) {
            throw new IllegalArgumentException("closesAt must be after opensAt");
        }
        if (weekInterval < 1 || weekInterval > 8) {
            throw new IllegalArgumentException("weekInterval must be 1..8");
        }
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("validTo before validFrom");
        }
    }

    public static WeeklySchedule weekly(DayOfWeek weekday, LocalTime opensAt, LocalTime closesAt) {
        return new WeeklySchedule(weekday, opensAt, closesAt, 1, null, null);
    }

    /** Part of the day the offer starts in, used by the time-of-day filter. */
    public TimeOfDay timeOfDay() {
        return TimeOfDay.of(opensAt);
    }
}
