package dk.brobygger.directory.demo;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dk.brobygger.directory.demo.DemoDirectoryGenerator.GeneratedOffer;
import dk.brobygger.directory.demo.DemoDirectoryGenerator.Municipality;
import dk.brobygger.directory.offer.Taxonomy;
import dk.brobygger.directory.offer.TaxonomyTerm;
import dk.brobygger.shared.DanishTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes a generated municipality with batched inserts (100,000 offers in seconds, not minutes). */
@Component
class DemoDirectoryWriter {

    private static final int BATCH = 1_000;

    private final JdbcTemplate jdbc;
    private final Taxonomy taxonomy;
    private final Clock clock;

    DemoDirectoryWriter(JdbcTemplate jdbc, Taxonomy taxonomy, Clock clock) {
        this.jdbc = jdbc;
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    @Transactional
    void write(Municipality municipality) {
        Timestamp now = Timestamp.from(clock.instant());
        for (var district : List.of(List.of("ØST", "Fjordlund Øst"), List.of("VEST", "Fjordlund Vest"))) {
            jdbc.update("INSERT INTO district (code, name) VALUES (?, ?)", district.get(0), district.get(1));
        }
        jdbc.batchUpdate("INSERT INTO postcode (code, name, latitude, longitude) VALUES (?, ?, ?, ?)",
                municipality.postcodes(), BATCH, (ps, p) -> {
                    ps.setString(1, p.code());
                    ps.setString(2, p.name());
                    ps.setDouble(3, p.latitude());
                    ps.setDouble(4, p.longitude());
                });
        jdbc.batchUpdate("""
                INSERT INTO organization (id, name, description, email, phone, website, kind, version,
                                          created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, 'demo', ?, 'demo')
                """, municipality.organizations(), BATCH, (ps, o) -> {
                    ps.setObject(1, o.id());
                    ps.setString(2, o.name());
                    ps.setString(3, o.description());
                    ps.setString(4, o.email());
                    ps.setString(5, o.phone());
                    ps.setString(6, o.website());
                    ps.setString(7, o.kind().name());
                    ps.setTimestamp(8, now);
                    ps.setTimestamp(9, now);
                });
        jdbc.batchUpdate("""
                INSERT INTO location (id, organization_id, name, address, postal_code, city, district, latitude,
                                      longitude, wheelchair_access, hearing_loop, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                """, municipality.locations(), BATCH, (ps, l) -> {
                    ps.setObject(1, l.id());
                    ps.setObject(2, l.organizationId());
                    ps.setString(3, l.name());
                    ps.setString(4, l.address());
                    ps.setString(5, l.postcode().code());
                    ps.setString(6, l.postcode().name());
                    ps.setString(7, l.postcode().district());
                    ps.setDouble(8, l.latitude());
                    ps.setDouble(9, l.longitude());
                    ps.setBoolean(10, l.wheelchair());
                    ps.setBoolean(11, l.hearingLoop());
                });
        jdbc.batchUpdate("""
                INSERT INTO offer (id, organization_id, location_id, name, description, status, support_level,
                                   accompaniment, min_age, max_age, free_of_charge, cost_description,
                                   transport_offered, transport_note, languages, places_left, waitlist, contact_name,
                                   contact_email, contact_phone, url, assured_date, version, created_at, created_by,
                                   updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, NULL, ?, 0, ?, 'demo', ?, 'demo')
                """, municipality.offers(), BATCH, (ps, o) -> {
                    ps.setObject(1, o.id());
                    ps.setObject(2, o.organizationId());
                    ps.setObject(3, o.locationId());
                    ps.setString(4, o.name());
                    ps.setString(5, o.description());
                    ps.setString(6, o.status().name());
                    ps.setString(7, o.level().name());
                    ps.setBoolean(8, o.accompaniment());
                    ps.setObject(9, o.minAge());
                    ps.setObject(10, o.maxAge());
                    ps.setBoolean(11, o.free());
                    ps.setString(12, o.cost());
                    ps.setBoolean(13, o.transport());
                    ps.setString(14, o.languages());
                    ps.setObject(15, o.placesLeft());
                    ps.setBoolean(16, o.waitlist());
                    ps.setString(17, o.contactName());
                    ps.setString(18, o.contactEmail());
                    ps.setString(19, o.contactPhone());
                    ps.setDate(20, Date.valueOf(o.assuredDate()));
                    ps.setTimestamp(21, lastChanged(o, now));
                    ps.setTimestamp(22, lastChanged(o, now));
                });
        List<Object[]> terms = new ArrayList<>();
        List<Object[]> schedules = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        for (GeneratedOffer offer : municipality.offers()) {
            offer.categoryCodes().forEach(code -> terms.add(new Object[] {offer.id(), term(TaxonomyTerm.CATEGORY, code)}));
            offer.targetGroupCodes()
                    .forEach(code -> terms.add(new Object[] {offer.id(), term(TaxonomyTerm.TARGET_GROUP, code)}));
            for (int i = 0; i < offer.schedules().size(); i++) {
                var s = offer.schedules().get(i);
                schedules.add(new Object[] {offer.id(), i, s.weekday().name(), Time.valueOf(s.opensAt()),
                        Time.valueOf(s.closesAt()), s.weekInterval()});
            }
            history.add(new Object[] {offer.id(), lastChanged(offer, now)});
        }
        jdbc.batchUpdate("INSERT INTO offer_term (offer_id, term_id) VALUES (?, ?)", terms);
        jdbc.batchUpdate("""
                INSERT INTO offer_schedule (offer_id, position, weekday, opens_at, closes_at, week_interval)
                VALUES (?, ?, ?, ?, ?, ?)
                """, schedules);
        jdbc.batchUpdate("""
                INSERT INTO offer_change (offer_id, changed_at, changed_by, kind, details)
                VALUES (?, ?, 'demo', 'DEMO', '[]')
                """, history);
    }

    /**
     * When a demo offer was last changed, so {@code modified_after} in the HSDS API and the history have
     * something to show: on the day it was last confirmed or up to 60 days before, in working hours, never
     * after now. Worked out from the offer's seeded id, so the same seed gives the same dates.
     */
    static Timestamp lastChanged(GeneratedOffer offer, Timestamp now) {
        long bits = offer.id().getLeastSignificantBits() & Long.MAX_VALUE;
        var day = offer.assuredDate().minusDays(bits % 3 == 0 ? (bits >>> 8) % 61 : 0);
        var changed = day.atTime(8, 0).plusMinutes((bits >>> 20) % (11 * 60))
                .atZone(DanishTime.ZONE).toInstant();
        return changed.isAfter(now.toInstant()) ? now : Timestamp.from(changed);
    }

    private Object term(String taxonomyName, String code) {
        return taxonomy.byCode(taxonomyName, code)
                .orElseThrow(() -> new IllegalStateException("Unknown taxonomy term " + taxonomyName + "/" + code))
                .id();
    }
}
