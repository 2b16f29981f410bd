package dk.brobygger.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.access.Users;
import dk.brobygger.citizen.TestCitizens;
import dk.brobygger.directory.TestDirectory;
import dk.brobygger.directory.offer.Offer;
import dk.brobygger.directory.offer.Organization;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A value a form field cannot hold (an unknown choice, letters in a number, a malformed time, a word in a
 * tick box) is named in Danish at the field, in every form that binds typed fields; no page shows a Java
 * class name or the converter's English. The values are generated per kind of field, a few per run.
 */
@BrobyggerTest
class FormFieldMessagesTests {

    static final Pattern INTERNALS = Pattern.compile("java\\.|dk\\.brobygger\\.|Exception|Failed to convert");
    static final int VARIANTS_PER_FIELD = 2;

    /** What a field holds, the Danish message a value it cannot hold gets, and such values. */
    enum Kind {
        CHOICE("Vælg en af mulighederne"),
        WHOLE_NUMBER("Skriv et helt tal."),
        NUMBER("Skriv et tal"),
        TIME("Skriv et klokkeslæt"),
        TICK("Sæt eller fjern fluebenet."),
        VERSION("Hent den igen");

        final String message;

        Kind(String message) {
            this.message = message;
        }

        String unreadable(Random random) {
            String word = letters(random, 3 + random.nextInt(8));
            return switch (this) {
                case CHOICE -> List.of("UKENDT_" + word.toUpperCase(), word + ".lang.Object", "<b>" + word + "</b>",
                        "ÆØÅ-" + random.nextInt(1000)).get(random.nextInt(4));
                case WHOLE_NUMBER, VERSION -> List.of(word, random.nextInt(100) + word, "9".repeat(20 + random.nextInt(20)),
                        random.nextInt(100) + "," + random.nextInt(10)).get(random.nextInt(4));
                case NUMBER -> List.of(word, random.nextInt(90) + "," + random.nextInt(10_000), "--" + random.nextInt(9),
                        random.nextInt(90) + "e").get(random.nextInt(4));
                case TIME -> List.of((24 + random.nextInt(70)) + ":" + (60 + random.nextInt(39)), "kl. " + random.nextInt(24),
                        random.nextInt(24) + "." + random.nextInt(60), word).get(random.nextInt(4));
                case TICK -> List.of("måske", word, "ja tak").get(random.nextInt(3));
            };
        }

        private static String letters(Random random, int length) {
            return random.ints(length, 'a', 'z' + 1).mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining());
        }
    }

    /** One form: where it is posted, by whom, and a filled-in version that is valid but for the field under test. */
    record Form(String name, String path, RequestPostProcessor as, Map<String, String> valid, Map<String, Kind> fields) {
    }

    @Autowired MockMvc mvc;
    @Autowired TestDirectory directory;
    @Autowired TestCitizens citizens;
    @Autowired JdbcClient jdbc;
    @Autowired Users users;

    Organization knitters;
    Offer knitting;
    UUID karen;

    @BeforeEach
    void aDirectoryAndACitizen() {
        directory.reset();
        knitters = directory.organization("Strikkeforeningen");
        var library = directory.location(knitters, "Vestergade 10", "7100", "VEST", 55.7090, 9.5360, true);
        knitting = directory.offer(library, "Strikkeklubben").save();
        citizens.reset();
        jdbc.sql("DELETE FROM citizen_relation").update();
        karen = citizens.registered("010245-1236", "Karen Jensen", "hjemmebesog");
    }

    @Test
    void everyTypedFieldOfEveryFormNamesAnUnreadableValueInDanishAndShowsNoInternals() throws Exception {
        long seed = System.nanoTime();
        var random = new Random(seed);
        for (Form form : forms()) {
            for (var field : form.fields().entrySet()) {
                for (int i = 0; i < VARIANTS_PER_FIELD; i++) {
                    String value = field.getValue().unreadable(random);
                    var params = new LinkedHashMap<>(form.valid());
                    params.put(field.getKey(), value);
                    var request = post(form.path()).with(form.as()).with(csrf());
                    params.forEach(request::param);
                    var response = mvc.perform(request).andReturn().getResponse();
                    String page = response.getContentAsString();
                    String what = "%s: %s=%s (seed %d)".formatted(form.name(), field.getKey(), value, seed);

                    assertThat(response.getStatus()).as(what).isIn(200, 400);
                    assertThat(page).as(what).doesNotContainPattern(INTERNALS);
                    assertThat(page).as(what).containsPattern("href=\"#" + Pattern.quote(field.getKey().replaceAll("[\\[\\]]", ""))
                            + "\"[^>]*>[^<]*" + Pattern.quote(field.getValue().message));
                }
            }
        }
    }

    /** Logged in without a password check per request: many requests, each would hash a password. */
    RequestPostProcessor as(String username) {
        return user(users.find(username).orElseThrow());
    }

    List<Form> forms() {
        var forms = new ArrayList<Form>();
        var editor = as("redaktoer");
        var admin = as("admin");
        var nurse = as("hjemmebesog");
        var offer = new LinkedHashMap<String, String>();
        offer.put("name", "Strikkeklubben");
        offer.put("description", "Vi strikker.");
        offer.put("locationId", knitting.details().locationId().toString());
        offer.put("status", "ACTIVE");
        offer.put("supportLevel", "SELF_RELIANT");
        offer.put("languages", "da");
        offer.put("version", String.valueOf(knitting.version()));
        var offerFields = new LinkedHashMap<String, Kind>();
        for (String choice : List.of("locationId", "status", "supportLevel", "termIds", "schedules[0].weekday")) {
            offerFields.put(choice, Kind.CHOICE);
        }
        for (String number : List.of("minAge", "maxAge", "placesLeft", "schedules[0].weekInterval")) {
            offerFields.put(number, Kind.WHOLE_NUMBER);
        }
        offerFields.put("schedules[0].opensAt", Kind.TIME);
        offerFields.put("schedules[0].closesAt", Kind.TIME);
        for (String tick : List.of("accompaniment", "freeOfCharge", "transportOffered", "waitlist")) {
            offerFields.put(tick, Kind.TICK);
        }
        offerFields.put("version", Kind.VERSION);
        forms.add(new Form("offer", "/redaktion/tilbud/" + knitting.id() + "/rediger", editor, offer, offerFields));

        var newOffer = new LinkedHashMap<>(offer);
        newOffer.remove("version");
        newOffer.put("organisation", knitters.id().toString());
        forms.add(new Form("new offer", "/redaktion/tilbud/ny", editor, newOffer,
                Map.of("supportLevel", Kind.CHOICE, "placesLeft", Kind.WHOLE_NUMBER)));

        forms.add(new Form("organisation", "/redaktion/organisationer/" + knitters.id() + "/rediger", editor,
                Map.of("name", "Strikkeforeningen", "kind", "ASSOCIATION", "version", "0"),
                Map.of("kind", Kind.CHOICE, "version", Kind.VERSION)));
        forms.add(new Form("location", "/redaktion/organisationer/" + knitters.id() + "/steder/ny", editor,
                Map.of("name", "Biblioteket", "address", "Torvet 1", "postalCode", "7100", "city", "Vejle",
                        "district", "VEST"),
                Map.of("latitude", Kind.NUMBER, "longitude", Kind.NUMBER, "wheelchairAccess", Kind.TICK,
                        "hearingLoop", Kind.TICK)));

        forms.add(new Form("new user", "/admin/brugere/ny", admin,
                Map.of("username", "ny.bruger", "displayName", "Ny Bruger", "roles", "STAFF"),
                Map.of("roles", Kind.CHOICE)));
        forms.add(new Form("user", "/admin/brugere/vaert", admin,
                Map.of("displayName", "Vært", "roles", "STAFF", "version", "0"),
                Map.of("roles", Kind.CHOICE, "version", Kind.VERSION)));

        var citizen = new LinkedHashMap<String, String>();
        citizen.put("cpr", "020345-1235");
        citizen.put("name", "Ole Hansen");
        citizen.put("needsInterpreter", "true");
        forms.add(new Form("new citizen", "/borgere/ny", nurse, citizen, Map.of("needsInterpreter", Kind.TICK)));
        var change = new LinkedHashMap<>(citizen);
        change.remove("cpr");
        change.put("version", "0");
        forms.add(new Form("citizen", "/borgere/" + karen + "/ret", nurse, change,
                Map.of("needsInterpreter", Kind.TICK, "version", Kind.VERSION)));
        return forms;
    }
}
