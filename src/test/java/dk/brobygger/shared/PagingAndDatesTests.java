package dk.brobygger.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

/** Page numbers and dates as a request carries them: any number, any text, never an overflow. */
class PagingAndDatesTests {

    @Test
    void thePageAfterTheLastIntIsFarPastTheEndNotANegativeOffset() {
        assertThat(Paging.offset(Integer.MAX_VALUE, 50)).isEqualTo((Integer.MAX_VALUE - 1L) * 50).isPositive();
        assertThat(Paging.offset(1, 50)).isZero();
        assertThat(Paging.offset(3, 50)).isEqualTo(100);
    }

    @Test
    void aPageBelowTheFirstIsTheFirst() {
        assertThat(Paging.page(Integer.MIN_VALUE)).isOne();
        assertThat(Paging.offset(-5, 50)).isZero();
        assertThat(Paging.offset(0, 50)).isZero();
    }

    @Test
    void aDateIsReadWithAFourDigitYearOnly() {
        assertThat(DanishTime.parseDate("2026-03-12")).isEqualTo(LocalDate.of(2026, 3, 12));
        for (String date : new String[] {"-999999999-01-01", "+999999999-12-31", "+10000-01-01", "2026-02-30",
                "2026-3-12", "12-03-2026"}) {
            assertThatThrownBy(() -> DanishTime.parseDate(date)).as(date).isInstanceOf(DateTimeParseException.class);
        }
    }
}
