package dk.brobygger.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Locale;

import dk.brobygger.directory.WeeklySchedule;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** When an offer meets, said the way people say it. */
class ScheduleTextTests {

    private static final Locale DANISH = Locale.of("da");
    private final ScheduleText text = new ScheduleText(messages());

    @Test
    void wholeHoursAreSaidShortly() {
        assertThat(text.of(WeeklySchedule.weekly(DayOfWeek.TUESDAY, LocalTime.of(10, 0), LocalTime.of(12, 0)), DANISH))
                .isEqualTo("Tirsdage kl. 10–12");
    }

    @Test
    void halfHoursUseTheDanishPeriod() {
        assertThat(text.of(WeeklySchedule.weekly(DayOfWeek.WEDNESDAY, LocalTime.of(18, 30), LocalTime.of(21, 0)), DANISH))
                .isEqualTo("Onsdage kl. 18.30–21");
    }

    @Test
    void everyOtherWeekIsSaidSo() {
        var fortnightly = new WeeklySchedule(DayOfWeek.THURSDAY, LocalTime.of(14, 0), LocalTime.of(16, 0), 2, null, null);
        assertThat(text.of(fortnightly, DANISH)).isEqualTo("Hver 2. torsdag kl. 14–16");
    }

    @Test
    void aroundTheClockIsNotAnHourRange() {
        assertThat(text.of(WeeklySchedule.weekly(DayOfWeek.SUNDAY, LocalTime.MIDNIGHT, LocalTime.of(23, 59)), DANISH))
                .isEqualTo("Søndage hele døgnet");
    }

    private static ResourceBundleMessageSource messages() {
        var source = new ResourceBundleMessageSource();
        source.setBasename("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
