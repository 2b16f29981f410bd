package dk.brobygger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/** Danish first, English second: every text exists in both languages. */
class MessageBundlesTests {

    @ParameterizedTest
    @ValueSource(strings = {"messages", "editorial", "card", "importing", "citizen", "audit", "outcome", "visit", "statistics", "hospital", "users", "mydata", "homevisit", "interop", "start", "referral"})
    void everyDanishTextHasAnEnglishOneAndBackAgain(String bundle) throws IOException {
        var danish = new ClassPathResource("i18n/" + bundle + ".properties");
        var english = new ClassPathResource("i18n/" + bundle + "_en.properties");
        if (!danish.exists() && !english.exists()) {
            return; // a module without texts of its own
        }
        Set<String> danishKeys = keys(danish);
        Set<String> englishKeys = keys(english);

        assertThat(englishKeys).as("keys missing in %s_en", bundle).containsAll(danishKeys);
        assertThat(danishKeys).as("keys missing in Danish %s", bundle).containsAll(englishKeys);
    }

    private static Set<String> keys(ClassPathResource resource) throws IOException {
        var properties = new Properties();
        try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
