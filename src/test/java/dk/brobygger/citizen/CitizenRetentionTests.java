package dk.brobygger.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.access.BreakTheGlass;
import dk.brobygger.access.Relations;
import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditLog;
import dk.brobygger.shared.CprNumber;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Opbevaring: five years (the default) after a citizen's last relation ended, the nightly job
 * anonymises the citizen (or deletes them, if so configured) and audits each one. Times come from
 * the application's clock.
 */
@BrobyggerTest
@RecordApplicationEvents
class CitizenRetentionTests {

    @Autowired CitizenRetention retention;
    @Autowired dk.brobygger.shared.ClusterJobs jobs;
    @Autowired Citizens repository;
    @Autowired TestCitizens citizens;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired Relations relations;
    @Autowired BreakTheGlass glass;
    @Autowired AuditLog auditLog;
    @Autowired Users users;
    @Autowired PlatformTransactionManager transactions;
    @Autowired MockMvc mvc;
    @Autowired ApplicationEventPublisher publisher;
    @Autowired List<CitizenContribution> contributions;
    @Autowired ApplicationEvents events;

    Instant fiveYearsAgo;

    @BeforeEach
    void noCitizensAndNoRelations() {
        citizens.reset();
        jdbc.sql("DELETE FROM citizen_relation").update();
        jdbc.sql("DELETE FROM app_user_role WHERE username LIKE 'borger-%'").update();
        jdbc.sql("DELETE FROM app_user WHERE username LIKE 'borger-%'").update();
        fiveYearsAgo = clock.instant().atZone(clock.getZone()).minusYears(5).toInstant();
    }

    @Test
    void theDefaultIsToAnonymiseFiveYearsAfterTheLastRelationEnded() {
        assertThat(retention.settings().period()).isEqualTo(Period.ofYears(5));
        assertThat(retention.settings().mode()).isEqualTo(CitizenRetention.Mode.ANONYMISE);
        assertThat(retention.settings().cron()).as("switched off in the tests, which run the job themselves")
                .isEqualTo("-");
    }

    @Test
    void aCitizenWhoseLastRelationEndedMoreThanFiveYearsAgoIsAnonymisedAndItIsAudited() {
        UUID karen = citizen("010245-1236", "Karen Jensen");
        relation(karen, fiveYearsAgo.minus(Duration.ofDays(400)), fiveYearsAgo.minus(Duration.ofDays(1)));
        relation(karen, fiveYearsAgo.minus(Duration.ofDays(900)), fiveYearsAgo.minus(Duration.ofDays(300)));
        networkMember(karen, "Mette Jensen", "datter");
        consent(karen, "Fjordlund Besøgsven", "Besøg hver uge");
        jdbc.sql("""
                INSERT INTO break_the_glass (citizen_id, username, reason, granted_at, expires_at, reviewed_by, reviewed_at)
                VALUES (:citizen, 'akut', 'Karen Jensen ringede til akuttelefonen om sin datter', :at, :at, 'leder', :at)
                """).param("citizen", karen).param("at", Timestamp.from(fiveYearsAgo.minus(Duration.ofDays(500)))).update();

        var outcome = retention.apply();

        assertThat(outcome).isEqualTo(new CitizenRetention.Outcome(1, 0, 0));
        Map<String, Object> row = jdbc.sql("SELECT * FROM citizen WHERE id = :id").param("id", karen).query().singleRow();
        assertThat(row.get("cpr")).isNull();
        assertThat(row.get("name")).isEqualTo("Anonymiseret borger");
        assertThat(row.get("address")).isNull();
        assertThat(row.get("postcode")).isNull();
        assertThat(row.get("phone")).isNull();
        assertThat(row.get("email")).isNull();
        assertThat(row.get("transport_notes")).isNull();
        assertThat(row.get("anonymised_at")).isNotNull();
        assertThat(((java.sql.Date) row.get("birth_date")).toLocalDate()).isEqualTo(LocalDate.of(1945, 1, 1));
        assertThat(row.get("district")).isEqualTo("VEST");
        assertThat(jdbc.sql("SELECT name || ' ' || role FROM network_member WHERE citizen_id = :id").param("id", karen)
                .query(String.class).single()).isEqualTo("Anonymiseret Anonymiseret");
        assertThat(jdbc.sql("SELECT scope FROM consent WHERE citizen_id = :id").param("id", karen).query(String.class)
                .single()).isEqualTo("Anonymiseret");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM consent WHERE party_name IS NOT NULL").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT username || ': ' || reason FROM break_the_glass WHERE citizen_id = :id").param("id", karen)
                .query(String.class).single()).isEqualTo("akut: Anonymiseret");
        assertThat(auditOf(karen)).containsExactly("system ANONYMISE GRANTED");
        assertThat(jdbc.sql("SELECT purpose FROM audit_record WHERE citizen_id = :id AND action = 'ANONYMISE'")
                .param("id", karen).query(String.class).single()).contains("P5Y").contains("anonymiseret");
        assertThat(auditLog.verify().valid()).isTrue();
        assertThat(events.stream(CitizenExpired.class))
                .containsExactly(new CitizenExpired(new CitizenId(karen), CitizenRetention.Mode.ANONYMISE));

        assertThat(retention.apply()).as("a second run finds nothing more").isEqualTo(new CitizenRetention.Outcome(0, 0, 0));
    }

    @Test
    void aCitizenWhoseLastRelationEndedWithinTheRetentionPeriodIsKeptUntilThePeriodIsOver() {
        UUID karen = citizen("010245-1236", "Karen Jensen");
        relation(karen, fiveYearsAgo.minus(Duration.ofDays(400)), fiveYearsAgo.minus(Duration.ofDays(300)));
        relation(karen, fiveYearsAgo.minus(Duration.ofDays(10)), fiveYearsAgo.plus(Duration.ofDays(1)));

        assertThat(retention.apply()).isEqualTo(new CitizenRetention.Outcome(0, 0, 0));
        assertThat(nameOf(karen)).isEqualTo("Karen Jensen");
        assertThat(auditOf(karen)).isEmpty();

        var twoDaysLater = retention(Clock.offset(clock, Duration.ofDays(2)), "anonymise");
        assertThat(twoDaysLater.apply()).isEqualTo(new CitizenRetention.Outcome(1, 0, 0));
        assertThat(nameOf(karen)).isEqualTo("Anonymiseret borger");
    }

    @Test
    void aCitizenSomeoneStillWorksWithIsNeverTouchedHoweverOldTheOtherRelations() {
        UUID karen = citizen("010245-1236", "Karen Jensen");
        relation(karen, fiveYearsAgo.minus(Duration.ofDays(4000)), fiveYearsAgo.minus(Duration.ofDays(3000)));
        relation(karen, fiveYearsAgo.minus(Duration.ofDays(4000)), null);

        assertThat(retention(Clock.offset(clock, Duration.ofDays(36_500)), "delete").apply())
                .isEqualTo(new CitizenRetention.Outcome(0, 0, 0));
        assertThat(nameOf(karen)).isEqualTo("Karen Jensen");
        assertThat(auditOf(karen)).isEmpty();
    }

    @Test
    void aCitizenNobodyHasEverBeenRelatedToIsNeverTouched() {
        UUID karen = citizen("010245-1236", "Karen Jensen");

        assertThat(retention(Clock.offset(clock, Duration.ofDays(36_500)), "delete").apply())
                .isEqualTo(new CitizenRetention.Outcome(0, 0, 0));
        assertThat(nameOf(karen)).isEqualTo("Karen Jensen");
    }

    @Test
    void whenConfiguredToDeleteTheCitizenGoesWithNetworkAndConsentsAndTheAuditLogKeepsThatItHappened() {
        UUID karen = citizen("010245-1236", "Karen Jensen");
        UUID ole = citizen("020346-1235", "Ole Hansen");
        relation(karen, fiveYearsAgo.minus(Duration.ofDays(400)), fiveYearsAgo.minus(Duration.ofDays(1)));
        relation(ole, fiveYearsAgo.minus(Duration.ofDays(400)), null);
        networkMember(karen, "Mette Jensen", "datter");
        consent(karen, "Fjordlund Besøgsven", "Besøg hver uge");

        var outcome = retention(clock, "delete").apply();

        assertThat(outcome).isEqualTo(new CitizenRetention.Outcome(0, 1, 0));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM citizen WHERE id = :id").param("id", karen).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM network_member").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM consent").query(Long.class).single()).isZero();
        assertThat(nameOf(ole)).isEqualTo("Ole Hansen");
        assertThat(auditOf(karen)).containsExactly("system DELETE GRANTED");
        assertThat(events.stream(CitizenExpired.class))
                .containsExactly(new CitizenExpired(new CitizenId(karen), CitizenRetention.Mode.DELETE));
        assertThat(auditLog.verify().valid()).isTrue();
    }

    @Test
    void anExpiredCitizensOwnLoginKeepsNoNameAndIsSwitchedOffInBothModes() {
        UUID karen = citizen("010245-1236", "Karen Jensen");
        UUID ole = citizen("020346-1235", "Ole Hansen");
        relation(karen, fiveYearsAgo.minus(Duration.ofDays(400)), fiveYearsAgo.minus(Duration.ofDays(1)));
        relation(ole, fiveYearsAgo.minus(Duration.ofDays(400)), fiveYearsAgo.minus(Duration.ofDays(1)));
        citizenLogin(karen, "Karen Jensen");

        assertThat(retention.apply()).isEqualTo(new CitizenRetention.Outcome(2, 0, 0));
        assertThat(login(karen)).isEqualTo("Anonymiseret borger false null");

        UUID inger = citizen("030447-1232", "Inger Holm");
        relation(inger, fiveYearsAgo.minus(Duration.ofDays(400)), fiveYearsAgo.minus(Duration.ofDays(1)));
        citizenLogin(inger, "Inger Holm");
        assertThat(retention(clock, "delete").apply()).isEqualTo(new CitizenRetention.Outcome(0, 1, 0));
        assertThat(login(inger)).as("the audit log still names the user").isEqualTo("Anonymiseret borger false null");
    }

    @Test
    void theModeMustBeAnonymiseOrDeleteAndThePeriodPositive() {
        assertThatThrownBy(() -> retention(clock, "glem")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("anonymise");
        assertThatThrownBy(() -> new CitizenRetention(jdbc, jobs, relations, glass, auditLog, users, clock, transactions, publisher,
                contributions, Period.ZERO, "anonymise", "-")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAdministratorRunsTheJobFromItsPageAndOnlyAdministratorsMay() throws Exception {
        UUID karen = citizen("010245-1236", "Karen Jensen");
        relation(karen, fiveYearsAgo.minus(Duration.ofDays(400)), fiveYearsAgo.minus(Duration.ofDays(1)));

        mvc.perform(get("/admin/opbevaring").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Opbevaring af borgere"), containsString("5 år efter sidste tilknytning"),
                        containsString("Borgeren anonymiseres"), containsString("Slået fra"))));
        mvc.perform(post("/admin/opbevaring/koer").with(httpBasic("hjemmebesog", "demo")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(nameOf(karen)).isEqualTo("Karen Jensen");

        mvc.perform(post("/admin/opbevaring/koer").with(httpBasic("admin", "demo")).with(csrf()))
                .andExpect(redirectedUrl("/admin/opbevaring"))
                .andExpect(flash().attribute("outcome", new CitizenRetention.Outcome(1, 0, 0)));
        assertThat(auditOf(karen)).containsExactly("admin ANONYMISE GRANTED");
    }

    @Test
    void anAnonymisedCitizenShowsNoPersonalDataEvenAfterBreakingTheGlass() throws Exception {
        UUID karen = citizen("010245-1236", "Karen Jensen");
        relation(karen, fiveYearsAgo.minus(Duration.ofDays(400)), fiveYearsAgo.minus(Duration.ofDays(1)));
        retention.apply();

        var nurse = httpBasic("hjemmebesog", "demo");
        mvc.perform(post("/borgere/{id}/bryd-glasset", karen).with(nurse).with(csrf())
                .param("begrundelse", "Gammelt link fra en kollega")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/borgere/{id}", karen).with(nurse))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Anonymiseret borger"),
                        containsString("opbevaringsperioden var udløbet"), not(containsString("010245")),
                        not(containsString("Karen")))));
        mvc.perform(get("/borgere").param("q", "anonym").with(nurse))
                .andExpect(content().string(containsString("Ingen borgere fundet")));
        mvc.perform(get("/borgere").param("q", "010245-1236").with(nurse))
                .andExpect(content().string(containsString("Ingen borger med det CPR-nummer er registreret.")));
    }

    private CitizenRetention retention(Clock at, String mode) {
        return new CitizenRetention(jdbc, jobs, relations, glass, auditLog, users, at, transactions, publisher, contributions, Period.ofYears(5), mode,
                "0 30 2 * * *");
    }

    private UUID citizen(String cpr, String name) {
        var registered = Citizen.register(CprNumber.of(cpr), name, new Address("Vestergade 3", "7120"),
                new District("VEST"), new Contact("12 34 56 78", "karen@example.dk"),
                new Circumstances(LivingSituation.ALONE, "arabisk", true, "Kører ikke selv"), "hjemmebesog",
                clock.instant());
        return repository.save(registered).id().value();
    }

    private void relation(UUID citizen, Instant from, @Nullable Instant until) {
        jdbc.sql("""
                INSERT INTO citizen_relation (citizen_id, username, reason, created_by, created_at, ended_at)
                VALUES (:citizen, 'hjemmebesog', 'Forebyggende hjemmebesøg', 'hjemmebesog', :from, :until)
                """).param("citizen", citizen).param("from", Timestamp.from(from))
                .param("until", until == null ? null : Timestamp.from(until)).update();
    }

    private void networkMember(UUID citizen, String name, String role) {
        jdbc.sql("""
                INSERT INTO network_member (id, citizen_id, kind, name, role, closeness, phone, added_by, added_at)
                VALUES (:id, :citizen, 'PRIVATE', :name, :role, 1, '12 34 56 78', 'hjemmebesog', :at)
                """).param("id", UUID.randomUUID()).param("citizen", citizen).param("name", name).param("role", role)
                .param("at", Timestamp.from(clock.instant())).update();
    }

    private void consent(UUID citizen, String partyName, String scope) {
        jdbc.sql("""
                INSERT INTO consent (id, citizen_id, party, party_name, scope, given_on, recorded_by, recorded_at)
                VALUES (:id, :citizen, 'ASSOCIATION', :name, :scope, :given, 'hjemmebesog', :at)
                """).param("id", UUID.randomUUID()).param("citizen", citizen).param("name", partyName)
                .param("scope", scope).param("given", LocalDate.now(clock).minusYears(7))
                .param("at", Timestamp.from(clock.instant())).update();
    }

    private void citizenLogin(UUID citizen, String name) {
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, enabled, version, citizen_id)
                VALUES (:username, :name, TRUE, 0, :citizen)
                """).param("username", "borger-" + citizen).param("name", name).param("citizen", citizen).update();
    }

    private String login(UUID citizen) {
        return jdbc.sql("SELECT display_name, enabled, citizen_id FROM app_user WHERE username = :username")
                .param("username", "borger-" + citizen)
                .query((rs, n) -> rs.getString(1) + " " + rs.getBoolean(2) + " " + rs.getString(3)).single();
    }

    private String nameOf(UUID citizen) {
        return jdbc.sql("SELECT name FROM citizen WHERE id = :id").param("id", citizen).query(String.class).single();
    }

    private List<String> auditOf(UUID citizen) {
        return jdbc.sql("SELECT username, action, outcome FROM audit_record WHERE citizen_id = :citizen ORDER BY id")
                .param("citizen", citizen)
                .query((rs, n) -> rs.getString("username") + " " + rs.getString("action") + " " + rs.getString("outcome"))
                .list();
    }
}
