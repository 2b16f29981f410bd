package dk.brobygger.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The texts are found whichever thread asks first: a statistics count in a pool thread, whose context class loader
 * sees only the JDK, once left the Danish table empty for good (every funnel page then failed).
 */
class MessagesTests {

    static final String[] BASENAMES = {"i18n/messages", "i18n/statistics", "i18n/course"};

    @Test
    void aThreadThatCannotSeeTheApplicationStillFindsTheTextsAndLeavesThemForEveryoneElse() throws Exception {
        MessageSource messages = new MessagesConfiguration().messageSource(BASENAMES, "UTF-8");
        // What the application context does after making the bean: lend a loader that falls back to the asking
        // thread's class loader.
        ((org.springframework.context.ResourceLoaderAware) messages).setResourceLoader(new DefaultResourceLoader(null));
        var found = new AtomicReference<String>();
        var pool = new Thread(() -> found.set(messages.getMessage("stats.referral.total", null, "?", Locale.of("da"))));
        pool.setContextClassLoader(new URLClassLoader(new URL[0], null));
        pool.start();
        pool.join();
        assertThat(found.get()).isEqualTo("I alt");
        assertThat(messages.getMessage("stats.referral.total", null, Locale.of("da"))).isEqualTo("I alt");
        assertThat(messages.getMessage("stats.referral.total", null, Locale.ENGLISH)).isEqualTo("Total");
    }

    @Test
    void textsAreFoundInTheirOwnBundlesAndArgumentsAreFormatted() {
        MessageSource messages = new MessagesConfiguration().messageSource(BASENAMES, "UTF-8");
        assertThat(messages.getMessage("course.contact.page.title", null, Locale.of("da"))).isEqualTo("Ret en kontakt");
        assertThat(messages.getMessage("course.measure.back", new Object[] {"CTI"}, Locale.of("da")))
                .isEqualTo("Tilbage til forløbet (CTI)");
    }
}
