package dk.brobygger.homevisit;

import java.util.ArrayList;
import java.util.List;

import dk.brobygger.citizen.CitizenId;

import org.jspecify.annotations.Nullable;

/**
 * One citizen on the worklist with every reason they are on it: a due §79a visit, open outreach items, or both
 * (each reason is its own line of work, taken and closed on its own).
 */
public record WorklistRow(CitizenId citizen, String name, @Nullable String address, @Nullable String district,
        int age, List<WorklistEntry> reasons) {

    public WorklistRow {
        reasons = List.copyOf(reasons);
    }

    /** Consecutive lines of one citizen become one row, in the order the lines come. */
    static List<WorklistRow> byCitizen(List<WorklistEntry> lines) {
        List<WorklistRow> rows = new ArrayList<>();
        List<WorklistEntry> current = new ArrayList<>();
        for (WorklistEntry line : lines) {
            if (!current.isEmpty() && !current.getFirst().citizen().equals(line.citizen())) {
                rows.add(of(current));
                current = new ArrayList<>();
            }
            current.add(line);
        }
        if (!current.isEmpty()) {
            rows.add(of(current));
        }
        return rows;
    }

    private static WorklistRow of(List<WorklistEntry> lines) {
        var first = lines.getFirst();
        return new WorklistRow(first.citizen(), first.name(), first.address(), first.district(), first.age(), lines);
    }
}
