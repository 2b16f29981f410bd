package dk.brobygger.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.access.Role;
import dk.brobygger.access.Users;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first administrator in production comes from BROBYGGER_BOOTSTRAP_ADMIN_USERNAME (and _PASSWORD_HASH), made
 * at start only while no enabled administrator exists, and never changing a user that exists. Each test runs in
 * a transaction that is rolled back; the demo administrators are switched off in it, as in an empty production.
 */
@BrobyggerTest
@Transactional
class FirstAdministratorTests {

    @Autowired UserAdministration administration;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void noEnabledAdministrator() {
        jdbc.sql("""
                UPDATE app_user SET enabled = FALSE
                 WHERE username IN (SELECT username FROM app_user_role WHERE role = 'ADMIN')
                """).update();
    }

    @Test
    void theFirstStartMakesTheAdministratorAndTheNextStartChangesNothing() throws Exception {
        start("driftsadmin", "{noop}hemmelig");

        var admin = users.find("driftsadmin").orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.isEnabled()).isTrue();
        assertThat(admin.getPassword()).isEqualTo("{noop}hemmelig");
        assertThat(jdbc.sql("SELECT changed_by FROM app_user_change WHERE username = 'driftsadmin' AND kind = 'CREATED'")
                .query(String.class).single()).isEqualTo(FirstAdministrator.BY);

        // Next start, the setting still there but with another hash: an administrator exists, nothing changes.
        start("driftsadmin", "{noop}andet");
        assertThat(users.find("driftsadmin").orElseThrow().getPassword()).isEqualTo("{noop}hemmelig");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user_change WHERE username = 'driftsadmin'")
                .query(Long.class).single()).isEqualTo(2);
        // Nor is another name made an administrator while one exists.
        start("endnu-en-admin", "{noop}x");
        assertThat(users.find("endnu-en-admin")).isEmpty();
    }

    @Test
    void withOpenIdConnectTheNameAloneMakesAnAdministratorWithoutPassword() throws Exception {
        start("anne@kommune.dk", "");

        var admin = users.find("anne@kommune.dk").orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.getPassword()).isNull();
    }

    @Test
    void anExistingUserOfThatNameIsNeverChanged() throws Exception {
        users.save("eksisterende", "Eva Eksisterende", "{noop}hendes", EnumSet.of(Role.STAFF), null);

        start("eksisterende", "{noop}overtag");

        var user = users.find("eksisterende").orElseThrow();
        assertThat(user.roles()).containsExactly(Role.STAFF);
        assertThat(user.getPassword()).isEqualTo("{noop}hendes");
    }

    @Test
    void withoutTheSettingNothingIsMade() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
        start("", "");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aPasswordThatIsNotAHashStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> start("driftsadmin", "hemmelig"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BROBYGGER_BOOTSTRAP_ADMIN_PASSWORD_HASH");
    }

    /** An application start with these settings. */
    private void start(String username, String passwordHash) throws Exception {
        new FirstAdministrator(username, passwordHash, "Administrator", administration, jdbc)
                .run(new DefaultApplicationArguments());
    }
}
