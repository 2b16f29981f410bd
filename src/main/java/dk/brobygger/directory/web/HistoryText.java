package dk.brobygger.directory.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns a recorded change ("[{field: name, ...}]") into words: "Navn, Beskrivelse". */
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
            fields.add(messages.getMessage("field." + field, null, field, locale));
        }
        return String.join(", ", fields);
    }
}
