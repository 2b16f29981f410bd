package dk.brobygger.directory.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Locale;

import dk.brobygger.directory.WeeklySchedule;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Says when an offer meets in plain words: "Tirsdage kl. 10–12", "Hver 2. onsdag kl. 18.30–21". */
@Component("scheduleText")
public class ScheduleText {

    private final MessageSource messages;

    ScheduleText(MessageSource messages) {
        this.messages = messages;
    }

    public String of(WeeklySchedule schedule, Locale locale) {
        if (schedule.opensAt().equals(LocalTime.MIDNIGHT) && schedule.closesAt().getHour() == 23
                && schedule.closesAt().getMinute() == 59) {
            String days = messages.getMessage("weekday.plural." + schedule.weekday(), null, locale);
            return messages.getMessage("schedule.allDay", new Object[] {days}, locale);
        }
        String times = time(schedule.opensAt()) + "–" + time(schedule.closesAt());
        if (schedule.weekInterval() == 1) {
            String days = messages.getMessage("weekday.plural." + schedule.weekday(), null, locale);
            return messages.getMessage("schedule.weekly", new Object[] {days, times}, locale);
        }
        String day = messages.getMessage("weekday." + schedule.weekday(), null, locale).toLowerCase(locale);
        return messages.getMessage("schedule.everyNth", new Object[] {schedule.weekInterval(), day, times}, locale);
    }

    public String weekday(DayOfWeek day, Locale locale) {
        return messages.getMessage("weekday." + day, null, locale);
    }

    /** Danish clock times: whole hours as "10", otherwise "10.30". */
    static String time(LocalTime time) {
        return time.getMinute() == 0 ? Integer.toString(time.getHour())
                : String.format(Locale.ROOT, "%d.%02d", time.getHour(), time.getMinute());
    }
}
