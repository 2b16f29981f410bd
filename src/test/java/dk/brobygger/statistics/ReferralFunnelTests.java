package dk.brobygger.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.citizen.TestCitizens;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The bridge in figures: referred → accepted → first visit (accompanied or not) → attending regularly within three
 * months, by district, age band, sex and where the referral was made, with the median days to a first visit; counts
 * from 1 to 4 never shown, and no hidden count to be had by subtracting the shown ones from the total.
 */
@BrobyggerTest
class ReferralFunnelTests {

    static final Locale DANISH = Locale.of("da");
    static final int YEAR = 2025;

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestCitizens citizens;
    @Autowired ReferralFunnel funnel;

    int cpr = 2000;

    @BeforeEach
    void aYearOfReferrals() {
        citizens.reset();
        jdbc.sql("DELETE FROM volunteer_assignment").update();
        jdbc.sql("DELETE FROM volunteer").update();
        jdbc.sql("DELETE FROM referral").update();
        Instant march = LocalDate.of(YEAR, 3, 3).atStartOfDay(dk.brobygger.shared.DanishTime.ZONE).toInstant();
        // VEST: 8 women aged 70-74 referred by the Fællesteam; 7 accepted, 6 came (5 with a companion), 5 regularly.
        for (int i = 0; i < 8; i++) {
            UUID woman = citizen("VEST", LocalDate.of(1953, 6, 1), "FEMALE");
            referral(woman, "FAELLESTEAM", i < 5, march, i < 7 ? march.plus(Duration.ofDays(2)) : null,
                    i < 6 ? march.plus(Duration.ofDays(10)) : null, i < 5 ? march.plus(Duration.ofDays(40)) : null,
                    "IN_PROGRESS");
        }
        // ØST: 3 men aged 80-84 from home visits; all accepted, one came, alone; one regularly only after 4 months.
        for (int i = 0; i < 3; i++) {
            UUID man = citizen("ØST", LocalDate.of(1943, 1, 1), "MALE");
            referral(man, "HOME_VISIT", false, march, march.plus(Duration.ofDays(1)),
                    i == 0 ? march.plus(Duration.ofDays(10)) : null, i == 0 ? march.plus(Duration.ofDays(130)) : null,
                    "ACCEPTED");
        }
        // Neither a referral made by mistake nor one sent the year before counts.
        UUID other = citizen("VEST", LocalDate.of(1953, 6, 1), "FEMALE");
        referral(other, "OUTREACH", false, march, null, null, null, "ENTERED_IN_ERROR");
        referral(other, "OUTREACH", false, march.minus(Duration.ofDays(365)), null, null, null, "REQUESTED");
    }

    UUID citizen(String district, LocalDate born, String sex) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO citizen (id, cpr, birth_date, sex, name, district, needs_interpreter, version, created_at,
                                     created_by, updated_at, updated_by)
                VALUES (:id, :cpr, :born, :sex, 'Test', :district, FALSE, 0, :now, 'test', :now, 'test')
                """).param("id", id).param("cpr", "020202" + (cpr++)).param("born", born).param("sex", sex)
                .param("district", district).param("now", Timestamp.valueOf("2025-01-01 00:00:00")).update();
        return id;
    }

    void referral(UUID citizen, String context, boolean accompaniment, Instant requested, @Nullable Instant accepted,
            @Nullable Instant firstVisit, @Nullable Instant regularly, String status) {
        jdbc.sql("""
                INSERT INTO referral (id, citizen_id, offer_id, offer_name, organization_id, organization_name, referrer,
                                      team, status, accompaniment, requested_at, version, created_by, created_at,
                                      updated_by, updated_at, context, accepted_at, first_visit_at, regularly_at)
                VALUES (:id, :citizen, :offer, 'Strikkecafé', :organization, 'Strikkeklubben', 'faellesteam',
                        'faellesteam', :status, :accompaniment, :requested, 1, 'faellesteam', :requested,
                        'faellesteam', :requested, :context, :accepted, :firstVisit, :regularly)
                """).param("id", UUID.randomUUID()).param("citizen", citizen).param("offer", UUID.randomUUID())
                .param("organization", UUID.randomUUID()).param("status", status).param("accompaniment", accompaniment)
                .param("requested", Timestamp.from(requested)).param("context", context)
                .param("accepted", timestamp(accepted)).param("firstVisit", timestamp(firstVisit))
                .param("regularly", timestamp(regularly)).update();
    }

    static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    List<String> row(Table table, String label) {
        return table.rows().stream().filter(row -> row.getFirst().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void theWholeFunnelCountsEachStageOnceAndTheMedianDaysToAFirstVisit() {
        var tables = funnel.tables(funnel.year(YEAR, DANISH), DANISH);
        // Referred, accepted, first visit, of these accompanied, regularly within 3 months, met a full offer, days.
        assertThat(tables.getFirst().rows().getFirst()).containsExactly("I alt", "11", "10", "7", "5", "5", "0", "10");
    }

    @Test
    void aSmallGroupIsUnderFiveAndTheOneItCouldBeSubtractedFromIsHiddenToo() {
        var tables = funnel.tables(funnel.year(YEAR, DANISH), DANISH);
        var byDistrict = tables.stream().filter(table -> table.title().startsWith("Efter distrikt")).findFirst()
                .orElseThrow();
        var east = row(byDistrict, districtName("ØST"));
        var west = row(byDistrict, districtName("VEST"));
        assertThat(east.get(1)).isEqualTo("<5");
        assertThat(west.get(1)).as("8 of 11: shown, ØST's 3 would follow").isEqualTo("–");
        assertThat(west.get(3)).isEqualTo("–");
        assertThat(row(byDistrict, "I alt").get(1)).isEqualTo("11");
        var bySex = tables.stream().filter(table -> table.title().startsWith("Efter køn")).findFirst().orElseThrow();
        assertThat(row(bySex, "Mænd").subList(1, 6)).containsExactly("<5", "<5", "<5", "0", "0");
        assertThat(row(bySex, "Kvinder").subList(1, 4)).containsExactly("–", "–", "–");
        var byContext = tables.stream().filter(table -> table.title().startsWith("Efter hvor")).findFirst()
                .orElseThrow();
        assertThat(row(byContext, "Fællesteamets brobygning").get(5)).as("regularly: 5 here, 0 from home visits")
                .isEqualTo("5");
    }

    String districtName(String code) {
        return jdbc.sql("SELECT COALESCE(MAX(name), :code) FROM district WHERE code = :code").param("code", code)
                .query(String.class).single();
    }

    @Test
    void theAgeBandIsTheCitizensAgeOnTheDayOfTheReferralInDanishTime() {
        // Born 3 March 1960, referred at half past midnight on her 65th birthday in Denmark (still the 2nd in UTC).
        UUID birthday = citizen("VEST", LocalDate.of(1960, 3, 3), "FEMALE");
        Instant halfPastMidnight = LocalDate.of(YEAR, 3, 3).atTime(0, 30)
                .atZone(dk.brobygger.shared.DanishTime.ZONE).toInstant();
        referral(birthday, "OUTREACH", false, halfPastMidnight, null, null, null, "REQUESTED");
        var byAge = funnel.year(YEAR, DANISH).breakdowns().get(ReferralFunnel.Dimension.AGE_BAND);
        assertThat(byAge).extracting(ReferralFunnel.Row::label).containsExactly("65-69", "70-74", "80-84");
        assertThat(byAge).extracting(row -> row.count(ReferralFunnel.Stage.REFERRED)).containsExactly(1L, 8L, 3L);
    }

    @Test
    void referralsToOffersWithoutACategoryAreCountedUnderNoCategory() {
        var byCategory = funnel.year(YEAR, DANISH).breakdowns().get(ReferralFunnel.Dimension.CATEGORY);
        assertThat(byCategory).singleElement().satisfies(row -> {
            assertThat(row.label()).isEqualTo("Uden kategori");
            assertThat(row.count(ReferralFunnel.Stage.REFERRED)).isEqualTo(11);
            assertThat(row.count(ReferralFunnel.Stage.REGULARLY)).as("one came regularly only after 4 months")
                    .isEqualTo(5);
        });
    }

    @Autowired ReportsDatabase reports;
    @Autowired org.springframework.context.MessageSource messages;
    @Autowired dk.brobygger.shared.Districts districts;
    @Autowired java.time.Clock clock;

    @Test
    void aCountedYearIsShownAgainUntilItIsOlderThanTheRefreshThenCountedAgainInTheBackground() throws Exception {
        var kept = new ReferralFunnel(reports, messages, districts, clock, Duration.ofMillis(300));
        var first = kept.year(YEAR, DANISH);
        assertThat(first.total().count(ReferralFunnel.Stage.REFERRED)).isEqualTo(11);

        UUID late = citizen("VEST", LocalDate.of(1950, 1, 1), "FEMALE");
        referral(late, "OUTREACH", false, LocalDate.of(YEAR, 5, 5).atStartOfDay(dk.brobygger.shared.DanishTime.ZONE)
                .toInstant(), null, null, null, "REQUESTED");
        assertThat(kept.year(YEAR, DANISH)).as("within the refresh: the same count").isSameAs(first);

        Thread.sleep(400);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        ReferralFunnel.Funnel now = kept.year(YEAR, DANISH);
        while (now.total().count(ReferralFunnel.Stage.REFERRED) == 11 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            now = kept.year(YEAR, DANISH);
        }
        assertThat(now.total().count(ReferralFunnel.Stage.REFERRED)).as("counted again").isEqualTo(12);
        assertThat(now.countedAt()).isAfterOrEqualTo(first.countedAt());
        assertThat(funnel.year(YEAR, DANISH).total().count(ReferralFunnel.Stage.REFERRED))
                .as("the tests' own funnel counts on every request").isEqualTo(12);
    }

    @Test
    void thisYearIsCountedInTheBackgroundOnceTheApplicationIsReadyBeforeAnyoneAsks() throws Exception {
        var kept = new ReferralFunnel(reports, messages, districts, clock, Duration.ofMinutes(10));
        int thisYear = LocalDate.now(clock.withZone(dk.brobygger.shared.DanishTime.ZONE)).getYear();
        assertThat(kept.keeps(thisYear, DANISH)).isFalse();
        kept.countThisYearInTheBackground();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!kept.keeps(thisYear, DANISH) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(kept.keeps(thisYear, DANISH)).as("counted without a request").isTrue();
        assertThat(kept.keeps(YEAR, DANISH)).as("other years wait until asked for").isFalse();
        // Counting on every request (refresh zero, as in the tests' own funnel) keeps nothing to warm.
        funnel.countThisYearInTheBackground();
        assertThat(funnel.keeps(thisYear, DANISH)).isFalse();
    }

    @Test
    void theMedianIsTheMiddleDayOrTheMeanOfTheTwoMiddleDays() {
        assertThat(row(java.util.Map.of(3L, 1L, 8L, 1L)).medianDays()).isEqualTo(5.5);
        assertThat(row(java.util.Map.of(2L, 2L, 9L, 1L)).medianDays()).isEqualTo(2.0);
        assertThat(row(java.util.Map.of(1L, 1L, 2L, 1L, 3L, 1L, 4L, 1L)).medianDays()).isEqualTo(2.5);
        assertThat(row(java.util.Map.of()).medianDays()).isNull();
    }

    static ReferralFunnel.Row row(java.util.Map<Long, Long> days) {
        return new ReferralFunnel.Row("x", new long[ReferralFunnel.Stage.values().length], days);
    }

    @Test
    void managersSeeTheFunnelAndDownloadItAndStaffDoNot() throws Exception {
        mvc.perform(get("/leder/statistik/henvisninger").param("aar", String.valueOf(YEAR)).with(httpBasic("leder", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Henvisninger i tal")))
                .andExpect(content().string(containsString("Kommer fast inden for 3 måneder")));
        byte[] csv = mvc.perform(get("/leder/statistik/henvisninger.csv").param("aar", String.valueOf(YEAR))
                        .param("tabel", "3").with(httpBasic("leder", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("<5");
        byte[] xlsx = mvc.perform(get("/leder/statistik/henvisninger.xlsx").param("aar", String.valueOf(YEAR))
                        .with(httpBasic("leder", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(8);
        }
        mvc.perform(get("/leder/statistik/henvisninger").with(httpBasic("faellesteam", "demo")))
                .andExpect(status().isForbidden());
    }

    UUID volunteer(boolean peer, String stage) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO volunteer (id, name, postcode, peer, stage, version, created_by, created_at, updated_by,
                                       updated_at)
                VALUES (:id, 'Frivillig', '7100', :peer, :stage, 0, 'test', :now, 'test', :now)
                """).param("id", id).param("peer", peer).param("stage", stage)
                .param("now", Timestamp.valueOf("2025-01-01 00:00:00")).update();
        return id;
    }

    @Test
    void volunteersOnboardedAndTheTimesAndHoursTheyGaveAreCountedWithoutPointingAtAnyone() {
        for (int i = 0; i < 6; i++) {
            volunteer(i < 2, "ONBOARDED");
        }
        volunteer(false, "PAUSED");
        UUID referral = jdbc.sql("SELECT id FROM referral WHERE status = 'IN_PROGRESS' FETCH FIRST 1 ROWS ONLY")
                .query(UUID.class).single();
        UUID going = volunteer(false, "ONBOARDED");
        Instant reported = LocalDate.of(YEAR, 4, 1).atStartOfDay(dk.brobygger.shared.DanishTime.ZONE).toInstant();
        for (int i = 0; i < 5; i++) {
            jdbc.sql("""
                    INSERT INTO volunteer_assignment (id, volunteer_id, referral_id, status, visit, assigned_by,
                                                      assigned_at, reported_at, minutes_given, version)
                    VALUES (:id, :volunteer, :referral, 'REPORTED', 'WENT_TOGETHER', 'faellesteam', :at, :at, 90, 1)
                    """).param("id", UUID.randomUUID()).param("volunteer", going).param("referral", referral)
                    .param("at", Timestamp.from(reported)).update();
        }
        var v = funnel.year(YEAR, DANISH).volunteering();
        assertThat(v.onboarded().shown()).isEqualTo("7");
        assertThat(v.peersOnboarded().shown()).isEqualTo("<5");
        assertThat(v.wentAlong().shown()).as("one volunteer").isEqualTo("<5");
        assertThat(v.accompaniments().shown()).isEqualTo("5");
        assertThat(v.hoursShown()).as("5 × 1½ hours").isEqualTo("8");
    }
}
