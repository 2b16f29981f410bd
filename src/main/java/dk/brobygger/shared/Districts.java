package dk.brobygger.shared;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * Distrikter (bydele): the municipality's districts by their names, for pages that would otherwise
 * show a code ("ØST"). Reference data kept for a minute (a handful of rows, changed by an import
 * at most), so a list of 100 citizens asks no more than once. In templates: {@code @districts.name(code)}.
 */
@Component("districts")
public class Districts {

    private static final Duration KEPT = Duration.ofMinutes(1);

    private final LoadingCache<Boolean, Map<String, String>> names;

    /** Codes looked up and not found, for a few seconds: a page of 50 citizens with such a code asks once. */
    private final com.github.benmanes.caffeine.cache.Cache<String, Boolean> unknown = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(5)).maximumSize(1_000).build();

    Districts(JdbcClient jdbc) {
        this.names = Caffeine.newBuilder().expireAfterWrite(KEPT).maximumSize(1)
                .build(ignored -> load(jdbc));
    }

    /**
     * The district's name, or the code itself when no district has it (an old or imported code); null stays
     * null. A code not among those kept is looked up again at once, so a district added a moment ago is named;
     * a code still not found is not looked up again for 5 seconds.
     */
    public @Nullable String name(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return code;
        }
        String name = all().get(code);
        if (name == null && unknown.getIfPresent(code) == null) {
            names.invalidateAll();
            name = all().get(code);
            if (name == null) {
                unknown.put(code, Boolean.TRUE);
            }
        }
        return name == null ? code : name;
    }

    /** Every district's name by its code, in the order of their names. */
    public Map<String, String> all() {
        return names.get(Boolean.TRUE);
    }

    private static Map<String, String> load(JdbcClient jdbc) {
        Map<String, String> byCode = new LinkedHashMap<>();
        jdbc.sql("SELECT code, name FROM district ORDER BY name")
                .query((rs, row) -> byCode.put(rs.getString("code"), rs.getString("name"))).list();
        return Map.copyOf(byCode);
    }
}
