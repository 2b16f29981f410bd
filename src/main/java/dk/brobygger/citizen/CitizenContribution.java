package dk.brobygger.citizen;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dk.brobygger.shared.DanishTime;

import org.jspecify.annotations.Nullable;

/**
 * The citizen as an extension point: what one module keeps about a citizen and adds to the citizen's
 * pages. A module that works with citizens (home visits, outreach, hospital, scores, tasks, and later
 * referrals, courses, meetings, crisis contacts) registers one bean of this type per kind of record, and
 * the citizen module gathers them: the staff timeline (filterable by {@link #kind()}), the tabs on every
 * citizen page, the citizen's own timeline in {@code /mig}, the data export ({@code /mig/data.json} and
 * the PDF) and retention.
 *
 * <p>The citizen module checks need-to-know and writes the audit record before it asks a contribution
 * (see {@link CitizenTimeline}), so a contribution reads its own tables and nothing else, and never asks
 * the policy again.
 */
public interface CitizenContribution {

    /** The kind of record, as a timeline filter and a key in the export, e.g. {@code "homevisit.visit"}. */
    String kind();

    /** Message key of the kind's name, e.g. "Forebyggende hjemmebesøg". */
    String labelKey();

    /**
     * The citizen's entries that happened before {@code before} (all, when null), newest first: at most
     * {@code limit} of them, plus any further entries at the same instant as the last one (so that paging by
     * instant loses nothing).
     */
    List<TimelineEntry> timeline(CitizenId citizen, @Nullable Instant before, int limit);

    /** The module's tab on the staff citizen pages, if it has one. */
    default Optional<Tab> tab(CitizenId citizen) {
        return Optional.empty();
    }

    /** The module's part of "download my data": everything it keeps about the citizen. */
    ExportPart export(CitizenId citizen);

    /**
     * Opbevaring: the citizen's retention period ran out. Runs in the retention transaction for that one
     * citizen, before the citizen is anonymised or deleted: remove free text and identifying detail, keep
     * the countable facts statistics need; a deleted citizen's rows may also go by ON DELETE CASCADE.
     */
    void expire(CitizenId citizen, CitizenRetention.Mode mode);

    /**
     * Helps a contribution keep the paging promise of {@link #timeline}: {@code firstRows} are its newest
     * {@code limit} entries before the cursor; when the page is full, the entries at the last one's instant
     * are replaced by all entries at that instant ({@code allAt}), so that the next page (entries before that
     * instant) loses none of them.
     */
    static List<TimelineEntry> withTies(int limit, List<TimelineEntry> firstRows,
            Function<Instant, List<TimelineEntry>> allAt) {
        if (firstRows.size() < limit || firstRows.isEmpty()) {
            return firstRows;
        }
        Instant last = firstRows.getLast().at();
        var page = new ArrayList<TimelineEntry>(firstRows.stream().filter(entry -> entry.at().isAfter(last)).toList());
        page.addAll(allAt.apply(last));
        return page;
    }

    /** Where an entry that happened on a day (not at a time) stands in the timeline: the day's start, Danish time. */
    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(DanishTime.ZONE).toInstant();
    }

    /** The first day whose entries ({@link #startOf}) are not before {@code before}: days before it are older. */
    static LocalDate firstDayNotBefore(Instant before) {
        LocalDate day = LocalDate.ofInstant(before, DanishTime.ZONE);
        return startOf(day).equals(before) ? day : day.plusDays(1);
    }

    /**
     * One line of the timeline.
     *
     * @param messageKey        what happened, for staff (arguments below)
     * @param citizenMessageKey the same in plain Danish for the citizen's own timeline, or null when the
     *                          citizen's timeline does not show it
     * @param href              the module's own page for the entry, for staff with need-to-know, or null
     */
    record TimelineEntry(Instant at, String kind, String messageKey, List<Object> arguments,
            @Nullable String citizenMessageKey, @Nullable String href) {

        public TimelineEntry {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * A tab on the staff citizen pages.
     *
     * @param order smaller comes first; the citizen module's own tabs use 0–9
     */
    record Tab(String labelKey, String href, int order) {
    }

    /**
     * A module's part of the data export: a title and records of named values (text, numbers, dates,
     * booleans), the same in JSON and in the PDF.
     */
    record ExportPart(String key, String titleKey, List<Map<String, @Nullable Object>> records) {

        public ExportPart {
            records = List.copyOf(records);
        }

        public static ExportPart empty(String key, String titleKey) {
            return new ExportPart(key, titleKey, List.of());
        }
    }
}
