package dk.brobygger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dk.brobygger.access.Role;

import org.junit.jupiter.api.Test;

/** An audit entry always fits its record, whatever text the request carried. */
class AuditEntryTests {

    @Test
    void aPurposeLongerThanItsColumnIsCutToFitAndMarked() {
        var entry = AuditEntry.granted("hjemmebesog", Role.STAFF, null, UUID.randomUUID(), AuditAction.READ,
                "Brød glasset: " + "akut ".repeat(400), "10.0.0.1");

        assertThat(entry.purpose()).hasSize(AuditEntry.MAX_PURPOSE).startsWith("Brød glasset: akut").endsWith("…");
    }

    @Test
    void aClientAddressTeamAndUserNameLongerThanTheirColumnsAreCutToFit() {
        var entry = AuditEntry.granted("u".repeat(300), Role.STAFF, "t".repeat(300), null, AuditAction.SEARCH,
                "Søgte", "203.0.113.9, ".repeat(40)).refused();

        assertThat(entry.username()).hasSize(AuditEntry.MAX_NAME).endsWith("…");
        assertThat(entry.team()).hasSize(AuditEntry.MAX_NAME);
        assertThat(entry.clientAddress()).hasSize(AuditEntry.MAX_CLIENT_ADDRESS).startsWith("203.0.113.9, ");
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.REFUSED);
    }

    @Test
    void textThatFitsIsKeptAsItIsAndACutNeverSplitsACharacter() {
        assertThat(AuditEntry.fitted("Så borgeren", 1000)).isEqualTo("Så borgeren");
        assertThat(AuditEntry.fitted("x".repeat(1000), 1000)).hasSize(1000).doesNotContain("…");

        assertThat(AuditEntry.fitted("a" + "😀".repeat(10), 4)).isEqualTo("a😀…");
        assertThat(AuditEntry.fitted("a" + "😀".repeat(10), 3)).isEqualTo("a…");
        assertThat(AuditEntry.fitted("ØST\0", 100)).isEqualTo("ØST\uFFFD");
    }
}
