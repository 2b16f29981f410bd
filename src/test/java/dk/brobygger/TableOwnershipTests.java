package dk.brobygger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A module's tables are its own (DESIGN.md "Published views, not private tables"): another module reads them
 * only through the owner's root API, its events, or a view the owner publishes for set-based queries. This
 * test reads every table and view the Flyway migrations create, knows the module that owns each, scans the SQL
 * in each module's main sources (string literals and text blocks after FROM, JOIN, INTO, UPDATE, DELETE FROM,
 * USING) and fails, naming file and table, when a module names what another module keeps to itself.
 *
 * <p>Who owns a table: the explicit {@link #OWNERS} map, else the naming rule "a table named
 * {@code <module>} or {@code <module>_...} belongs to that module" (so {@code outreach_rule} is outreach's and
 * {@code citizen_register_view} is citizen's). A table or view that neither names fails the test: a new module
 * says who owns its tables when it adds them.
 *
 * <p>Demo-data writers get no exemption: demo data that reaches into other modules' tables breaks the day the
 * owner changes them, exactly like production code.
 */
class TableOwnershipTests {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db");
    private static final Path SOURCES = Path.of("src/main/java/dk/brobygger");

    /** Owners of the tables whose name does not start with their module's name. */
    private static final Map<String, String> OWNERS = Map.ofEntries(
            // directory: the community portal
            Map.entry("organization", "directory"), Map.entry("location", "directory"),
            Map.entry("taxonomy_term", "directory"), Map.entry("offer", "directory"),
            Map.entry("offer_term", "directory"), Map.entry("offer_schedule", "directory"),
            Map.entry("offer_change", "directory"), Map.entry("change_request", "directory"),
            Map.entry("offer_reminder", "directory"), Map.entry("offer_term_view", "directory"),
            Map.entry("taxonomy_term_view", "directory"),
            // access: users, teams, need-to-know (its tables are named for what they hold, not the module)
            Map.entry("app_user", "access"), Map.entry("app_user_role", "access"),
            Map.entry("app_user_change", "access"), Map.entry("team", "access"),
            Map.entry("team_membership", "access"), Map.entry("citizen_relation", "access"),
            Map.entry("break_the_glass", "access"), Map.entry("spring_session", "access"),
            Map.entry("spring_session_attributes", "access"),
            // citizen
            Map.entry("consent", "citizen"), Map.entry("network_member", "citizen"),
            // homevisit
            Map.entry("visit", "homevisit"), Map.entry("visit_suggestion", "homevisit"),
            Map.entry("worklist_task", "homevisit"),
            // outreach
            Map.entry("life_event", "outreach"),
            // outcome
            Map.entry("instrument", "outcome"), Map.entry("instrument_response", "outcome"),
            // referral: the register of volunteers and peers and their assignments (følgeskab)
            Map.entry("volunteer", "referral"), Map.entry("volunteer_interest", "referral"),
            Map.entry("volunteer_language", "referral"), Map.entry("volunteer_availability", "referral"),
            Map.entry("volunteer_requirement", "referral"), Map.entry("volunteer_change", "referral"),
            Map.entry("volunteer_assignment", "referral"), Map.entry("volunteer_photo", "referral"),
            Map.entry("volunteer_accompaniment", "referral"), Map.entry("volunteer_read", "referral"),
            // shared: Spring Modulith's event publication registry, retried by shared's EventRetry
            Map.entry("event_publication", "shared"),
            // shared: ShedLock's locks of the jobs that run once across nodes (shared.ClusterJobs)
            Map.entry("shedlock", "shared"),
            // shared reference data, see REFERENCE_DATA
            Map.entry("district", "shared"), Map.entry("postcode", "shared"));

    /**
     * Reference data every module may read: the districts and postcodes of the municipality. They belong to
     * {@code shared}; the directory maintains them (its demo data loads them), so it alone writes them.
     */
    private static final Map<String, String> REFERENCE_DATA = Map.of("district", "directory", "postcode", "directory");

    /**
     * Views a module publishes for other modules' set-based reads; each is documented in its migration with a
     * comment "Published API of the &lt;module&gt; module". Others read them, nobody writes through them.
     */
    private static final Set<String> PUBLISHED_VIEWS = Set.of("citizen_register_view", "homevisit_visit_view",
            "homevisit_offer_view", "outreach_item_view", "followup_task_view", "referral_view", "offer_term_view",
            "taxonomy_term_view", "referral_volunteer_view", "referral_assignment_view", "course_inquiry_view",
            "course_view", "course_type_view", "course_type_phase_view", "course_intensity_view");

    private static final Pattern CREATE = Pattern.compile(
            "create\\s+(?:or\\s+replace\\s+)?(table|view)\\s+(?:if\\s+not\\s+exists\\s+)?\"?([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REFERENCE = Pattern.compile(
            "\\b(delete\\s+from|from|join|into|(?<!for\\s)update|using|table|analyze)\\s+([a-z_][a-z0-9_]*)"
                    + "((?:\\s+(?:as\\s+)?[a-z_][a-z0-9_]*)?(?:\\s*,\\s*[a-z_][a-z0-9_]*(?:\\s+(?:as\\s+)?[a-z_][a-z0-9_]*)?)*)",
            Pattern.CASE_INSENSITIVE);

    @Test
    void everyTableAndViewHasAnOwningModule() {
        var modules = modules();
        var unowned = new TreeSet<String>();
        schema().forEach((table, kind) -> {
            String owner = owner(table, modules);
            if (owner == null) {
                unowned.add(kind + " " + table);
            }
        });
        assertThat(unowned).as("tables and views without an owner: add them to OWNERS in this test or name them "
                + "<module>_...").isEmpty();
    }

    @Test
    void publishedViewsAreViewsTheirOwnerDocumentsAsItsApi() throws IOException {
        var schema = schema();
        var modules = modules();
        var problems = new ArrayList<String>();
        for (String view : PUBLISHED_VIEWS) {
            if (!"view".equals(schema.get(view))) {
                problems.add(view + " is no view in the migrations");
                continue;
            }
            String marker = "Published API of the " + owner(view, modules) + " module";
            if (!commentBefore(view).contains(marker)) {
                problems.add(view + " lacks the comment \"" + marker + "\" right above its CREATE VIEW");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noModuleNamesAnotherModulesPrivateTables() throws IOException {
        var schema = schema();
        var modules = modules();
        var violations = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String relative = SOURCES.relativize(file).toString().replace('\\', '/');
                if (!relative.contains("/")) {
                    continue;
                }
                String module = relative.substring(0, relative.indexOf('/'));
                String sql = String.join(" ", literals(Files.readString(file)));
                Matcher matcher = REFERENCE.matcher(sql);
                while (matcher.find()) {
                    boolean writes = !matcher.group(1).toLowerCase(Locale.ROOT).matches("from|join|using");
                    var names = new ArrayList<String>();
                    names.add(matcher.group(2));
                    // Group 3 is the first table's alias, then ", table alias" for each further table.
                    String[] pieces = matcher.group(3).split(",");
                    for (int piece = 1; piece < pieces.length; piece++) {
                        names.add(pieces[piece].strip().split("\\s+")[0]);
                    }
                    for (String name : names) {
                        String table = name.toLowerCase(Locale.ROOT);
                        if (!schema.containsKey(table) || mayName(module, table, writes, modules)) {
                            continue;
                        }
                        violations.add(relative + " names " + owner(table, modules) + "'s "
                                + (schema.get(table).equals("view") ? "view " : "table ") + table
                                + (writes ? " to change it" : ""));
                    }
                }
            }
        }
        assertThat(violations).as("SQL naming another module's private tables: read the owner's published view or "
                + "call its root API instead").isEmpty();
    }

    @Test
    void theScanFindsTablesInTextBlocksJoinsAndCommaLists() {
        String source = """
                class Example {
                    // "SELECT * FROM consent" in a comment is no SQL
                    String a = \"""
                            SELECT c.id FROM citizen c, outreach_item i
                              JOIN visit v ON v.citizen_id = c.id
                            \""";
                    String b = "DELETE FROM " + "life_event WHERE id = ?";
                    char quote = '"';
                    String c = "UPDATE team SET name = ?";
                }
                """;
        String sql = String.join(" ", literals(source));
        var found = new ArrayList<String>();
        Matcher matcher = REFERENCE.matcher(sql);
        while (matcher.find()) {
            found.add(matcher.group(1).toLowerCase(Locale.ROOT) + " " + matcher.group(2) + matcher.group(3));
        }
        assertThat(sql).doesNotContain("consent");
        assertThat(found).contains("from citizen c, outreach_item i", "join visit v", "delete from life_event WHERE",
                "update team SET");
    }

    private static boolean mayName(String module, String table, boolean writes, Set<String> modules) {
        String owner = owner(table, modules);
        if (module.equals(owner)) {
            return true;
        }
        if (REFERENCE_DATA.containsKey(table)) {
            return !writes || REFERENCE_DATA.get(table).equals(module);
        }
        return PUBLISHED_VIEWS.contains(table) && !writes;
    }

    private static String owner(String table, Set<String> modules) {
        if (OWNERS.containsKey(table)) {
            return OWNERS.get(table);
        }
        if (modules.contains(table)) {
            return table;
        }
        int underscore = table.indexOf('_');
        if (underscore > 0 && modules.contains(table.substring(0, underscore))) {
            return table.substring(0, underscore);
        }
        return null;
    }

    private static Set<String> modules() {
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every table and view the migrations create (both vendors), lower case, with "table" or "view". */
    private static Map<String, String> schema() {
        var schema = new TreeMap<String, String>();
        for (String text : migrations().values()) {
            Matcher matcher = CREATE.matcher(withoutSqlComments(text));
            while (matcher.find()) {
                schema.put(matcher.group(2).toLowerCase(Locale.ROOT), matcher.group(1).toLowerCase(Locale.ROOT));
            }
        }
        assertThat(schema).as("tables found in the migrations").containsKeys("citizen", "offer", "audit_record");
        return schema;
    }

    private static Map<Path, String> migrations() {
        var texts = new LinkedHashMap<Path, String>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".sql")).sorted().toList()) {
                texts.put(file, Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    /** The comment lines right above the view's CREATE VIEW. */
    private static String commentBefore(String view) {
        for (String text : migrations().values()) {
            List<String> lines = text.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).toLowerCase(Locale.ROOT).matches("\\s*create\\s+(or\\s+replace\\s+)?view\\s+"
                        + view + "\\b.*")) {
                    var comment = new StringBuilder();
                    for (int j = i - 1; j >= 0 && lines.get(j).strip().startsWith("--"); j--) {
                        comment.insert(0, lines.get(j).strip().substring(2) + " ");
                    }
                    return comment.toString().replaceAll("\\s+", " ");
                }
            }
        }
        return "";
    }

    private static String withoutSqlComments(String sql) {
        return sql.replaceAll("--[^\\n]*", " ");
    }

    /**
     * The contents of a Java source's string literals and text blocks, in order; comments and char literals
     * are skipped. Adjacent literals joined by {@code +} are joined again by the caller with a space.
     */
    static List<String> literals(String java) {
        var found = new ArrayList<String>();
        int i = 0;
        int n = java.length();
        while (i < n) {
            char c = java.charAt(i);
            if (java.startsWith("//", i)) {
                i = java.indexOf('\n', i);
                i = i < 0 ? n : i;
            } else if (java.startsWith("/*", i)) {
                int end = java.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (java.startsWith("\"\"\"", i)) {
                int start = i + 3;
                int j = start;
                while (j < n && !(java.startsWith("\"\"\"", j) && java.charAt(j - 1) != '\\')) {
                    j++;
                }
                found.add(java.substring(start, Math.min(j, n)));
                i = j + 3;
            } else if (c == '"') {
                int j = i + 1;
                var text = new StringBuilder();
                while (j < n && java.charAt(j) != '"' && java.charAt(j) != '\n') {
                    if (java.charAt(j) == '\\' && j + 1 < n) {
                        j++;
                    }
                    text.append(java.charAt(j));
                    j++;
                }
                found.add(text.toString());
                i = j + 1;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < n && java.charAt(j) != '\'') {
                    j += java.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return found;
    }
}
