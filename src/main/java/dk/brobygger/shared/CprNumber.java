package dk.brobygger.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.regex.Pattern;

/**
 * CPR-nummer: DDMMYY-SSSS. Valid when the format is right and the date exists; the century comes
 * from the 7th digit (DOMAIN.md §10). Modulus 11 is deliberately not checked: numbers without it
 * have been issued since 2007. {@link #toString()} masks the serial number, so a CPR number never
 * ends up whole in a log line by accident.
 */
public record CprNumber(String value) {

    /** Køn, as the CPR number tells it: the last digit is odd for men. */
    public enum Sex {
        FEMALE, MALE
    }

    private static final Pattern FORMAT = Pattern.compile("\\d{6}-?\\d{4}");

    public CprNumber {
        if (value == null) {
            throw new InvalidCprNumberException("cpr.missing");
        }
        String trimmed = value.strip();
        if (!FORMAT.matcher(trimmed).matches()) {
            throw new InvalidCprNumberException("cpr.format");
        }
        value = trimmed.replace("-", "");
        birthDate(value);
    }

    /** Parses what a person typed, with or without the dash. */
    public static CprNumber of(String text) {
        return new CprNumber(text);
    }

    public static boolean isValid(String text) {
        try {
            of(text);
            return true;
        } catch (InvalidCprNumberException e) {
            return false;
        }
    }

    public LocalDate birthDate() {
        return birthDate(value);
    }

    /**
     * This number, if its birth date is not after {@code today}: nobody born in the future is registered or
     * looked up. Not part of {@link #of}, which stays a pure value check: "today" comes from the caller's
     * {@code Clock}, where a citizen is registered or looked up.
     */
    public CprNumber requireBornBy(LocalDate today) {
        if (birthDate().isAfter(today)) {
            throw new InvalidCprNumberException("cpr.future");
        }
        return this;
    }

    public Sex sex() {
        return (value.charAt(9) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    public int ageOn(LocalDate day) {
        return Period.between(birthDate(), day).getYears();
    }

    /** DDMMYY-SSSS, as Danes write it. */
    public String formatted() {
        return value.substring(0, 6) + "-" + value.substring(6);
    }

    /** DDMMYY-xxxx, for places where the birth date is enough. */
    public String masked() {
        return value.substring(0, 6) + "-xxxx";
    }

    @Override
    public String toString() {
        return masked();
    }

    private static LocalDate birthDate(String digits) {
        int day = Integer.parseInt(digits.substring(0, 2));
        int month = Integer.parseInt(digits.substring(2, 4));
        int yy = Integer.parseInt(digits.substring(4, 6));
        int seventh = digits.charAt(6) - '0';
        try {
            return LocalDate.of(century(seventh, yy) + yy, month, day);
        } catch (DateTimeException e) {
            throw new InvalidCprNumberException("cpr.date");
        }
    }

    /** The century from the 7th digit and the year (DOMAIN.md §10). */
    static int century(int seventh, int yy) {
        return switch (seventh) {
            case 0, 1, 2, 3 -> 1900;
            case 4, 9 -> yy <= 36 ? 2000 : 1900;
            case 5, 6, 7, 8 -> yy <= 57 ? 2000 : 1800;
            default -> throw new InvalidCprNumberException("cpr.format");
        };
    }

    /** The text is not a CPR number; the key names the Danish message. */
    public static class InvalidCprNumberException extends DomainException {
        public InvalidCprNumberException(String messageKey) {
            super(messageKey);
        }
    }
}
