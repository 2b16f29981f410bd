package dk.brobygger.access;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How a person who did something is named on a page: by their display name, never by their user name.
 * Templates reach it as {@code @people.name(username)}; a user that no longer exists reads as its user
 * name, and the automatic user {@value #SYSTEM} reads as Brobygger itself.
 */
@Component("people")
public class People {

    /** The user name the application uses for what it does on its own. */
    public static final String SYSTEM = "system";

    private final Users users;
    private final MessageSource messages;

    People(Users users, MessageSource messages) {
        this.users = users;
        this.messages = messages;
    }

    /** The name to show for {@code username}; empty for no user. */
    public String name(@Nullable String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        if (SYSTEM.equals(username)) {
            return automatic();
        }
        return users.find(username).map(BrobyggerUser::displayName).filter(n -> !n.isBlank()).orElse(username);
    }

    private String automatic() {
        return messages.getMessage("people.system", null, "Brobygger (automatisk)", LocaleContextHolder.getLocale());
    }
}
