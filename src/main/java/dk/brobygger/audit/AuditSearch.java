package dk.brobygger.audit;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.BindParam;

/** What an administrator searches the log for; every criterion is optional. Dates are Danish calendar days. */
record AuditSearch(
        @BindParam("borger") @Nullable UUID citizenId,
        @BindParam("bruger") @Nullable String username,
        @BindParam("fra") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
        @BindParam("til") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
        @BindParam("handling") @Nullable AuditAction action,
        @BindParam("udfald") @Nullable AuditOutcome outcome) {

    static final AuditSearch EVERYTHING = new AuditSearch(null, null, null, null, null, null);

    AuditSearch {
        username = username == null || username.isBlank() ? null : username.strip();
    }

    /** The search in words, for the purpose of an export's own audit record. */
    String describe() {
        var text = new StringBuilder();
        append(text, "borger", citizenId);
        append(text, "bruger", username);
        append(text, "fra", from);
        append(text, "til", to);
        append(text, "handling", action);
        append(text, "udfald", outcome);
        return text.isEmpty() ? "hele loggen" : text.toString();
    }

    private static void append(StringBuilder text, String name, @Nullable Object value) {
        if (value != null) {
            text.append(text.isEmpty() ? "" : ", ").append(name).append('=').append(value);
        }
    }
}
