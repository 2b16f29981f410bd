package dk.brobygger.browser;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The journeys' 360 px check fails a page that scrolls sideways on a phone and passes one that does not, so a
 * green journey means the pages fit (it once compared with a width the browser widened to the page, and passed all).
 */
class PhoneWidthCheckTests extends BrowserJourney {

    private static final String PAGE = "data:text/html;charset=utf-8,<!DOCTYPE html><html lang=da><head>"
            + "<meta name=viewport content='width=device-width, initial-scale=1'><title>t</title></head><body>%s</body></html>";

    @Test
    void aPageWiderThanAPhoneFailsTheCheck() {
        browser.get(PAGE.formatted("<div style='width:600px'>bred</div>"));
        assertThatThrownBy(this::fitsAPhone).isInstanceOf(AssertionError.class).hasMessageContaining("scrolls sideways on a 360 px phone");
    }

    @Test
    void aWideTableInItsOwnScrollingBoxPassesTheCheck() {
        browser.get(PAGE.formatted("<div style='overflow-x:auto;position:relative'><table style='width:600px'>"
                + "<tr><td>bred</td></tr></table></div>"));
        assertThatCode(this::fitsAPhone).doesNotThrowAnyException();
    }
}
