package dk.brobygger.statistics;

import java.time.LocalDate;
import java.time.Period;

/** The age bands reports use (DOMAIN.md §11): under 65, 65–69, 70–74, … 90+. */
enum AgeBand {
    UNDER_65("Under 65"), FROM_65("65-69"), FROM_70("70-74"), FROM_75("75-79"), FROM_80("80-84"),
    FROM_85("85-89"), FROM_90("90+");

    private final String label;

    AgeBand(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static AgeBand of(LocalDate birthDate, LocalDate on) {
        int age = Period.between(birthDate, on).getYears();
        if (age < 65) {
            return UNDER_65;
        }
        if (age >= 90) {
            return FROM_90;
        }
        return values()[1 + (age - 65) / 5];
    }
}
