package dk.brobygger.citizen;

import java.util.List;
import java.util.Objects;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Relations;
import dk.brobygger.shared.Paging;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mine borgere: the citizens a member of staff works with now (own relations and their teams'), the most
 * recently related first, paged in the database; each name shown passes the gate and is audited.
 */
@Service
class MyCitizens {

    private final Relations relations;
    private final CitizenRecords records;

    MyCitizens(Relations relations, CitizenRecords records) {
        this.relations = relations;
        this.records = records;
    }

    /** One page of the user's citizens, and how many there are. */
    record Page(List<CitizenRecords.Summary> citizens, long total, int page, int pages) {
    }

    @Transactional
    Page page(BrobyggerUser user, int page, int size, String purpose) {
        int wanted = Math.max(1, page);
        var worked = relations.workedWith(user.username(), Paging.offset(wanted, size), size);
        var names = worked.citizens().isEmpty() ? java.util.Map.<CitizenId, CitizenRecords.Summary>of()
                : records.summaries(worked.citizens().stream().map(CitizenId::new).toList(), purpose);
        var shown = worked.citizens().stream().map(id -> names.get(new CitizenId(id))).filter(Objects::nonNull)
                .toList();
        int pages = (int) Math.max(1, (worked.count() + size - 1) / size);
        return new Page(shown, worked.count(), wanted, pages);
    }
}
