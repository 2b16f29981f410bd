package dk.brobygger.citizen;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dk.brobygger.shared.CprNumber;

/**
 * The citizen register by key, for other modules' system work over citizens they already have a reason to
 * handle: the citizens of a register extract by CPR number, a citizen's CPR number for a message to another
 * system, and a lock that makes work on one citizen take turns. Lists over many citizens read the published
 * {@code citizen_register_view} instead; a person who looks at a citizen goes through {@link CitizenRecords}.
 * Nothing here checks need-to-know or writes audit: the caller (an import an authorised member of staff
 * started, a listener, demo data) does what its own work requires, and shows no one what it finds.
 */
@Component
public class CitizenKeys {

    /** Database parameter lists are kept short: a register extract may name tens of thousands. */
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;

    CitizenKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The registered citizens among these CPR numbers; numbers of no citizen are left out. */
    @Transactional(readOnly = true)
    public Map<CprNumber, CitizenId> identify(Collection<CprNumber> cprs) {
        var found = new HashMap<CprNumber, CitizenId>();
        List<String> all = cprs.stream().map(CprNumber::value).distinct().toList();
        for (int from = 0; from < all.size(); from += CHUNK) {
            jdbc.sql("SELECT id, cpr FROM citizen WHERE cpr IN (:cprs)")
                    .param("cprs", new ArrayList<>(all.subList(from, Math.min(all.size(), from + CHUNK))))
                    .query((rs, row) -> found.put(CprNumber.of(rs.getString("cpr").strip()),
                            new CitizenId(rs.getObject("id", UUID.class))))
                    .list();
        }
        return found;
    }

    /** The citizen's CPR number, empty for an anonymised or unknown citizen. */
    @Transactional(readOnly = true)
    public Optional<CprNumber> cprOf(CitizenId citizen) {
        return jdbc.sql("SELECT cpr FROM citizen WHERE id = :id AND cpr IS NOT NULL").param("id", citizen.value())
                .query(String.class).optional().map(cpr -> CprNumber.of(cpr.strip()));
    }

    /**
     * Locks the citizen until the caller's transaction ends, so two listeners acting on the same citizen (the
     * same event delivered twice, side by side) take turns and the second finds what the first did.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(CitizenId citizen) {
        jdbc.sql("SELECT id FROM citizen WHERE id = :id FOR UPDATE").param("id", citizen.value()).query(UUID.class)
                .optional();
    }
}
