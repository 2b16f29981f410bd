package dk.brobygger.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dk.brobygger.shared.Paging;
import dk.brobygger.shared.SpreadsheetText;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The administrators' view of the log: search newest first, a page at a time, and export as CSV. */
@Component
class AuditRecords {

    static final int PAGE_SIZE = 50;

    static final String[] CSV_HEADER = {"id", "tidspunkt", "bruger", "rolle", "team", "borger", "handling",
            "formaal", "klientadresse", "udfald", "hash"};

    /** One page of search results; {@code hasNext} says whether there are older records. */
    record Page(List<AuditRecord> records, int page, boolean hasNext) {
    }

    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final AuditLog log;
    private final TransactionTemplate transactions;
    private final ZoneId zone;

    AuditRecords(DataSource dataSource, AuditLog log, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        var fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(1_000);
        this.streaming = JdbcClient.create(fetching);
        this.log = log;
        this.transactions = new TransactionTemplate(transactions);
        this.zone = clock.getZone();
    }

    Page search(AuditSearch search, int page) {
        int number = Math.max(1, page);
        var where = where(search);
        var records = jdbc.sql("SELECT " + AuditLog.columns() + " FROM audit_record" + where.sql()
                        + " ORDER BY id DESC OFFSET " + Paging.offset(number, PAGE_SIZE) + " ROWS FETCH FIRST "
                        + (PAGE_SIZE + 1) + " ROWS ONLY")
                .params(where.params())
                .query((rs, row) -> AuditLog.map(rs))
                .list();
        boolean hasNext = records.size() > PAGE_SIZE;
        return new Page(hasNext ? records.subList(0, PAGE_SIZE) : records, number, hasNext);
    }

    /**
     * Writes every match as CSV, newest first. The export is audited (and committed) before the first line
     * is written, so no export leaves the building unlogged.
     */
    void export(AuditSearch search, AuditEntry exporting, Appendable out) {
        log.record(exporting);
        var where = where(search);
        var readOnly = new TransactionTemplate(transactions.getTransactionManager());
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> {
            try (var csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).get())) {
                streaming.sql("SELECT " + AuditLog.columns() + " FROM audit_record" + where.sql() + " ORDER BY id DESC")
                        .params(where.params())
                        .query(rs -> {
                            var record = AuditLog.map(rs);
                            var entry = record.entry();
                            try {
                                csv.printRecord(record.id(), record.recordedAt(), SpreadsheetText.of(entry.username()), entry.role(),
                                        SpreadsheetText.of(entry.team()), entry.citizenId(), entry.action(), SpreadsheetText.of(entry.purpose()),
                                        SpreadsheetText.of(entry.clientAddress()), entry.outcome(), record.hash());
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
                csv.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private Where where(AuditSearch search) {
        var conditions = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        if (search.citizenId() != null) {
            conditions.append(" AND citizen_id = :citizen");
            params.put("citizen", search.citizenId());
        }
        if (search.username() != null) {
            conditions.append(" AND username = :username");
            params.put("username", search.username());
        }
        if (search.from() != null) {
            conditions.append(" AND recorded_at >= :from");
            params.put("from", OffsetDateTime.from(search.from().atStartOfDay(zone)));
        }
        if (search.to() != null) {
            conditions.append(" AND recorded_at < :to");
            params.put("to", OffsetDateTime.from(search.to().plusDays(1).atStartOfDay(zone)));
        }
        if (search.action() != null) {
            conditions.append(" AND action = :action");
            params.put("action", search.action().name());
        }
        if (search.outcome() != null) {
            conditions.append(" AND outcome = :outcome");
            params.put("outcome", search.outcome().name());
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE" + conditions.substring(4), params);
    }
}
