package dk.brobygger.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dk.brobygger.shared.DomainException;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.json.JsonMapper;

/** Instruments are data (DOMAIN.md §9): the shipped definitions score as the literature says. */
class InstrumentTests {

    final InstrumentFormat format = new InstrumentFormat(JsonMapper.builder().build());

    Instrument shipped(String file) throws IOException {
        return format.read(new ClassPathResource("instruments/" + file).getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theUclaThreeItemScaleSumsToBetweenThreeAndNine() throws IOException {
        var ucla = shipped("ucla-3.json");
        assertThat(ucla.lowestRaw()).isEqualTo(3);
        assertThat(ucla.highestRaw()).isEqualTo(9);
        assertThat(ucla.score(Map.of("savner-samvaer", 1, "holdt-udenfor", 1, "isoleret", 1)))
                .isEqualTo(new Instrument.Result(3, new BigDecimal("3"), "Ingen tegn på ensomhed"));
        assertThat(ucla.score(Map.of("savner-samvaer", 3, "holdt-udenfor", 2, "isoleret", 1)).band())
                .isEqualTo("Tegn på ensomhed");
        assertThat(ucla.score(Map.of("savner-samvaer", 2, "holdt-udenfor", 2, "isoleret", 1)).band())
                .isEqualTo("Ingen tegn på ensomhed");
        assertThat(ucla.score(Map.of("savner-samvaer", 3, "holdt-udenfor", 3, "isoleret", 3)).raw()).isEqualTo(9);
    }

    @Test
    void theNationalSingleQuestionCountsOnlyJaOfteAsOftenUnwillinglyAlone() throws IOException {
        var single = shipped("sundhedsprofil-alene.json");
        assertThat(single.items()).singleElement().extracting(Instrument.Item::text).asString()
                .startsWith("Sker det nogensinde, at du er alene");
        assertThat(single.answer(1)).get().extracting(Instrument.Answer::label).isEqualTo("Ja, ofte");
        assertThat(single.score(Map.of("uoensket-alene", 1)).band()).isEqualTo("Ofte uønsket alene");
        assertThat(single.score(Map.of("uoensket-alene", 2)).band()).isNull();
        assertThat(single.score(Map.of("uoensket-alene", 4)).band()).isNull();
    }

    @Test
    void incompleteOrImpossibleAnswersAreRefusedNotGuessed() throws IOException {
        var ucla = shipped("ucla-3.json");
        assertThatThrownBy(() -> ucla.score(Map.of("savner-samvaer", 1, "holdt-udenfor", 1)))
                .isInstanceOf(DomainException.class).hasMessage("outcome.answer.missing");
        assertThatThrownBy(() -> ucla.score(Map.of("savner-samvaer", 1, "holdt-udenfor", 1, "isoleret", 4)))
                .isInstanceOf(DomainException.class).hasMessage("outcome.answer.notAllowed");
        assertThatThrownBy(() -> ucla.score(Map.of("savner-samvaer", 1, "holdt-udenfor", 1, "isoleret", 1, "x", 1)))
                .isInstanceOf(DomainException.class).hasMessage("outcome.answer.unknownItem");
    }

    /** A licensed instrument's definition, made up here: its items are not WEMWBS's, which may not ship. */
    static final String LICENSED = """
            {"code": "trivsel-7", "version": "2026 licens", "name": "Trivselsskala (7 spørgsmål)",
             "licence": "Kommunens licens nr. 123",
             "answers": [{"value": 1, "label": "Aldrig"}, {"value": 2, "label": "Sjældent"},
                         {"value": 3, "label": "Nogle gange"}, {"value": 4, "label": "Ofte"},
                         {"value": 5, "label": "Hele tiden"}],
             "items": [{"code": "a", "text": "Spørgsmål A"}, {"code": "b", "text": "Spørgsmål B"},
                       {"code": "c", "text": "Spørgsmål C"}, {"code": "d", "text": "Spørgsmål D"},
                       {"code": "e", "text": "Spørgsmål E"}, {"code": "f", "text": "Spørgsmål F"},
                       {"code": "g", "text": "Spørgsmål G"}],
             "scoring": {"method": "SUM", "conversion": %s,
                         "bands": [{"from": 7, "to": 17.99, "label": "Lav trivsel"}, {"from": 18, "to": 35, "label": "Middel eller høj"}]}}
            """;

    static String conversionTable() {
        var table = new StringBuilder("{");
        for (int raw = 7; raw <= 35; raw++) {
            table.append(raw == 7 ? "" : ", ").append('"').append(raw).append("\": ").append(raw + 0.25);
        }
        return table.append('}').toString();
    }

    @Test
    void aConversionTableTurnsTheRawScoreIntoTheReportedScore() {
        var licensed = format.read(LICENSED.formatted(conversionTable()));
        var result = licensed.score(Map.of("a", 3, "b", 3, "c", 3, "d", 3, "e", 3, "f", 3, "g", 2));
        assertThat(result.raw()).isEqualTo(20);
        assertThat(result.score()).isEqualByComparingTo("20.25");
        assertThat(result.band()).isEqualTo("Middel eller høj");
    }

    @Test
    void aDefinitionThatDoesNotHangTogetherIsRefusedInDanishTerms() {
        assertThatThrownBy(() -> format.read("ikke json")).hasMessage("outcome.file.notJson");
        assertThatThrownBy(() -> format.read(LICENSED.formatted("{\"7\": 1}"))).hasMessage("outcome.file.conversionGap");
        assertThatThrownBy(() -> format.read(LICENSED.formatted("null").replace("\"code\": \"a\"", "\"code\": \"b\"")))
                .hasMessage("outcome.file.itemDuplicate");
        assertThatThrownBy(() -> format.read(LICENSED.formatted("null").replace("\"SUM\"", "\"MEAN\"")))
                .hasMessage("outcome.file.method");
        assertThatThrownBy(() -> format.read(LICENSED.formatted("null").replace("trivsel-7", "Trivsel 7")))
                .hasMessage("outcome.file.code");
        assertThatThrownBy(() -> format.read(LICENSED.formatted("null").replace("\"value\": 2", "\"value\": 1")))
                .hasMessage("outcome.file.answerDuplicate");
        assertThatThrownBy(() -> format.read("{\"code\": \"x\"}")).hasMessage("outcome.file.missing");
    }
}
