package dk.brobygger.referral;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import dk.brobygger.directory.OfferAnswers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An offer's usual response time and share of referrals accepted, from its answered referrals: shown on the referral
 * screen and the portal's offer page only once the offer has at least {@code brobygger.referral.figures-after}
 * (20) answered referrals, the days as a median in whole days and the share to the nearest ten per cent, so no
 * single referral (or a difference between two readings) can be told from it. A referral counts as accepted when
 * the association ever accepted it, whatever happened after.
 */
@Component
class AnswerFigures implements OfferAnswers {

    private final JdbcClient jdbc;
    private final int minimum;

    AnswerFigures(JdbcClient jdbc, @Value("${brobygger.referral.figures-after:20}") int minimum) {
        this.jdbc = jdbc;
        this.minimum = Math.max(minimum, 20);
    }

    private record Answered(long hours, boolean accepted) {
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Figures> of(UUID offerId) {
        var answered = jdbc.sql("""
                SELECT r.requested_at, r.answered_at,
                       CASE WHEN EXISTS (SELECT 1 FROM referral_change c WHERE c.referral_id = r.id
                                            AND c.to_status = 'ACCEPTED') THEN 1 ELSE 0 END AS accepted
                  FROM referral r
                 WHERE r.offer_id = :offer AND r.answered_at IS NOT NULL AND r.requested_at IS NOT NULL
                """).param("offer", offerId).query((rs, n) -> new Answered(Duration.between(
                        rs.getObject("requested_at", Timestamp.class).toInstant(),
                        rs.getObject("answered_at", Timestamp.class).toInstant()).toHours(),
                        rs.getInt("accepted") == 1)).list();
        if (answered.size() < minimum) {
            return Optional.empty();
        }
        long[] hours = answered.stream().mapToLong(Answered::hours).sorted().toArray();
        double medianHours = hours.length % 2 == 1 ? hours[hours.length / 2]
                : (hours[hours.length / 2 - 1] + hours[hours.length / 2]) / 2.0;
        long accepted = answered.stream().filter(Answered::accepted).count();
        return Optional.of(new Figures((int) Math.round(medianHours / 24.0),
                (int) (Math.round(accepted * 10.0 / answered.size()) * 10)));
    }
}
