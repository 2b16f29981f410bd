package dk.brobygger.directory.search;

import dk.brobygger.directory.OfferChanged;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Builds the search index from the database at start and keeps it current as offers change. */
@Component
@Order(-100)
public class SearchIndexUpdater implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexUpdater.class);

    private final OfferIndex index;
    private final OfferReadModel offers;

    SearchIndexUpdater(OfferIndex index, OfferReadModel offers) {
        this.index = index;
        this.offers = offers;
    }

    @Override
    public void run(ApplicationArguments args) {
        rebuild();
    }

    /** Reads every offer from the database into a fresh index. */
    public int rebuild() {
        long start = System.nanoTime();
        int count = index.rebuild(offers);
        log.info("Search index built: {} offers in {} ms", count, (System.nanoTime() - start) / 1_000_000);
        return count;
    }

    /** Runs after the change is committed, so the index never shows what was rolled back. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(OfferChanged event) {
        offers.load(event.offerId()).ifPresentOrElse(index::put, () -> index.remove(event.offerId()));
    }
}
