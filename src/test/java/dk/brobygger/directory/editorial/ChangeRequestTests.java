package dk.brobygger.directory.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import dk.brobygger.shared.DomainException;

import org.junit.jupiter.api.Test;

/** A proposal is decided once, and a rejection always says why. */
class ChangeRequestTests {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    ChangeRequest proposal() {
        return ChangeRequest.submit(ChangeRequest.Subject.OFFER, UUID.randomUUID(), UUID.randomUUID(), 3L, "{}",
                "Strikkeklubben", "forening", NOW);
    }

    @Test
    void aNewProposalWaitsForModeration() {
        var request = proposal();

        assertThat(request.status()).isEqualTo(ChangeRequest.Status.PENDING);
        assertThat(request.baseVersion()).isEqualTo(3L);
        assertThat(request.submittedBy()).isEqualTo("forening");
    }

    @Test
    void anApprovedProposalCannotBeApprovedOrRejectedAgain() {
        var request = proposal();
        request.approve("redaktoer", NOW);

        assertThatThrownBy(() -> request.approve("admin", NOW)).isInstanceOf(DomainException.class)
                .hasMessage("editorial.request.alreadyDecided");
        assertThatThrownBy(() -> request.reject("For sent", "admin", NOW)).isInstanceOf(DomainException.class);
        assertThat(request.status()).isEqualTo(ChangeRequest.Status.APPROVED);
        assertThat(request.decidedBy()).isEqualTo("redaktoer");
    }

    @Test
    void aRejectedProposalCannotBeApprovedAfterwards() {
        var request = proposal();
        request.reject("Navnet er allerede i brug", "redaktoer", NOW);

        assertThatThrownBy(() -> request.approve("admin", NOW)).isInstanceOf(DomainException.class);
        assertThat(request.status()).isEqualTo(ChangeRequest.Status.REJECTED);
        assertThat(request.decisionReason()).isEqualTo("Navnet er allerede i brug");
    }

    @Test
    void aRejectionWithoutAReasonIsRefused() {
        var request = proposal();

        assertThatThrownBy(() -> request.reject("   ", "redaktoer", NOW)).isInstanceOf(DomainException.class)
                .hasMessage("editorial.reject.reason.required");
        assertThat(request.isPending()).isTrue();
    }

    @Test
    void aChangeToAnOfferNamesTheVersionItChanges() {
        assertThatThrownBy(() -> ChangeRequest.submit(ChangeRequest.Subject.OFFER, UUID.randomUUID(),
                UUID.randomUUID(), null, "{}", "Strik", "forening", NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
