package dk.brobygger.directory.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import dk.brobygger.shared.DomainException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hjemmeside: a website is an http or https address with a host; nothing else is ever a link. */
class WebAddressTests {

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(document.cookie)", " javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>", "ftp://example.dk/fil", "file:///etc/passwd", "https://",
            "https:///x", "//example.dk/x", "example.dk", "https://exa mple.dk", "https://example.dk/a b",
            "https://user@example.dk", "https://example.dk\n/x", "http:\\\\example.dk"})
    void anythingButAWebsiteIsRefused(String text) {
        assertThat(WebAddress.isValid(text)).isFalse();
        assertThat(WebAddress.linkable(text)).isNull();
        assertThatThrownBy(() -> new WebAddress(text)).isInstanceOf(DomainException.class)
                .hasMessage("editorial.url.invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.dk/x", "http://example.dk", "HTTPS://EXAMPLE.DK/", "https://rødekors.dk/æble",
            "https://example.dk:8443/a?b=c&d=e#f"})
    void aWebsiteIsAccepted(String text) {
        assertThat(WebAddress.isValid(text)).isTrue();
        assertThat(WebAddress.linkable(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html,x", "ftp://example.dk"})
    void anOrganisationNeverHoldsANonWebsiteWhicheverWayItIsSaved(String text) {
        var details = new Organization.Details("Strikkeforeningen", null, null, null, text, OrganizationKind.ASSOCIATION);

        assertThatThrownBy(() -> Organization.create(details, "redaktoer", Instant.now()))
                .isInstanceOf(DomainException.class);
    }
}
