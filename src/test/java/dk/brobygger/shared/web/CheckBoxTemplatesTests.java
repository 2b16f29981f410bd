package dk.brobygger.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * dkfds draws a check box or radio button on the label that follows the (invisible) input, placed within the
 * nearest {@code .form-group-checkbox} or {@code .form-group-radio}. A box with anything between input and label
 * (such as the hidden marker {@code th:field} adds) is not drawn, and one outside such a group is drawn at the top
 * left of the page, far from its label. Every template keeps to the pattern.
 */
class CheckBoxTemplatesTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern BOX = Pattern.compile("<input\\b[^>]*\\bclass=\"[^\"]*\\bform-(checkbox|radio)\\b[^>]*>");
    private static final Pattern OPENING = Pattern.compile("<(div|li|p|span|fieldset|ul|td)\\b[^>]*>");

    @Test
    void everyCheckBoxAndRadioButtonIsFollowedByItsLabelInsideItsGroup() throws IOException {
        List<String> problems = new ArrayList<>();
        int boxes = 0;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                Matcher box = BOX.matcher(html);
                while (box.find()) {
                    boxes++;
                    String input = box.group();
                    String where = TEMPLATES.relativize(file) + ": " + input.replaceAll("\\s+", " ");
                    if (input.contains("th:field")) {
                        problems.add(where + " uses th:field, whose hidden input comes between box and label");
                    }
                    if (!html.substring(box.end()).stripLeading().startsWith("<label")) {
                        problems.add(where + " is not followed by its label");
                    }
                    String parent = lastOpeningTagBefore(html, box.start());
                    if (!parent.contains("form-group-" + box.group(1))) {
                        problems.add(where + " is not inside a .form-group-" + box.group(1) + " (it is in " + parent + ")");
                    }
                }
            }
        }
        assertThat(boxes).as("check boxes and radio buttons found").isGreaterThan(20);
        assertThat(problems).isEmpty();
    }

    private static String lastOpeningTagBefore(String html, int position) {
        Matcher opening = OPENING.matcher(html.substring(0, position));
        String last = "(none)";
        while (opening.find()) {
            last = opening.group();
        }
        return last;
    }
}
