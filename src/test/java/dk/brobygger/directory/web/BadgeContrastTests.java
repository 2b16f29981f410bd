package dk.brobygger.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** "Midlertidigt lukket" must be readable: its badge meets WCAG AA contrast (4.5:1) for normal text. */
class BadgeContrastTests {

    @Test
    void theTemporarilyClosedBadgeHasAaContrast() throws IOException {
        String css;
        try (InputStream in = getClass().getResourceAsStream("/static/css/brobygger.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher rule = Pattern.compile("\\.brobygger-badge-warning\\s*\\{([^}]*)}").matcher(css);
        assertThat(rule.find()).as("the warning badge rule").isTrue();
        String text = colour(rule.group(1), "color");
        String background = colour(rule.group(1), "background");
        assertThat(contrast(text, background)).isGreaterThanOrEqualTo(4.5);
    }

    private static String colour(String declarations, String property) {
        Matcher m = Pattern.compile("(?:^|[;\\s])" + property + "\\s*:\\s*(#[0-9a-fA-F]{6})").matcher(declarations);
        assertThat(m.find()).as(property + " in " + declarations).isTrue();
        return m.group(1);
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
