package dk.brobygger.referral;

import java.util.UUID;

/**
 * A volunteer's own data are gone (retention, or removed from the register): other modules that show the volunteer's
 * name replace it with {@code shownAs} ("Tidligere frivillig"), e.g. a course's peer host.
 */
public record VolunteerAnonymised(UUID volunteer, String shownAs) {
}
