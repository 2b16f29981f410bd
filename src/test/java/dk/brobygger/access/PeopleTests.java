package dk.brobygger.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import dk.brobygger.BrobyggerTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;

/** A person who did something is named by their display name, never by their user name. */
@BrobyggerTest
class PeopleTests {

    @Autowired People people;

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aUserIsNamedByTheirDisplayName() {
        assertThat(people.name("hjemmebesog")).isEqualTo("Hanne Hjemmebesøg");
    }

    @Test
    void anUnknownUserReadsAsTheUserNameAndNoUserAsNothing() {
        assertThat(people.name("ukendt-bruger")).isEqualTo("ukendt-bruger");
        assertThat(people.name(null)).isEmpty();
        assertThat(people.name(" ")).isEmpty();
    }

    @Test
    void theAutomaticUserReadsAsBrobyggerItself() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("da"));
        assertThat(people.name("system")).isEqualTo("Brobygger (automatisk)");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(people.name("system")).isEqualTo("Brobygger (automatic)");
    }
}
