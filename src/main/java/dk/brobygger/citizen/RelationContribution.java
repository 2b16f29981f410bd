package dk.brobygger.citizen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dk.brobygger.access.Relations;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Tilknytninger on the citizen's timeline: when a colleague or a team started and stopped working with the
 * citizen. A citizen has few relations, so they are read whole and cut into the page here.
 */
@Component
class RelationContribution implements CitizenContribution {

    private final Relations relations;

    RelationContribution(Relations relations) {
        this.relations = relations;
    }

    @Override
    public String kind() {
        return "citizen.relation";
    }

    @Override
    public String labelKey() {
        return "timeline.kind.citizen.relation";
    }

    @Override
    public List<TimelineEntry> timeline(CitizenId citizen, @Nullable Instant before, int limit) {
        String href = "/borgere/" + citizen.value() + "/tilknytninger";
        List<TimelineEntry> entries = new ArrayList<>();
        for (var relation : relations.relationsTo(citizen.value())) {
            Object who = relation.team() != null
                    ? new DefaultMessageSourceResolvable(new String[] {"timeline.relation.team"},
                            new Object[] {relation.team()})
                    : relation.displayName() != null ? relation.displayName() : relation.username();
            entries.add(new TimelineEntry(relation.since(), kind(), "timeline.relation.started",
                    List.of(who, relation.reason()), "timeline.relation.started.citizen", href));
            if (relation.endedAt() != null) {
                entries.add(new TimelineEntry(relation.endedAt(), kind(), "timeline.relation.ended",
                        List.of(who, relation.reason()), "timeline.relation.ended.citizen", href));
            }
        }
        var older = entries.stream().filter(entry -> before == null || entry.at().isBefore(before))
                .sorted(Comparator.comparing(TimelineEntry::at).reversed()).toList();
        return CitizenContribution.withTies(limit, older.stream().limit(limit).toList(),
                at -> older.stream().filter(entry -> entry.at().equals(at)).toList());
    }

    @Override
    public Optional<Tab> tab(CitizenId citizen) {
        return Optional.of(new Tab("citizen.tab.relations", "/borgere/" + citizen.value() + "/tilknytninger", 4));
    }

    @Override
    public ExportPart export(CitizenId citizen) {
        return new ExportPart(kind(), labelKey(), relations.relationsTo(citizen.value()).stream().map(relation -> {
            Map<String, @Nullable Object> record = new LinkedHashMap<>();
            record.put("user", relation.username());
            record.put("team", relation.team());
            record.put("reason", relation.reason());
            record.put("work", relation.work() == null ? null : relation.work().kind());
            record.put("since", relation.since());
            record.put("ended", relation.endedAt());
            return record;
        }).toList());
    }

    /** Nothing here: the retention job forgets the relations itself, as it decides from them who is due. */
    @Override
    public void expire(CitizenId citizen, CitizenRetention.Mode mode) {
    }
}
