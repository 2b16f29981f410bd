package dk.brobygger.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.access.NeedToKnow;
import dk.brobygger.access.Relations;
import dk.brobygger.access.Users;
import dk.brobygger.shared.WorkRef;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** Work opens access: the work names its relation, and ending the work ends exactly that one, always audited. */
@BrobyggerTest
class CitizenWorkTests {

    @Autowired CitizenWork work;
    @Autowired NeedToKnow needToKnow;
    @Autowired Relations relations;
    @Autowired Users users;
    @Autowired TestCitizens citizens;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;

    CitizenId karen;

    @BeforeEach
    void aCitizenNobodyInTheFaellesteamWorksWith() {
        citizens.reset();
        jdbc.sql("DELETE FROM citizen_relation").update();
        karen = new CitizenId(citizens.registered("150551-1234", "Karen Jensen", "hjemmebesog"));
    }

    @AfterEach
    void loggedOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void startingWorkLetsTheTeamSeeTheCitizenAndEndingItEndsOnlyThatWorksRelation() {
        loggedInAs("faellesteam");
        var first = WorkRef.of("test.bridge", UUID.randomUUID());
        var second = WorkRef.of("test.bridge", UUID.randomUUID());
        transaction.executeWithoutResult(status -> {
            work.startForTeam(karen, "faellesteam", first, "Brobygning");
            work.startForTeam(karen, "faellesteam", second, "Brobygning igen");
        });
        assertThat(maySee("faellesteam")).isTrue();

        var ended = transaction.execute(status -> work.end(first, "Brobygningen sluttede"));

        assertThat(ended).singleElement().satisfies(relation -> assertThat(relation.work()).isEqualTo(first));
        assertThat(relations.ofWork(second)).hasSize(1);
        assertThat(maySee("faellesteam")).as("the second work still holds its relation").isTrue();
        transaction.executeWithoutResult(status -> work.end(second, "Brobygningen sluttede"));
        assertThat(maySee("faellesteam")).isFalse();
    }

    @Test
    void workEndedByTheSystemIsAuditedAsTheSystem() {
        loggedInAs("faellesteam");
        var bridge = WorkRef.of("test.bridge", UUID.randomUUID());
        transaction.executeWithoutResult(status -> work.startForTeam(karen, "faellesteam", bridge, "Brobygning"));
        SecurityContextHolder.clearContext();

        transaction.executeWithoutResult(status -> work.end(bridge, "Tilbuddet lukkede"));

        assertThat(jdbc.sql("""
                SELECT username || ' ' || user_role || ' ' || purpose FROM audit_record
                 WHERE citizen_id = :citizen ORDER BY id DESC FETCH FIRST 1 ROWS ONLY
                """).param("citizen", karen.value()).query(String.class).single())
                .isEqualTo("system SYSTEM Tilbuddet lukkede (teamet faellesteams tilknytning afsluttet)");
        assertThat(relations.relationsTo(karen.value())).filteredOn(r -> bridge.equals(r.work()))
                .singleElement().satisfies(relation -> assertThat(relation.endedBy()).isEqualTo("system"));
    }

    @Test
    void workIsTakenOnOnlyForOnesOwnTeamAndTheRefusalIsAudited() {
        loggedInAs("faellesteam");
        long refusalsBefore = refusals();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> work.startForTeam(karen,
                "forebyggende-hjemmebesoeg", WorkRef.of("test.bridge", UUID.randomUUID()), "Brobygning")))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(refusals()).isEqualTo(refusalsBefore + 1);
        assertThat(maySee("hjemmebesog")).as("registered her").isTrue();
        assertThat(relations.relationsTo(karen.value())).hasSize(1);
    }

    @Test
    void aScopedRelationShowsOnlyItsScopeNotTheWholeCitizen() {
        loggedInAs("hjemmebesog");
        var referral = WorkRef.of("test.referral", UUID.randomUUID());
        transaction.executeWithoutResult(status -> work.startForPerson(karen, "faellesteam", referral,
                "henvisning", "Frivillig på en henvisning"));

        var volunteer = users.find("faellesteam").orElseThrow();
        assertThat(needToKnow.maySee(volunteer, karen.value())).isFalse();
        assertThat(needToKnow.maySee(volunteer, karen.value(), "henvisning")).isTrue();
        assertThat(needToKnow.maySee(volunteer, karen.value(), "plan")).isFalse();
    }

    private boolean maySee(String username) {
        return needToKnow.maySee(users.find(username).orElseThrow(), karen.value());
    }

    private long refusals() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE citizen_id = :citizen AND outcome = 'REFUSED'")
                .param("citizen", karen.value()).query(Long.class).single();
    }

    private void loggedInAs(String username) {
        var user = users.find(username).orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, java.util.List.of()));
    }
}
