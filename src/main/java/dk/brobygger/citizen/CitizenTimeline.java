package dk.brobygger.citizen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import dk.brobygger.audit.AuditAction;
import dk.brobygger.citizen.CitizenContribution.TimelineEntry;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tidslinje: everything the municipality has registered about one citizen, from every module, newest
 * first. The gate for the timeline: need-to-know is checked and the read audited once (as
 * {@link CitizenRecords#read}), then every {@link CitizenContribution} of the chosen kinds is asked for
 * one page at most, so a citizen with thousands of entries opens as fast as one with ten.
 *
 * <p>Pages are cut by instant (the {@code before} cursor): a page holds {@code limit} entries plus every
 * further entry at the same instant as its last one, so that the next page, "before that instant",
 * loses nothing when several things happened at once.
 */
@Service
public class CitizenTimeline {

    public static final int PAGE_SIZE = 25;
    static final String READ_PURPOSE = "Så borgerens tidslinje";
    static final String OWN_READ_PURPOSE = "Borgeren så sin tidslinje: det, kommunen har gjort med borgeren";
    /** The citizen's own timeline fetches at most this many staff pages to fill one page of citizen texts. */
    private static final int OWN_ROUNDS = 20;

    /**
     * One page of the timeline.
     *
     * @param next the cursor for the next (older) page, or null when there is nothing older
     */
    public record Page(List<TimelineEntry> entries, @Nullable Instant next) {

        public Page {
            entries = List.copyOf(entries);
        }

        public boolean hasOlder() {
            return next != null;
        }
    }

    /** A kind of entry to filter by, with its Danish name. */
    public record Kind(String kind, String labelKey) {
    }

    private final List<CitizenContribution> contributions;
    private final CitizenRecords records;
    private final MyData myData;
    private final CitizenAudit audit;

    CitizenTimeline(List<CitizenContribution> contributions, CitizenRecords records, MyData myData, CitizenAudit audit) {
        this.contributions = contributions.stream().sorted(Comparator.comparing(CitizenContribution::kind)).toList();
        this.records = records;
        this.myData = myData;
        this.audit = audit;
    }

    /** Every kind the timeline can show, to filter by. */
    public List<Kind> kinds() {
        return contributions.stream().map(contribution -> new Kind(contribution.kind(), contribution.labelKey())).toList();
    }

    /**
     * The staff timeline: one page of the chosen kinds (all, when none are chosen) before {@code before} (the
     * newest, when null). Refused, and the refusal audited, without need-to-know.
     */
    @Transactional(readOnly = true)
    public Page of(CitizenId citizen, Collection<String> kinds, @Nullable Instant before, int limit) {
        records.read(citizen, READ_PURPOSE);
        Set<String> chosen = Set.copyOf(kinds);
        return page(citizen, contributions.stream()
                .filter(contribution -> chosen.isEmpty() || chosen.contains(contribution.kind())).toList(), before, limit);
    }

    /**
     * "Det har kommunen gjort med dig": the logged-in citizen's own timeline, only the entries told in plain
     * Danish for the citizen, audited as the citizen's own access.
     */
    @Transactional(readOnly = true)
    Page own(@Nullable Instant before, int limit) {
        CitizenId citizen = myData.ownId();
        audit.granted(citizen.value(), AuditAction.READ, OWN_READ_PURPOSE);
        List<TimelineEntry> shown = new ArrayList<>();
        Instant cursor = before;
        for (int round = 0; round < OWN_ROUNDS; round++) {
            Page page = page(citizen, contributions, cursor, limit);
            page.entries().stream().filter(entry -> entry.citizenMessageKey() != null).forEach(shown::add);
            cursor = page.next();
            if (cursor == null || shown.size() >= limit) {
                break;
            }
        }
        return new Page(shown, cursor);
    }

    /** Merges the contributions' pages: the newest {@code limit}, then the rest at the last one's instant. */
    private static Page page(CitizenId citizen, List<CitizenContribution> asked, @Nullable Instant before, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        List<TimelineEntry> all = new ArrayList<>();
        boolean someHaveOlder = false;
        for (var contribution : asked) {
            // One more than the page, to know whether this contribution has anything older.
            var entries = contribution.timeline(citizen, before, limit + 1);
            someHaveOlder |= entries.size() > limit;
            all.addAll(entries);
        }
        all.sort(NEWEST_FIRST);
        if (all.isEmpty()) {
            return new Page(List.of(), null);
        }
        int cut = Math.min(limit, all.size());
        Instant last = all.get(cut - 1).at();
        while (cut < all.size() && all.get(cut).at().equals(last)) {
            cut++;
        }
        boolean older = cut < all.size() || someHaveOlder;
        return new Page(all.subList(0, cut), older ? last : null);
    }

    private static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator.comparing(TimelineEntry::at).reversed()
            .thenComparing(TimelineEntry::kind);
}
