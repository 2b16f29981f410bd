package dk.brobygger.directory.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a recorded change ("[{field: name, ...}]") into words: "Navn, Beskrivelse". A capacity change also says
 * from what to what ("Ledige pladser: 3 → 2"), since that is what the association and referrers look for.
 */
@Component("historyText")
public class HistoryText {

    private final MessageSource messages;
    private final JsonMapper json;

    HistoryText(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public String describe(String details, Locale locale) {
        List<String> fields = new ArrayList<>();
        for (JsonNode difference : json.readTree(details)) {
            String field = difference.path("field").asString("");
            String name = messages.getMessage("field." + field, null, field, locale);
            fields.add(WITH_VALUES.contains(field) ? name + ": " + value(field, difference.path("before"), locale)
                    + " → " + value(field, difference.path("after"), locale) : name);
        }
        return String.join(", ", fields);
    }

    private static final java.util.Set<String> WITH_VALUES = java.util.Set.of("capacity", "placesLeft", "waitlist");

    private String value(String field, JsonNode value, Locale locale) {
        if (value.isNull() || value.isMissingNode()) {
            return "–";
        }
        return switch (field) {
            case "capacity" -> messages.getMessage("capacity." + value.asString(""), null, value.asString(""), locale);
            case "waitlist" -> messages.getMessage(value.asBoolean(false) ? "history.yes" : "history.no", null, locale);
            default -> value.asString("");
        };
    }
}
