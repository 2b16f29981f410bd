package dk.brobygger.directory.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.access.Users;
import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.TestDirectory;
import dk.brobygger.directory.offer.DirectoryChanges;
import dk.brobygger.directory.offer.Location;
import dk.brobygger.directory.offer.Offer;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Editors are reminded of offers nobody has confirmed for half a year, but not every day. */
@BrobyggerTest
class StaleOfferReminderTests {

    @Autowired StaleOfferReminders reminders;
    @Autowired TestDirectory directory;
    @Autowired DirectoryChanges changes;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Clock clock;

    Instant now;
    Location library;
    Offer knitting;

    @BeforeEach
    void staleOffer() {
        directory.reset();
        now = clock.instant();
        var knitters = directory.organization("Strikkeforeningen");
        library = directory.location(knitters, "Vestergade 10", "7100", "VEST", 55.7090, 9.5360, true);
        knitting = directory.offer(library, "Strikkeklubben").save();
        confirmedOn(knitting, LocalDate.now(clock).minusMonths(7));
        users.assignOrganization("forening", knitters.id());
    }

    @Test
    void theEditorIsRemindedOfAStaleOfferOncePerFortnight() {
        assertThat(reminders.remind(now)).isEqualTo(1);
        assertThat(reminders.remind(now.plus(Duration.ofDays(1)))).isZero();
        assertThat(reminders.remind(now.plus(Duration.ofDays(13)))).isZero();
        assertThat(reminders.remind(now.plus(Duration.ofDays(15)))).isEqualTo(1);

        assertThat(jdbc.sql("SELECT recipient FROM offer_reminder WHERE offer_id = :offer")
                .param("offer", knitting.id()).query(String.class).list()).containsExactly("forening", "forening");
    }

    @Test
    void currentAndInactiveOffersAndOrganisationsWithoutEditorsAreNotReminded() {
        directory.offer(library, "Hækleholdet").save();
        var closed = directory.offer(library, "Lukket læsekreds").status(OfferStatus.INACTIVE).save();
        confirmedOn(closed, LocalDate.now(clock).minusYears(2));
        var redCross = directory.organization("Røde Kors Fjordlund");
        var harbour = directory.location(redCross, "Havnegade 3", "7130", "ØST", 55.73, 9.62, false);
        var visits = directory.offer(harbour, "Besøgsven").save();
        confirmedOn(visits, LocalDate.now(clock).minusYears(1));

        assertThat(reminders.remind(now)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT offer_id FROM offer_reminder").query(java.util.UUID.class).list())
                .containsExactly(knitting.id());
    }

    @Test
    void confirmingTheOfferEndsTheReminders() {
        reminders.remind(now);
        changes.confirm(knitting.id(), "forening");

        assertThat(reminders.remind(now.plus(Duration.ofDays(30)))).isZero();
        assertThat(reminders.of("forening", 10)).isEmpty();
    }

    @Test
    void theEditorSeesTheReminderOnTheDashboard() throws Exception {
        reminders.remind(now);

        mvc.perform(get("/redaktion").with(user(users.find("forening").orElseThrow())))
                .andExpect(content().string(Matchers.containsString("Påmindelser")))
                .andExpect(content().string(Matchers.containsString("Husk at bekræfte &quot;Strikkeklubben&quot;")));
    }

    void confirmedOn(Offer offer, LocalDate date) {
        jdbc.sql("UPDATE offer SET assured_date = :date WHERE id = :id").param("date", date).param("id", offer.id())
                .update();
    }
}
