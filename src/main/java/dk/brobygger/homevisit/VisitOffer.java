package dk.brobygger.homevisit;

import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;

import org.jspecify.annotations.Nullable;

/**
 * Tilbud om forebyggende hjemmebesøg (DOMAIN.md §1): citizen, the rule it was offered under, date
 * offered, channel, accepted or declined, date held, who held it.
 */
public record VisitOffer(UUID id, CitizenId citizen, int year, String rule, LocalDate offeredOn,
        OfferChannel channel, @Nullable Answer answer, @Nullable LocalDate answeredOn, @Nullable LocalDate heldOn,
        @Nullable String heldBy, String recordedBy, long version) {

    /** The citizen's answer. */
    public enum Answer {
        ACCEPTED, DECLINED
    }

    public OfferStatus status() {
        if (heldOn != null) {
            return OfferStatus.HELD;
        }
        if (answer == null) {
            return OfferStatus.OFFERED;
        }
        return answer == Answer.ACCEPTED ? OfferStatus.ACCEPTED : OfferStatus.DECLINED;
    }
}
