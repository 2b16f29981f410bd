/**
 * Brobygning and henvisning: closed-loop referrals of a citizen to an offer in the directory (DOMAIN.md §3 and
 * §8), with the states of FHIR Task, what is shared with the association by the citizen's consent, the
 * association's inbox, the referrer's list with the 14-day flag, and notifications through one port.
 */
@org.jspecify.annotations.NullMarked
package dk.brobygger.referral;
