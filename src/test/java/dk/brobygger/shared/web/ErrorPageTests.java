package dk.brobygger.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.brobygger.BrobyggerTest;
import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The error page a person sees: a request refused as the user's (4xx) is never told as our fault, and nothing of
 * the exception behind it (its class, its English message) is shown.
 */
@BrobyggerTest
class ErrorPageTests {

    @Autowired MockMvc mvc;

    @ParameterizedTest
    @CsvSource({
            "400, Forespørgslen kunne ikke forstås",
            "401, Forespørgslen kunne ikke forstås",
            "406, Forespørgslen kunne ikke forstås",
            "415, Formatet kan ikke læses her",
            "431, Forespørgslen kunne ikke forstås",
            "429, For mange forsøg",
            "500, Der skete en fejl hos os",
            "503, Der skete en fejl hos os"})
    void everyStatusIsToldInDanishWithoutTheExceptionBehindIt(int status, String heading) throws Exception {
        String page = mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/borgere/ny")
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("HAPI-1851: parser internals"))
                        .requestAttr(RequestDispatcher.ERROR_MESSAGE, "Failed to convert java.lang.String"))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains(heading).doesNotContain("HAPI-1851", "IllegalStateException", "java.", "Failed to convert");
    }
}
