package dk.brobygger.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CPR numbers as DOMAIN.md §10 describes them: format and date, century from the 7th digit. */
class CprNumberTests {

    @ParameterizedTest(name = "{0} is born {1}")
    @CsvSource({
            "010150-0001, 1950-01-01",   // 7th digit 0: 1900s
            "010150-3001, 1950-01-01",   // 7th digit 3: 1900s
            "010136-4001, 2036-01-01",   // 4 and YY <= 36: 2000s
            "010137-4001, 1937-01-01",   // 4 and YY > 36: 1900s
            "010120-9001, 2020-01-01",   // 9 and YY <= 36: 2000s
            "010199-9001, 1999-01-01",   // 9 and YY > 36: 1900s
            "010157-5001, 2057-01-01",   // 5-8 and YY <= 57: 2000s
            "010158-8001, 1858-01-01",   // 5-8 and YY > 57: 1800s
            "311299-6001, 1899-12-31"})
    void theSeventhDigitAndTheYearGiveTheCentury(String cpr, LocalDate born) {
        assertThat(CprNumber.of(cpr).birthDate()).isEqualTo(born);
    }

    @ParameterizedTest(name = "{0} is not born by 2026-12-03")
    @ValueSource(strings = {"010136-4001", "010136-9001", "040127-4001", "010157-5001", "311236-8001", "041226-4001"})
    void aBirthDateAfterTodayIsRefused(String cpr) {
        var number = CprNumber.of(cpr);
        assertThatThrownBy(() -> number.requireBornBy(LocalDate.of(2026, 12, 3)))
                .isInstanceOf(CprNumber.InvalidCprNumberException.class)
                .hasMessage("cpr.future");
    }

    @ParameterizedTest(name = "{0} is born by 2026-12-03")
    @ValueSource(strings = {"031226-4001", "010137-4001", "010158-8001", "010199-9001", "311299-6001"})
    void aBirthDateUpToTodayIsAccepted(String cpr) {
        var number = CprNumber.of(cpr);
        assertThat(number.requireBornBy(LocalDate.of(2026, 12, 3))).isEqualTo(number);
    }

    @Test
    void numbersWithoutModulus11AreAccepted() {
        // 010190-1235 fails the old modulus 11 check; such numbers are issued since 2007.
        assertThat(CprNumber.isValid("010190-1235")).isTrue();
        assertThat(CprNumber.isValid("0101901235")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "010190-123", "010190--1234", "0101901234567", "320190-1234", "290201-1234",
            "011390-1234", "<script>", "'; DROP TABLE citizen; --"})
    void wrongFormatsAndImpossibleDatesAreRefused(String text) {
        assertThat(CprNumber.isValid(text)).isFalse();
    }

    @Test
    void theTwentyNinthOfFebruaryExistsOnlyInLeapYears() {
        assertThat(CprNumber.isValid("290200-4001")).isTrue();  // 2000 was a leap year
        assertThat(CprNumber.isValid("290201-4001")).isFalse();
    }

    @Test
    void anOddLastDigitIsAMan() {
        assertThat(CprNumber.of("010150-0001").sex()).isEqualTo(CprNumber.Sex.MALE);
        assertThat(CprNumber.of("010150-0002").sex()).isEqualTo(CprNumber.Sex.FEMALE);
    }

    @Test
    void ageIsCountedFromTheBirthDate() {
        var cpr = CprNumber.of("150551-1234");
        assertThat(cpr.ageOn(LocalDate.of(2026, 5, 14))).isEqualTo(74);
        assertThat(cpr.ageOn(LocalDate.of(2026, 5, 15))).isEqualTo(75);
    }

    @Test
    void theSerialNumberNeverAppearsInATextByAccident() {
        var cpr = CprNumber.of("150551-1234");
        assertThat(cpr.toString()).isEqualTo("150551-xxxx");
        assertThat(cpr.formatted()).isEqualTo("150551-1234");
    }

    @Test
    void aMissingNumberIsRefusedWithItsOwnMessage() {
        assertThatThrownBy(() -> new CprNumber(null)).isInstanceOf(CprNumber.InvalidCprNumberException.class)
                .hasMessage("cpr.missing");
    }
}
