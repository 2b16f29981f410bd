package dk.brobygger.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.access.Users;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The one policy for a list of citizens chosen by a rule (the due list, the outreach list, and those to
 * come): the configured teams' staff and managers see it, everyone else is refused, and every listing and
 * refusal is in the audit log with the user's team.
 */
@BrobyggerTest
class RuleChosenListTests {

    @Autowired RuleChosenLists lists;
    @Autowired Users users;
    @Autowired TestCitizens citizens;
    @Autowired JdbcClient jdbc;

    RuleChosenList bridging;

    @BeforeEach
    void aListForTheFaellesteam() {
        citizens.reset();
        bridging = lists.of("the bridging list", List.of("faellesteam"));
    }

    @AfterEach
    void loggedOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theTeamsStaffSeeTheListAndTheListingIsAuditedWithTheirTeam() {
        loggedInAs("faellesteam");
        bridging.checkMayList("Så brobygningslisten");
        bridging.listed("Så brobygningslisten (3 borgere)");

        assertThat(lastListing()).isEqualTo("faellesteam faellesteam GRANTED Så brobygningslisten (3 borgere)");
        assertThat(bridging.members()).contains("faellesteam").doesNotContain("akut");
    }

    @Test
    void aManagerSeesTheListToPlanTheWork() {
        loggedInAs("leder");
        assertThat(bridging.checkMayList("Så brobygningslisten").username()).isEqualTo("leder");
    }

    @Test
    void staffOfAnotherTeamAreRefusedAndTheRefusalIsAudited() {
        loggedInAs("akut");
        assertThatThrownBy(() -> bridging.checkMayList("Så brobygningslisten"))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(lastListing()).isEqualTo("akut - REFUSED Så brobygningslisten");
    }

    @Test
    void recordsCreatedFromTheListsRuleAreAuditedOnEachCitizen() {
        var karen = new CitizenId(citizens.registered("150551-1234", "Karen Jensen", "hjemmebesog"));
        var ole = new CitizenId(citizens.registered("020345-1235", "Ole Olsen", "hjemmebesog"));
        loggedInAs("faellesteam");

        bridging.created(List.of(karen, ole), "Importerede en livsbegivenhed");

        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_record WHERE action = 'CREATE' AND team = 'faellesteam'
                   AND purpose = 'Importerede en livsbegivenhed' AND citizen_id IN (:ids)
                """).param("ids", List.of(karen.value(), ole.value())).query(Long.class).single()).isEqualTo(2);
    }

    String lastListing() {
        return jdbc.sql("""
                SELECT username || ' ' || COALESCE(team, '-') || ' ' || outcome || ' ' || purpose FROM audit_record
                 WHERE action = 'LIST' ORDER BY id DESC FETCH FIRST 1 ROWS ONLY
                """).query(String.class).single();
    }

    private void loggedInAs(String username) {
        var user = users.find(username).orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
    }
}
