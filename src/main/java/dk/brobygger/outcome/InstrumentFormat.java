package dk.brobygger.outcome;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an instrument definition file (JSON; see {@code instruments/ucla-3.json}) and refuses, in
 * Danish, anything that does not hang together: no items, duplicate answer values, a conversion
 * table with gaps, bands outside the possible scores.
 */
@Component
class InstrumentFormat {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
    private static final int MAX_ITEMS = 200;

    private final JsonMapper json;

    InstrumentFormat(JsonMapper json) {
        this.json = json;
    }

    Instrument read(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            throw new DomainException("outcome.file.notJson");
        }
        if (root == null || !root.isObject()) {
            throw new DomainException("outcome.file.notJson");
        }
        String code = text(root, "code", 60);
        if (!CODE.matcher(code).matches()) {
            throw new DomainException("outcome.file.code", code);
        }
        String version = text(root, "version", 100);
        String name = text(root, "name", 200);
        String licence = text(root, "licence", 1000);
        List<Instrument.Answer> answers = answers(root.path("answers"));
        List<Instrument.Item> items = items(root.path("items"));
        var method = method(root.path("scoring").path("method"));
        if (method == Instrument.Method.SINGLE && items.size() != 1) {
            throw new DomainException("outcome.file.singleNeedsOneItem");
        }
        var draft = new Instrument(code, version, name, optionalText(root, "description", 2000), licence,
                optionalText(root, "note", 1000), items, answers, new Instrument.Scoring(method, Map.of(), List.of()));
        Map<Integer, BigDecimal> conversion = conversion(root.path("scoring").path("conversion"), draft);
        List<Instrument.Band> bands = bands(root.path("scoring").path("bands"));
        return new Instrument(code, version, name, draft.description(), licence, draft.note(), items, answers,
                new Instrument.Scoring(method, conversion, bands));
    }

    private static List<Instrument.Answer> answers(JsonNode node) {
        if (!node.isArray() || node.size() < 2) {
            throw new DomainException("outcome.file.answers");
        }
        var values = new HashSet<Integer>();
        var answers = new ArrayList<Instrument.Answer>();
        for (JsonNode answer : node) {
            if (!answer.path("value").isInt()) {
                throw new DomainException("outcome.file.answerValue");
            }
            int value = answer.path("value").intValue();
            if (!values.add(value)) {
                throw new DomainException("outcome.file.answerDuplicate", value);
            }
            answers.add(new Instrument.Answer(value, text(answer, "label", 200)));
        }
        return List.copyOf(answers);
    }

    private static List<Instrument.Item> items(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw new DomainException("outcome.file.items");
        }
        if (node.size() > MAX_ITEMS) {
            throw new DomainException("outcome.file.tooManyItems", MAX_ITEMS);
        }
        var codes = new HashSet<String>();
        var items = new ArrayList<Instrument.Item>();
        for (JsonNode item : node) {
            String code = text(item, "code", 60);
            if (!codes.add(code)) {
                throw new DomainException("outcome.file.itemDuplicate", code);
            }
            items.add(new Instrument.Item(code, text(item, "text", 1000)));
        }
        return List.copyOf(items);
    }

    private static Instrument.Method method(JsonNode node) {
        try {
            return Instrument.Method.valueOf(node.asString(""));
        } catch (IllegalArgumentException e) {
            throw new DomainException("outcome.file.method");
        }
    }

    /** Every possible raw score must have a converted score, so no answer can go unscored. */
    private static Map<Integer, BigDecimal> conversion(JsonNode node, Instrument draft) {
        if (node.isMissingNode() || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new DomainException("outcome.file.conversion");
        }
        var conversion = new TreeMap<Integer, BigDecimal>();
        for (var entry : node.properties()) {
            try {
                if (!entry.getValue().isNumber()) {
                    throw new NumberFormatException();
                }
                conversion.put(Integer.valueOf(entry.getKey()), entry.getValue().decimalValue());
            } catch (NumberFormatException e) {
                throw new DomainException("outcome.file.conversion");
            }
        }
        for (int raw = draft.lowestRaw(); raw <= draft.highestRaw(); raw++) {
            if (!conversion.containsKey(raw)) {
                throw new DomainException("outcome.file.conversionGap", raw);
            }
        }
        return java.util.Collections.unmodifiableMap(conversion);
    }

    private static List<Instrument.Band> bands(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new DomainException("outcome.file.bands");
        }
        var bands = new ArrayList<Instrument.Band>();
        for (JsonNode band : node) {
            if (!band.path("from").isNumber() || !band.path("to").isNumber()) {
                throw new DomainException("outcome.file.bands");
            }
            var from = band.path("from").decimalValue();
            var to = band.path("to").decimalValue();
            if (from.compareTo(to) > 0) {
                throw new DomainException("outcome.file.bands");
            }
            bands.add(new Instrument.Band(from, to, text(band, "label", 200)));
        }
        return List.copyOf(bands);
    }

    private static String text(JsonNode node, String field, int max) {
        String value = optionalText(node, field, max);
        if (value == null) {
            throw new DomainException("outcome.file.missing", field);
        }
        return value;
    }

    private static @Nullable String optionalText(JsonNode node, String field, int max) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new DomainException("outcome.file.notText", field);
        }
        String text = value.asString().strip();
        if (text.length() > max) {
            throw new DomainException("outcome.file.tooLong", field, max);
        }
        return text.isEmpty() ? null : text;
    }
}
