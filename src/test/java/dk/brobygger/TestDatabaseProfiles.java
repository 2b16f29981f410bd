package dk.brobygger;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Runs the same suite on H2 (default) or PostgreSQL: set {@code BROBYGGER_TEST_DB=postgres}
 * (or {@code -Dbrobygger.test.db=postgres}). The PostgreSQL database is taken from
 * {@code BROBYGGER_TEST_DB_URL}, default {@code jdbc:postgresql://localhost:5432/brobygger_test}.
 */
public class TestDatabaseProfiles implements ActiveProfilesResolver {

    public static boolean postgres() {
        String value = System.getProperty("brobygger.test.db", System.getenv("BROBYGGER_TEST_DB"));
        return "postgres".equalsIgnoreCase(value);
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        return postgres() ? new String[] {"test", "postgres", "test-postgres"} : new String[] {"test"};
    }
}
