package dk.brobygger.hospital;

import java.util.List;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The citizen's hospital timeline as JSON, newest first; need-to-know and audit as for the record itself. */
@RestController
class TimelineApi {

    /** A page of events, and the latest that still stands (what the citizen's situation is now). */
    record Events(UUID citizenId, @Nullable TimelineEntry current, List<TimelineEntry> events, int page,
            boolean hasNext) {
    }

    private final HospitalTimeline timeline;

    TimelineApi(HospitalTimeline timeline) {
        this.timeline = timeline;
    }

    @GetMapping("/api/citizens/{id}/hospital-events")
    Events events(@PathVariable UUID id, @RequestParam(name = "page", defaultValue = "1") int page,
            @RequestParam(name = "size", defaultValue = "50") int size) {
        var found = timeline.of(new CitizenId(id), page, Math.clamp(size, 1, 200));
        return new Events(id, found.current().orElse(null), found.entries(), found.page(), found.hasNext());
    }
}
