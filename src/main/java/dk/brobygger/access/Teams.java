package dk.brobygger.access;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Teams and who is in them, with the history of who joined and left when. */
public interface Teams {

    record Team(String code, String name) {
    }

    record Membership(String team, String username, Instant joinedAt, String joinedBy, @Nullable Instant leftAt,
            @Nullable String leftBy) {

        public boolean isActive() {
            return leftAt == null;
        }
    }

    List<Team> all();

    /** The teams the user is in now. */
    List<String> of(String username);

    /** Every membership of the team, past ones too, newest first. */
    List<Membership> history(String team);

    void join(String team, String username, String by);

    void leave(String team, String username, String by);
}
