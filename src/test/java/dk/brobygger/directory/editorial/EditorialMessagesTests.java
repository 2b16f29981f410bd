package dk.brobygger.directory.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The editorial pages speak Danish and English with the same words for the same things. */
class EditorialMessagesTests {

    static Properties bundle(String name) throws IOException {
        var properties = new Properties();
        try (var in = EditorialMessagesTests.class.getResourceAsStream("/i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void danishAndEnglishHaveTheSameMessages() throws IOException {
        var danish = bundle("editorial.properties");
        var english = bundle("editorial_en.properties");

        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(danish.stringPropertyNames());
        assertThat(danish.getProperty("editorial.proposal.waiting")).startsWith("Dit forslag afventer godkendelse");
    }
}
