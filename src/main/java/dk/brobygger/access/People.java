package dk.brobygger.access;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

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
    private final Teams teams;

    People(Users users, MessageSource messages, Teams teams) {
        this.users = users;
        this.messages = messages;
        this.teams = teams;
    }

    /** A team by its name ("Forebyggende hjemmebesøg"), never its code; a team that no longer exists by its code. */
    public String team(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return teams.all().stream().filter(team -> team.code().equals(code)).map(Teams.Team::name).findFirst()
                .orElse(code);
    }

    /** The name to show for {@code username}; empty for no user. */
    public String name(@Nullable String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        if (SYSTEM.equals(username)) {
            return automatic();
        }
        // A list page names the same few people on many rows: each is looked up once per request, not per row.
        var attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return lookUp(username);
        }
        @SuppressWarnings("unchecked")
        var known = (Map<String, String>) attributes.getAttribute(MEMO, RequestAttributes.SCOPE_REQUEST);
        if (known == null) {
            known = new HashMap<>();
            attributes.setAttribute(MEMO, known, RequestAttributes.SCOPE_REQUEST);
        }
        return known.computeIfAbsent(username, this::lookUp);
    }

    private static final String MEMO = People.class.getName() + ".names";

    private String lookUp(String username) {
        return users.find(username).map(BrobyggerUser::displayName).filter(n -> !n.isBlank()).orElse(username);
    }

    private String automatic() {
        return messages.getMessage("people.system", null, "Brobygger (automatisk)", LocaleContextHolder.getLocale());
    }
}
