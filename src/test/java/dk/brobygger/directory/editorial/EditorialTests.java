package dk.brobygger.directory.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Users;
import dk.brobygger.directory.OfferHit;
import dk.brobygger.directory.OfferQuery;
import dk.brobygger.directory.OfferSearch;
import dk.brobygger.directory.TestDirectory;
import dk.brobygger.directory.offer.DirectoryChanges;
import dk.brobygger.directory.offer.Location;
import dk.brobygger.directory.offer.Locations;
import dk.brobygger.directory.offer.Offer;
import dk.brobygger.directory.offer.OfferDetails;
import dk.brobygger.directory.offer.OfferHistory;
import dk.brobygger.directory.offer.Offers;
import dk.brobygger.directory.offer.Organization;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Keeping offers current: direct edits, moderated proposals, conflicts, validation and access. */
@BrobyggerTest
class EditorialTests {

    @Autowired MockMvc mvc;
    @Autowired TestDirectory directory;
    @Autowired Users users;
    @Autowired Offers offers;
    @Autowired Locations locations;
    @Autowired OfferHistory history;
    @Autowired OfferSearch search;
    @Autowired DirectoryChanges changes;
    @Autowired ChangeRequests requests;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    Organization knitters;
    Location library;
    Offer knitting;
    Offer otherOffer;
    Organization redCross;

    @BeforeEach
    void directory() {
        directory.reset();
        knitters = directory.organization("Strikkeforeningen");
        library = directory.location(knitters, "Vestergade 10", "7100", "VEST", 55.7090, 9.5360, true);
        knitting = directory.offer(library, "Strikkeklubben").category("kreativ").targetGroup("seniorer")
                .description("Vi strikker og hygger os.").save();
        redCross = directory.organization("Røde Kors Fjordlund");
        var harbour = directory.location(redCross, "Havnegade 3", "7130", "ØST", 55.7300, 9.6200, false);
        otherOffer = directory.offer(harbour, "Besøgsven").category("besoeg").save();
        users.assignOrganization("forening", knitters.id());
    }

    BrobyggerUser editor() {
        return users.find("redaktoer").orElseThrow();
    }

    BrobyggerUser association() {
        return users.find("forening").orElseThrow();
    }

    Offer reload(Offer offer) {
        return offers.findById(offer.id()).orElseThrow();
    }

    /** The edit form as the browser posts it, filled with the offer as it stands. */
    static MultiValueMap<String, String> formOf(Offer offer) {
        OfferDetails d = offer.details();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("name", d.name());
        form.add("description", d.description());
        form.add("locationId", d.locationId().toString());
        form.add("status", d.status().name());
        form.add("supportLevel", d.supportLevel().name());
        form.add("_accompaniment", "on");
        if (d.accompaniment()) form.add("accompaniment", "true");
        form.add("_freeOfCharge", "on");
        if (d.freeOfCharge()) form.add("freeOfCharge", "true");
        form.add("costDescription", d.costDescription() == null ? "" : d.costDescription());
        form.add("_transportOffered", "on");
        form.add("_waitlist", "on");
        form.add("_languages", "on");
        d.languages().forEach(language -> form.add("languages", language));
        form.add("_termIds", "on");
        d.termIds().forEach(term -> form.add("termIds", term.toString()));
        form.add("contactName", d.contactName() == null ? "" : d.contactName());
        form.add("contactEmail", d.contactEmail() == null ? "" : d.contactEmail());
        form.add("contactPhone", d.contactPhone() == null ? "" : d.contactPhone());
        for (int i = 0; i < d.schedules().size(); i++) {
            var schedule = d.schedules().get(i);
            form.add("schedules[" + i + "].weekday", schedule.weekday().name());
            form.add("schedules[" + i + "].opensAt", schedule.opensAt().toString());
            form.add("schedules[" + i + "].closesAt", schedule.closesAt().toString());
            form.add("schedules[" + i + "].weekInterval", Integer.toString(schedule.weekInterval()));
        }
        form.add("version", String.valueOf(offer.version()));
        return form;
    }

    MockHttpServletRequestBuilder saveOffer(Offer offer, MultiValueMap<String, String> form, BrobyggerUser as) {
        return post("/redaktion/tilbud/{id}/rediger", offer.id()).params(form).with(user(as)).with(csrf());
    }

    UUID proposeNewName(String name) throws Exception {
        var form = formOf(knitting);
        form.set("name", name);
        mvc.perform(saveOffer(knitting, form, association())).andExpect(redirectedUrl("/redaktion"));
        return requests.findByOrganizationIdOrderBySubmittedAtDesc(knitters.id()).getFirst().id();
    }

    List<String> found(String text) {
        return search.search(OfferQuery.text(text)).hits().stream().map(OfferHit::name).toList();
    }

    @Test
    void municipalEditorsChangeIsPublishedAtOnceSearchableAndInTheHistory() throws Exception {
        mvc.perform(get("/redaktion/tilbud/{id}/rediger", knitting.id()).with(user(editor())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"Strikkeklubben\"")));
        var form = formOf(knitting);
        form.set("name", "Strik og kaffe");
        form.set("description", "Vi strikker sammen og drikker kaffe på biblioteket.");

        mvc.perform(saveOffer(knitting, form, editor()))
                .andExpect(redirectedUrl("/tilbud/" + knitting.id()))
                .andExpect(flash().attribute("success", "editorial.offer.saved"));

        assertThat(reload(knitting).name()).isEqualTo("Strik og kaffe");
        assertThat(found("kaffe")).containsExactly("Strik og kaffe");
        mvc.perform(get("/redaktion/tilbud/{id}/rediger", knitting.id()).with(user(editor())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Registreret af test den")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("senest ændret af Rasmus Redaktør den")));
        var latest = history.of(knitting.id()).getFirst();
        assertThat(latest.kind()).isEqualTo("CHANGED");
        assertThat(latest.changedBy()).isEqualTo("redaktoer");
        assertThat(latest.details()).contains("\"field\":\"name\"").contains("\"field\":\"description\"");
        mvc.perform(get("/tilbud/{id}", knitting.id()).with(user(editor())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Ændret")));
    }

    @Test
    void municipalEditorCreatesAnOfferForAnyOrganisation() throws Exception {
        mvc.perform(get("/redaktion/tilbud/ny").param("organisation", redCross.id().toString()).with(user(editor())))
                .andExpect(status().isOk());
        var form = formOf(knitting);
        form.set("name", "Læsekreds på havnen");
        form.set("locationId", locations.findByOrganizationIdOrderByName(redCross.id()).getFirst().id().toString());
        form.remove("version");

        var result = mvc.perform(post("/redaktion/tilbud/ny").param("organisation", redCross.id().toString())
                .params(form).with(user(editor())).with(csrf())).andReturn();

        var created = offers.findByOrganizationIdOrderByName(redCross.id()).stream()
                .filter(o -> o.name().equals("Læsekreds på havnen")).findFirst().orElseThrow();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/tilbud/" + created.id());
        assertThat(history.of(created.id())).extracting(OfferHistory.Entry::kind, OfferHistory.Entry::changedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CREATED", "redaktoer"));
        assertThat(found("læsekreds")).containsExactly("Læsekreds på havnen");
    }

    @Test
    void associationEditorsChangeWaitsForModerationAndThePublicPageIsUnchanged() throws Exception {
        var form = formOf(knitting);
        form.set("name", "Strik og kaffe");

        var saved = mvc.perform(saveOffer(knitting, form, association()))
                .andExpect(redirectedUrl("/redaktion"))
                .andExpect(flash().attribute("success", "editorial.proposal.waiting"))
                .andReturn();

        assertThat(reload(knitting).name()).isEqualTo("Strikkeklubben");
        assertThat(reload(knitting).version()).isEqualTo(knitting.version());
        mvc.perform(get("/tilbud/{id}", knitting.id()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Strikkeklubben")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Strik og kaffe"))));
        assertThat(found("kaffe")).isEmpty();
        var pending = requests.findByOrganizationIdOrderBySubmittedAtDesc(knitters.id());
        assertThat(pending).singleElement().satisfies(request -> {
            assertThat(request.status()).isEqualTo(ChangeRequest.Status.PENDING);
            assertThat(request.baseVersion()).isEqualTo(knitting.version());
            assertThat(request.submittedBy()).isEqualTo("forening");
        });
        assertThat(history.of(knitting.id()).getFirst().kind()).isEqualTo("PROPOSED");
        mvc.perform(get("/redaktion").with(user(association())).cookie(saved.getResponse().getCookies()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Dit forslag afventer godkendelse")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Strik og kaffe")));
    }

    @Test
    void approvingAProposalShowsTheDifferenceThenPublishesIt() throws Exception {
        UUID request = proposeNewName("Strik og kaffe");

        mvc.perform(get("/redaktion/moderation").with(user(editor())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Strik og kaffe")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Strikkeforeningen")));
        mvc.perform(get("/redaktion/moderation/{id}", request).with(user(editor())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<td class=\"before\">Strikkeklubben</td>")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<td class=\"after\">Strik og kaffe</td>")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Beskrivelse</th>"))));

        mvc.perform(post("/redaktion/moderation/{id}/godkend", request).with(user(editor())).with(csrf()))
                .andExpect(redirectedUrl("/redaktion/moderation"));

        assertThat(reload(knitting).name()).isEqualTo("Strik og kaffe");
        assertThat(found("kaffe")).containsExactly("Strik og kaffe");
        assertThat(requests.findById(request).orElseThrow().status()).isEqualTo(ChangeRequest.Status.APPROVED);
        var latest = history.of(knitting.id()).getFirst();
        assertThat(latest.kind()).isEqualTo("APPROVED");
        assertThat(latest.changedBy()).isEqualTo("redaktoer");
        mvc.perform(post("/redaktion/moderation/{id}/godkend", request).with(user(editor())).with(csrf()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("allerede afgjort")));
    }

    @Test
    void aProposedNewOfferIsCreatedWhenApproved() throws Exception {
        var form = formOf(knitting);
        form.set("name", "Hækleholdet");
        form.remove("version");
        mvc.perform(post("/redaktion/tilbud/ny").param("organisation", knitters.id().toString()).params(form)
                .with(user(association())).with(csrf())).andExpect(redirectedUrl("/redaktion"));
        assertThat(offers.findByOrganizationIdOrderByName(knitters.id())).extracting(Offer::name)
                .containsExactly("Strikkeklubben");
        UUID request = requests.findByOrganizationIdOrderBySubmittedAtDesc(knitters.id()).getFirst().id();

        mvc.perform(get("/redaktion/moderation/{id}", request).with(user(editor())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<td class=\"after\">Hækleholdet</td>")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Beskrivelse</th>")));
        mvc.perform(post("/redaktion/moderation/{id}/godkend", request).with(user(editor())).with(csrf()))
                .andExpect(redirectedUrl("/redaktion/moderation"));

        var created = offers.findByOrganizationIdOrderByName(knitters.id()).stream()
                .filter(o -> o.name().equals("Hækleholdet")).findFirst().orElseThrow();
        assertThat(requests.findById(request).orElseThrow().offerId()).isEqualTo(created.id());
        assertThat(history.of(created.id()).getFirst().kind()).isEqualTo("APPROVED");
    }

    @Test
    void rejectingNeedsAReasonWhichTheAssociationEditorSees() throws Exception {
        UUID request = proposeNewName("Strik og kaffe");

        mvc.perform(post("/redaktion/moderation/{id}/afvis", request).param("reason", "  ")
                        .with(user(editor())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "Skriv en begrundelse, så foreningen ved, hvorfor forslaget er afvist.")));
        assertThat(requests.findById(request).orElseThrow().isPending()).isTrue();

        mvc.perform(post("/redaktion/moderation/{id}/afvis", request)
                        .param("reason", "Navnet bruges allerede af et andet tilbud.").with(user(editor())).with(csrf()))
                .andExpect(redirectedUrl("/redaktion/moderation"));

        assertThat(reload(knitting).name()).isEqualTo("Strikkeklubben");
        assertThat(history.of(knitting.id()).getFirst().kind()).isEqualTo("REJECTED");
        mvc.perform(get("/redaktion").with(user(association())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Afvist")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Navnet bruges allerede af et andet tilbud.")));
    }

    @Test
    void aProposalForAnOfferChangedSinceIsNotAppliedAndTheModeratorIsTold() throws Exception {
        UUID request = proposeNewName("Strik og kaffe");
        changes.reviseOffer(knitting.id(), knitting.version(),
                directory.offer(library, "Strikkecaféen").category("kreativ").targetGroup("seniorer")
                        .description("Vi strikker og hygger os.").details(), "admin", "CHANGED");

        mvc.perform(post("/redaktion/moderation/{id}/godkend", request).with(user(editor())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("tilbuddet er ændret, efter foreningen sendte forslaget")));

        assertThat(reload(knitting).name()).isEqualTo("Strikkecaféen");
        assertThat(requests.findById(request).orElseThrow().isPending()).isTrue();
    }

    @Test
    void aProposalApprovedAfterTheAssociationChangedTheCapacityKeepsTheNewerCapacity() throws Exception {
        var before = changes.changeCapacity(knitting.id(), knitting.version(), dk.brobygger.directory.Capacity.AVAILABLE,
                5, null, "kontakt");
        knitting = before;
        var form = formOf(knitting);
        form.set("name", "Strik og kaffe");
        form.set("placesLeft", "5");
        mvc.perform(saveOffer(knitting, form, association())).andExpect(redirectedUrl("/redaktion"));
        UUID request = requests.findByOrganizationIdOrderBySubmittedAtDesc(knitters.id()).getFirst().id();
        // Meanwhile the association's contact says only 2 places are left, and an accepted referral takes one.
        var changed = changes.changeCapacity(knitting.id(), knitting.version(), dk.brobygger.directory.Capacity.AVAILABLE,
                2, "Kun to pladser til jul", "kontakt");
        changes.takePlace(changed.id(), "kontakt");

        mvc.perform(post("/redaktion/moderation/{id}/godkend", request).with(user(editor())).with(csrf()))
                .andExpect(redirectedUrl("/redaktion/moderation"));

        var now = reload(knitting);
        assertThat(now.name()).as("the proposal's content is applied").isEqualTo("Strik og kaffe");
        assertThat(now.placesLeft()).as("not the 5 the form showed when the proposal was made").isEqualTo(1);
        assertThat(now.capacity()).isEqualTo(dk.brobygger.directory.Capacity.AVAILABLE);
        assertThat(requests.findById(request).orElseThrow().status()).isEqualTo(ChangeRequest.Status.APPROVED);
        assertThat(history.of(knitting.id())).extracting(OfferHistory.Entry::kind)
                .startsWith("APPROVED", "CAPACITY", "CAPACITY", "PROPOSED");
    }

    @Test
    void aProposalForAnOfferWhoseContentAndCapacityChangedSinceIsStillNotApplied() throws Exception {
        UUID request = proposeNewName("Strik og kaffe");
        var changed = changes.changeCapacity(knitting.id(), knitting.version(), dk.brobygger.directory.Capacity.WAITLIST,
                null, null, "kontakt");
        changes.reviseOffer(knitting.id(), changed.version(), changed.details(), "admin", "CHANGED");

        mvc.perform(post("/redaktion/moderation/{id}/godkend", request).with(user(editor())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("tilbuddet er ændret, efter foreningen sendte forslaget")));
        assertThat(reload(knitting).name()).isEqualTo("Strikkeklubben");
        assertThat(requests.findById(request).orElseThrow().isPending()).isTrue();
    }

    @Test
    void anAssociationEditorCannotTouchAnotherOrganisation() throws Exception {
        mvc.perform(get("/redaktion/tilbud/{id}/rediger", otherOffer.id()).with(user(association())))
                .andExpect(status().isForbidden());
        mvc.perform(saveOffer(otherOffer, formOf(otherOffer), association())).andExpect(status().isForbidden());
        mvc.perform(get("/redaktion/tilbud/ny").param("organisation", redCross.id().toString())
                .with(user(association()))).andExpect(status().isForbidden());
        mvc.perform(post("/redaktion/tilbud/{id}/bekraeft", otherOffer.id()).with(user(association())).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/redaktion/organisationer/{id}/rediger", redCross.id()).with(user(association())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/redaktion/moderation").with(user(association()))).andExpect(status().isForbidden());
        mvc.perform(get("/redaktion/tilbud/{id}/rediger", knitting.id())
                .with(user(users.find("hjemmebesog").orElseThrow()))).andExpect(status().isForbidden());

        assertThat(requests.findAll()).isEmpty();
        assertThat(reload(otherOffer).version()).isEqualTo(otherOffer.version());
    }

    @Test
    void invalidInputShowsDanishMessagesBesideTheFieldsAndKeepsWhatWasTyped() throws Exception {
        var form = formOf(knitting);
        form.set("name", "");
        form.set("description", "<script>alert('hej')</script> Vi strikker hver tirsdag.");
        form.add("minAge", "70");
        form.add("maxAge", "60");
        form.set("contactEmail", "ikke-en-mail");
        form.set("schedules[0].opensAt", "12:00");
        form.set("schedules[0].closesAt", "10:00");
        form.add("url", "javascript:alert(1)");
        // A number field shows what was saved (browsers only send numbers there), but says what is wrong.
        form.add("placesLeft", "mange");

        mvc.perform(saveOffer(knitting, form, editor()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Skriv tilbuddets navn.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "Højeste alder skal være mindst lige så høj som mindste alder.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Skriv en gyldig e-mailadresse")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "Sluttidspunktet skal ligge efter starttidspunktet.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("begynder med https://")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Skriv et helt tal.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"ikke-en-mail\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"70\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "&lt;script&gt;alert(&#39;hej&#39;)&lt;/script&gt; Vi strikker hver tirsdag.")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<script>alert"))));

        assertThat(reload(knitting).version()).isEqualTo(knitting.version());
        assertThat(reload(knitting).description()).isEqualTo("Vi strikker og hygger os.");
    }

    @Test
    void textLongerThanTheDatabaseAllowsIsRefusedWithTheLimit() throws Exception {
        var form = formOf(knitting);
        form.set("name", "S".repeat(201));

        mvc.perform(saveOffer(knitting, form, editor()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Teksten er for lang – højst 200 tegn.")));
    }

    @Test
    void savingFromAStaleVersionShowsTheCurrentValuesAndOverwritesNothing() throws Exception {
        var form = formOf(knitting);
        changes.reviseOffer(knitting.id(), knitting.version(),
                directory.offer(library, "Strikkecaféen").category("kreativ").targetGroup("seniorer")
                        .description("Vi strikker og hygger os.").details(), "admin", "CHANGED");
        form.set("name", "Strik og kaffe");

        mvc.perform(saveOffer(knitting, form, editor()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Nogen har ændret det samme i mellemtiden")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<td class=\"conflict-current\">Strikkecaféen</td>")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"Strik og kaffe\"")));

        assertThat(reload(knitting).name()).isEqualTo("Strikkecaféen");
    }

    @Test
    void staleOffersAreListedOldestFirstOrByNameAndConfirmedWithOneClick() throws Exception {
        var visits = offers.findById(otherOffer.id()).orElseThrow();
        confirmedOn(knitting, LocalDate.now(clock).minusMonths(7));
        confirmedOn(visits, LocalDate.now(clock).minusMonths(9));

        String byDate = mvc.perform(get("/redaktion/ikke-bekraeftet").with(user(editor())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(byDate.indexOf("Besøgsven")).isPositive().isLessThan(byDate.indexOf("Strikkeklubben"));
        String byName = mvc.perform(get("/redaktion/ikke-bekraeftet").param("sorter", "navn").with(user(editor())))
                .andReturn().getResponse().getContentAsString();
        assertThat(byName.indexOf("Strikkeklubben")).isPositive().isGreaterThan(byName.indexOf("Besøgsven"));

        mvc.perform(post("/redaktion/tilbud/{id}/bekraeft", knitting.id())
                        .param("tilbage", "/redaktion/ikke-bekraeftet").with(user(editor())).with(csrf()))
                .andExpect(redirectedUrl("/redaktion/ikke-bekraeftet"))
                .andExpect(flash().attribute("success", "editorial.offer.confirmed"));

        assertThat(reload(knitting).assuredDate()).isEqualTo(LocalDate.now(clock));
        assertThat(history.of(knitting.id()).getFirst().kind()).isEqualTo("CONFIRMED");
        mvc.perform(get("/redaktion/ikke-bekraeftet").with(user(editor())))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Strikkeklubben"))));
    }

    @Test
    void anAssociationEditorSeesAndConfirmsOnlyTheOwnStaleOffersWithoutModeration() throws Exception {
        confirmedOn(knitting, LocalDate.now(clock).minusMonths(7));
        confirmedOn(offers.findById(otherOffer.id()).orElseThrow(), LocalDate.now(clock).minusMonths(9));

        mvc.perform(get("/redaktion/ikke-bekraeftet").with(user(association())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Strikkeklubben")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Besøgsven"))));
        mvc.perform(get("/redaktion").with(user(association())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Ikke bekræftet i lang tid")));

        mvc.perform(post("/redaktion/tilbud/{id}/bekraeft", knitting.id()).with(user(association())).with(csrf())
                        .header("Referer", "http://localhost/redaktion"))
                .andExpect(redirectedUrl("/redaktion"));

        assertThat(reload(knitting).assuredDate()).isEqualTo(LocalDate.now(clock));
        assertThat(history.of(knitting.id()).getFirst().changedBy()).isEqualTo("forening");
        assertThat(requests.findAll()).isEmpty();
    }

    @Test
    void municipalEditorsDashboardCountsWhatWaits() throws Exception {
        proposeNewName("Strik og kaffe");
        confirmedOn(offers.findById(otherOffer.id()).orElseThrow(), LocalDate.now(clock).minusYears(1));

        mvc.perform(get("/redaktion").with(user(editor())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("1 forslag venter")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("1 tilbud er ikke bekræftet i lang tid")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("href=\"/redaktion/import\"")));
    }

    @Test
    void organisationsAreFoundByNameAndEditedByMunicipalEditors() throws Exception {
        mvc.perform(get("/redaktion/organisationer").param("q", "røde").with(user(editor())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Røde Kors Fjordlund")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Strikkeforeningen"))));
        mvc.perform(get("/redaktion/organisationer").with(user(association()))).andExpect(status().isForbidden());

        mvc.perform(post("/redaktion/organisationer/{id}/rediger", redCross.id()).with(user(editor())).with(csrf())
                        .param("name", "Røde Kors Fjordlund Nord").param("kind", "VOLUNTEER_ORGANIZATION")
                        .param("website", "https://rodekors.dk").param("version", "0"))
                .andExpect(redirectedUrl("/redaktion/organisationer/" + redCross.id() + "/rediger"));
        assertThat(found("nord")).containsExactly("Besøgsven");
    }

    @Test
    void anAssociationEditorsOrganisationChangeWaitsForModeration() throws Exception {
        mvc.perform(post("/redaktion/organisationer/{id}/rediger", knitters.id()).with(user(association())).with(csrf())
                        .param("name", "Strikkeforeningen af 1998").param("kind", "ASSOCIATION").param("version", "0"))
                .andExpect(redirectedUrl("/redaktion"));
        var request = requests.findByOrganizationIdOrderBySubmittedAtDesc(knitters.id()).getFirst();
        assertThat(request.subject()).isEqualTo(ChangeRequest.Subject.ORGANIZATION);

        mvc.perform(get("/redaktion/moderation/{id}", request.id()).with(user(editor())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<td class=\"after\">Strikkeforeningen af 1998</td>")));
        mvc.perform(post("/redaktion/moderation/{id}/godkend", request.id()).with(user(editor())).with(csrf()))
                .andExpect(redirectedUrl("/redaktion/moderation"));
        mvc.perform(get("/redaktion").with(user(association())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Strikkeforeningen af 1998")));
    }

    @Test
    void anEditorAddsAPlaceWhichOffersCanThenUse() throws Exception {
        mvc.perform(post("/redaktion/organisationer/{id}/steder/ny", knitters.id()).with(user(association())).with(csrf())
                        .param("name", "Medborgerhuset").param("address", "Torvet 2").param("postalCode", "7120")
                        .param("city", "Fjordlund").param("district", "VEST").param("_wheelchairAccess", "on")
                        .param("wheelchairAccess", "true"))
                .andExpect(redirectedUrl("/redaktion/organisationer/" + knitters.id() + "/rediger"));

        var place = locations.findByOrganizationIdOrderByName(knitters.id()).stream()
                .filter(l -> l.name().equals("Medborgerhuset")).findFirst().orElseThrow();
        assertThat(place.latitude()).isEqualTo(55.7000);
        assertThat(place.wheelchairAccess()).isTrue();
        mvc.perform(get("/redaktion/tilbud/{id}/rediger", knitting.id()).with(user(association())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Medborgerhuset, Torvet 2")));

        mvc.perform(post("/redaktion/organisationer/{id}/steder/ny", knitters.id()).with(user(association())).with(csrf())
                        .param("name", "Hytten").param("address", "Skovvej 1").param("postalCode", "9999")
                        .param("city", "Skoven").param("district", "NORD"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Vælg en bydel.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"Skovvej 1\"")));
    }

    @Test
    void theModerationQueueShowsTheOldestProposalsFirstAPageAtATime() throws Exception {
        var start = java.time.Instant.parse("2026-03-02T08:00:00Z");
        for (int i = 0; i < ModerationPages.PAGE_SIZE + 1; i++) {
            requests.save(ChangeRequest.submit(ChangeRequest.Subject.OFFER, knitting.id(), knitters.id(),
                    knitting.version(), "{}", String.format("Forslag %02d", i), "forening",
                    start.plus(java.time.Duration.ofMinutes(i))));
        }
        String first = mvc.perform(get("/redaktion/moderation").with(user(editor())))
                .andReturn().getResponse().getContentAsString();
        String second = mvc.perform(get("/redaktion/moderation").param("side", "2").with(user(editor())))
                .andReturn().getResponse().getContentAsString();

        assertThat(first).contains("21 forslag venter", "Side 1 af 2").doesNotContain("Forslag 20");
        assertThat(first.indexOf("Forslag 00")).isPositive().isLessThan(first.indexOf("Forslag 01"));
        assertThat(first.indexOf("Forslag 18")).isLessThan(first.indexOf("Forslag 19"));
        assertThat(second).contains("Forslag 20", "Side 2 af 2").doesNotContain("Forslag 00");
    }

    void confirmedOn(Offer offer, LocalDate date) {
        jdbc.sql("UPDATE offer SET assured_date = :date WHERE id = :id").param("date", date).param("id", offer.id())
                .update();
    }
}
