package dk.brobygger.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.Executors;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A logged-in user is read again on every request, but at most every few seconds from the database; a
 * change made through the application is seen at once, one made past it within the refresh time.
 */
@BrobyggerTest
class RecentUsersTests {

    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    /** Its own instance, so what it keeps is this test's alone; an hour, so nothing expires during the test. */
    JdbcUsers users() {
        return new JdbcUsers(jdbc, Duration.ofHours(1));
    }

    @Test
    void keepsTheUserItReadUntilTheRefreshTime() {
        var users = users();
        String username = newUser(users, "Rita Recent");
        assertThat(users.findRecent(username)).map(BrobyggerUser::displayName).hasValue("Rita Recent");

        rename(username, "Rita Direkte");

        assertThat(users.findRecent(username)).map(BrobyggerUser::displayName).hasValue("Rita Recent");
        assertThat(users.find(username)).map(BrobyggerUser::displayName).hasValue("Rita Direkte");
    }

    @Test
    void aChangeThroughTheApplicationIsSeenAtOnce() {
        var users = users();
        String username = newUser(users, "Rune Rolle");
        assertThat(users.findRecent(username)).map(BrobyggerUser::roles).hasValue(EnumSet.of(Role.STAFF));

        users.save(username, "Rune Rolle", null, EnumSet.of(Role.STAFF, Role.MANAGER), null);

        assertThat(users.findRecent(username)).map(BrobyggerUser::roles).hasValue(EnumSet.of(Role.STAFF, Role.MANAGER));
    }

    @Test
    void aReadWhileTheChangeIsUncommittedIsForgottenWhenItCommits() throws Exception {
        var users = users();
        String username = newUser(users, "Vera Venter");
        try (var other = Executors.newSingleThreadExecutor()) {
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                rename(username, "Vera Vendt");
                users.changed(username);
                // Another request reads the committed (old) user in the meantime and keeps it.
                var meanwhile = other.submit(() -> users.findRecent(username));
                try {
                    assertThat(meanwhile.get()).map(BrobyggerUser::displayName).hasValue("Vera Venter");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
        }

        assertThat(users.findRecent(username)).map(BrobyggerUser::displayName).hasValue("Vera Vendt");
    }

    @Test
    void aDisabledUserIsNotKeptAsEnabled() {
        var users = users();
        String username = newUser(users, "Sofus Spærret");
        assertThat(users.findRecent(username)).map(BrobyggerUser::isEnabled).hasValue(true);

        jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE username = :username").param("username", username).update();
        users.changed(username);

        assertThat(users.findRecent(username)).map(BrobyggerUser::isEnabled).hasValue(false);
    }

    @Test
    void aCitizenWhoseRecordExpiredIsNotKeptAsEnabled() {
        var users = users();
        String username = newUser(users, "Bodil Borger");
        UUID citizen = UUID.randomUUID();
        jdbc.sql("UPDATE app_user SET citizen_id = :citizen WHERE username = :username").param("citizen", citizen)
                .param("username", username).update();
        assertThat(users.findRecent(username)).map(BrobyggerUser::isEnabled).hasValue(true);

        users.forgetCitizen(citizen, "Anonymiseret borger");

        assertThat(users.findRecent(username)).map(BrobyggerUser::isEnabled).hasValue(false);
    }

    private String newUser(JdbcUsers users, String displayName) {
        String username = "recent-" + UUID.randomUUID().toString().substring(0, 8);
        users.save(username, displayName, null, EnumSet.of(Role.STAFF), null);
        return username;
    }

    private void rename(String username, String displayName) {
        jdbc.sql("UPDATE app_user SET display_name = :name WHERE username = :username").param("name", displayName)
                .param("username", username).update();
    }
}
