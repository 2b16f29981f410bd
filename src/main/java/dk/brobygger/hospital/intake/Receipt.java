package dk.brobygger.hospital.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What the intake made of one message: the answer the sender gets. */
sealed interface Receipt {

    /** Applied: the timeline changed; {@code warnings} (Danish) name the consistency checks that did not hold. */
    record Accepted(UUID message, String code, List<String> warnings) implements Receipt {
    }

    /** The same message was accepted before; nothing changed this time. */
    record AlreadyReceived(String messageId, Instant receivedAt) implements Receipt {
    }

    /** Not applied; kept for an administrator as {@code quarantined}. */
    record Rejected(UUID quarantined, Rejection.Reason reason, Object[] arguments, @Nullable String code)
            implements Receipt {
    }
}
