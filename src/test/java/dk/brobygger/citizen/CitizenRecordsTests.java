package dk.brobygger.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** The one gate: need-to-know, audit with the module's purpose, consent before sharing, and subjects without identity. */
@BrobyggerTest
class CitizenRecordsTests {

    @Autowired CitizenRecords records;
    @Autowired Consents consents;
    @Autowired TestCitizens citizens;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;

    CitizenId karen;

    @BeforeEach
    void aCitizenTheNurseWorksWith() {
        citizens.reset();
        karen = new CitizenId(citizens.registered("150551-1234", "Karen Jensen", "hjemmebesog"));
    }

    @AfterEach
    void loggedOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void sharingWithAnAssociationWithoutConsentIsRefusedInDanishAndTheRefusalIsAudited() {
        loggedInAs("hjemmebesog");

        assertThatThrownBy(() -> inTransaction(() -> records.share(karen, ConsentParty.ASSOCIATION,
                "Røde Kors Fjordlund", "Henviste borgeren til besøgsvenner")))
                .isInstanceOfSatisfying(ConsentMissingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("consent.missing.ASSOCIATION"));

        assertThat(lastRecord()).isEqualTo("SHARE REFUSED Henviste borgeren til besøgsvenner "
                + "(delt med Røde Kors Fjordlund) uden samtykke");
    }

    @Test
    void sharingUnderAConsentThatCoversThePartyIsAuditedAsShared() {
        loggedInAs("hjemmebesog");
        inTransaction(() -> consents.record(karen, new Consents.Grant(ConsentParty.ASSOCIATION,
                "Røde Kors Fjordlund", "Besøgsven", LocalDate.now().minusDays(1), null)));

        inTransaction(() -> records.share(karen, ConsentParty.ASSOCIATION, "Røde Kors Fjordlund",
                "Henviste borgeren til besøgsvenner"));

        assertThat(lastRecord()).isEqualTo("SHARE GRANTED Henviste borgeren til besøgsvenner (delt med Røde Kors Fjordlund)");
        assertThatThrownBy(() -> inTransaction(() -> records.share(karen, ConsentParty.ASSOCIATION, "Ældre Sagen",
                "Henviste borgeren til en anden forening")))
                .as("the consent names another association").isInstanceOf(ConsentMissingException.class);
    }

    @Test
    void someoneWithoutARelationCannotShareEvenUnderConsent() {
        loggedInAs("hjemmebesog");
        inTransaction(() -> consents.record(karen, new Consents.Grant(ConsentParty.GP, null, "Egen læge",
                LocalDate.now().minusDays(1), null)));
        loggedInAs("faellesteam");

        assertThatThrownBy(() -> inTransaction(() -> records.share(karen, ConsentParty.GP, null, "Sendte til egen læge")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(lastRecord()).isEqualTo("SHARE REFUSED Sendte til egen læge (delt med egen læge)");
    }

    @Test
    void aRefusedReadIsAuditedWithTheModulesOwnPurpose() {
        loggedInAs("faellesteam");

        assertThatThrownBy(() -> inTransaction(() -> records.read(karen, "Så borgerens sygehusforløb")))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(lastRecord()).isEqualTo("READ REFUSED Så borgerens sygehusforløb");
    }

    @Test
    void anAnonymousSubjectNeverEntersTheRegisterOrACitizensAuditTrail() {
        loggedInAs("faellesteam");
        long citizensBefore = count("SELECT COUNT(*) FROM citizen");
        long trailsBefore = count("SELECT COUNT(*) FROM audit_record WHERE citizen_id IS NOT NULL");
        var caller = AnonymousSubject.random();

        inTransaction(() -> records.access(caller, AuditAction.CREATE, "Anonym opringning til akuttelefonen"));

        assertThat(count("SELECT COUNT(*) FROM citizen")).isEqualTo(citizensBefore);
        assertThat(count("SELECT COUNT(*) FROM audit_record WHERE citizen_id IS NOT NULL")).isEqualTo(trailsBefore);
        assertThat(jdbc.sql("SELECT purpose FROM audit_record ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .query(String.class).single())
                .isEqualTo("Anonym opringning til akuttelefonen (anonym " + caller.value() + ")");
    }

    @Test
    void onlyStaffWorkWithAnonymousSubjects() {
        loggedInAs("borger");

        assertThatThrownBy(() -> inTransaction(() -> records.access(AnonymousSubject.random(), AuditAction.READ,
                "Så en anonym kontakt"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aCitizenSubjectPassesTheSameNeedToKnowAsTheRecord() {
        loggedInAs("faellesteam");
        assertThatThrownBy(() -> inTransaction(() -> records.access(karen, AuditAction.UPDATE, "Skrev et notat")))
                .isInstanceOf(AccessDeniedException.class);
        loggedInAs("hjemmebesog");
        inTransaction(() -> records.access(karen, AuditAction.UPDATE, "Skrev et notat"));
        assertThat(lastRecord()).isEqualTo("UPDATE GRANTED Skrev et notat");
    }

    private String lastRecord() {
        return jdbc.sql("""
                SELECT action || ' ' || outcome || ' ' || purpose FROM audit_record
                 WHERE citizen_id = :citizen ORDER BY id DESC FETCH FIRST 1 ROWS ONLY
                """).param("citizen", karen.value()).query(String.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private void inTransaction(Runnable work) {
        transaction.executeWithoutResult(status -> work.run());
    }

    private void loggedInAs(String username) {
        var user = users.find(username).orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
    }
}
