package dk.brobygger.directory.card;

import dk.brobygger.directory.web.SearchForm;

/**
 * Visitkort: the card a home visitor hands to a citizen, inviting them to the community portal
 * and leading by QR code straight to a search chosen for them.
 *
 * @param municipality the municipality's name, printed at the top
 * @param portalAddress the portal's address as a person would type it, without {@code https://}
 * @param filterDescription the pre-filter in words, e.g. "Tilbud til seniorer 65+ i VEST"
 * @param searchUrl the full address of the pre-filtered search the QR code opens
 * @param filter the pre-filter with unknown values removed
 */
public record CommunityCard(String municipality, String portalAddress, String filterDescription, String searchUrl,
        QrCode qrCode, SearchForm filter) {
}
