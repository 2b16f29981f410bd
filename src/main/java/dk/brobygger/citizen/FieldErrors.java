package dk.brobygger.citizen;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;

/**
 * The Danish messages of a form that did not validate, one per field, in the order of the form.
 * Templates ask {@link #has(String)} and {@link #get(String)}; the summary above the form lists
 * {@link #all()} with links to the fields.
 */
final class FieldErrors {

    /** One message, with the id of the input it belongs to. */
    record Message(String field, String text) {
    }

    private final Map<String, String> byField = new LinkedHashMap<>();
    private final MessageSource messages;
    private final Locale locale;

    FieldErrors(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** Runs {@code parse}; a {@link DomainException} becomes the field's message and the result null. */
    <T> @Nullable T check(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (DomainException e) {
            add(field, e);
            return null;
        }
    }

    void add(String field, DomainException e) {
        byField.putIfAbsent(field, messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
    }

    /** A value a field could not hold (a word where a number belongs): named by its codes in the message bundles. */
    void addAll(BindingResult binding) {
        binding.getFieldErrors().forEach(error -> byField.putIfAbsent(error.getField(), messages.getMessage(error, locale)));
    }

    void add(String field, String key, Object... arguments) {
        byField.putIfAbsent(field, messages.getMessage(key, arguments, key, locale));
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public @Nullable String get(String field) {
        return byField.get(field);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public Collection<Message> all() {
        return byField.entrySet().stream().map(entry -> new Message(entry.getKey(), entry.getValue())).toList();
    }
}
