package dk.brobygger.directory.offer;

import java.util.UUID;

import org.springframework.data.relational.core.mapping.Table;

/** An offer's link to a taxonomy term (category or target group). */
@Table("offer_term")
record OfferTerm(UUID termId) {
}
