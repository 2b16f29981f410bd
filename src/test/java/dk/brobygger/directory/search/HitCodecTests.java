package dk.brobygger.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import dk.brobygger.directory.OfferHit;
import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.WeeklySchedule;

import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** A result-list entry read back from the index is the offer as it was indexed. */
class HitCodecTests {

    static final UUID ID = UUID.fromString("3f2c1d9e-8b7a-4c6d-9e0f-1a2b3c4d5e6f");

    @Test
    void everythingTheResultListShowsComesBackUnchanged() {
        var seasonal = new WeeklySchedule(DayOfWeek.WEDNESDAY, LocalTime.of(18, 30), LocalTime.of(21, 0), 2,
                LocalDate.of(2026, 9, 1), LocalDate.of(2027, 5, 31));
        var weekly = WeeklySchedule.weekly(DayOfWeek.SATURDAY, LocalTime.of(9, 15, 30), LocalTime.of(11, 0));
        var offer = new IndexedOffer(ID, "Æblehaven – fællesspisning 🍎", "lang beskrivelse", UUID.randomUUID(),
                "Ældre Sagen Fjordlund", OfferStatus.TEMPORARILY_CLOSED, SupportLevel.MUNICIPAL_FRAME, true, true,
                false, true, "ØST", "Søndergade 7, 1. th.", "7130", "Strandby", 55.73, 9.62, LocalDate.of(2026, 3, 14),
                List.of("faellesspisning"), List.of("seniorer"), List.of("Fællesspisning"), List.of(seasonal, weekly));

        OfferHit hit = HitCodec.decode(new BytesRef(HitCodec.encode(offer, "Vi spiser sammen.")), null);

        assertThat(hit).isEqualTo(new OfferHit(ID, "Æblehaven – fællesspisning 🍎", "Ældre Sagen Fjordlund",
                "Vi spiser sammen.", "ØST", "Søndergade 7, 1. th.", "7130", "Strandby", SupportLevel.MUNICIPAL_FRAME,
                OfferStatus.TEMPORARILY_CLOSED, true, true, false, true, List.of(seasonal, weekly),
                LocalDate.of(2026, 3, 14), null));
    }

    @Test
    void theDistanceIsMeasuredFromTheOriginGiven() {
        var offer = new IndexedOffer(ID, "Gåtur", "", UUID.randomUUID(), "Klub", OfferStatus.ACTIVE,
                SupportLevel.SELF_RELIANT, false, false, false, false, "VEST", "Vej 1", "7100", "Fjordlund", 55.7090,
                9.5360, LocalDate.of(2026, 1, 1), List.of(), List.of(), List.of(), List.of());
        byte[] encoded = HitCodec.encode(offer, "");

        assertThat(HitCodec.decode(new BytesRef(encoded), new double[] {55.7090, 9.5360}).distanceKm()).isZero();
        assertThat(HitCodec.decode(new BytesRef(encoded), new double[] {55.7180, 9.5360}).distanceKm())
                .isBetween(0.99, 1.01);
    }
}
