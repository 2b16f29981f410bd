package dk.brobygger.statistics;

import java.sql.DatabaseMetaData;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the statistics read the published views: the application's database, or, when
 * {@code brobygger.reports.datasource.url} is set ({@code BROBYGGER_REPORTS_DB_URL}, with
 * {@code …username}/{@code …password}), a read replica of it (PostgreSQL streaming replication, a hot standby), so
 * that a manager's year of figures does not load the primary that the case work writes to. The replica gets a small
 * pool of its own ({@code brobygger.reports.datasource.pool-size}, default 3; Hikari pool {@code brobygger-reports},
 * its metrics as {@code hikaricp.connections{pool="brobygger-reports"}}), opened on first use, with read-only
 * connections, and every statistics read runs in one read-only transaction on it.
 *
 * <p>A replica lags the primary (normally well under a second; more under heavy writes or when it was cut off): the
 * figures may miss what was saved in the last moments, as README "Several nodes" says. Nothing but the statistics
 * reads from it; without the setting they read the primary as before.
 *
 * <p>Deliberately not a {@link DataSource} bean: a second one would switch off Spring Boot's own data source, and
 * nothing else must reach the replica by being injected it.
 */
@Component
class ReportsDatabase implements DisposableBean {

    static final String POOL = "brobygger-reports";
    private static final Logger log = LoggerFactory.getLogger(ReportsDatabase.class);

    private final DataSource dataSource;
    private final @Nullable HikariDataSource replica;
    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final String workMem;
    private volatile @Nullable Boolean postgres;

    ReportsDatabase(DataSource primary, JdbcClient primaryJdbc, PlatformTransactionManager primaryTransactions,
            MeterRegistry meters,
            @Value("${brobygger.reports.datasource.url:}") String url,
            @Value("${brobygger.reports.datasource.username:}") String username,
            @Value("${brobygger.reports.datasource.password:}") String password,
            @Value("${brobygger.reports.datasource.pool-size:3}") int poolSize,
            @Value("${brobygger.reports.work-mem:64MB}") String workMem) {
        this.workMem = workMem;
        if (url.isBlank()) {
            this.replica = null;
            this.dataSource = primary;
            this.jdbc = primaryJdbc;
            this.readOnly = new TransactionTemplate(primaryTransactions);
        } else {
            var pool = new HikariDataSource();
            pool.setPoolName(POOL);
            pool.setJdbcUrl(url);
            if (!username.isBlank()) {
                pool.setUsername(username);
            }
            pool.setPassword(password);
            pool.setMaximumPoolSize(poolSize);
            pool.setMinimumIdle(0);
            pool.setReadOnly(true);
            pool.setRegisterMbeans(false);
            pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
            this.replica = pool;
            this.dataSource = pool;
            this.jdbc = JdbcClient.create(pool);
            this.readOnly = new TransactionTemplate(new JdbcTransactionManager(pool));
            log.info("Statistics read from the reports database {} (a replica: its figures lag the primary)", url);
        }
        this.readOnly.setReadOnly(true);
    }

    /** Queries for the statistics: within {@link #read}, on the reports database's connection of that read. */
    JdbcClient jdbc() {
        return jdbc;
    }

    /**
     * Runs {@code work} in one read-only transaction on the reports database (joining one already open). On
     * PostgreSQL the transaction is given what a report's aggregates need ({@code SET LOCAL}, ended with the
     * transaction): {@code brobygger.reports.work-mem} (default 64MB) of memory per sort or hash, so that a year's
     * figures are counted in memory instead of sorted on disk, and no JIT compilation, which costs a few hundred
     * milliseconds per query and pays back only on much longer ones.
     */
    <T> T read(Supplier<T> work) {
        return readOnly.execute(status -> {
            if (status.isNewTransaction() && postgres()) {
                jdbc.sql("SELECT set_config('work_mem', :workMem, true), set_config('jit', 'off', true)")
                        .param("workMem", workMem).query((rs, n) -> n).list();
            }
            return work.get();
        });
    }

    /** Which database the reports read, asked on first use (the replica's pool opens only then). */
    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            try {
                known = "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource,
                        DatabaseMetaData::getDatabaseProductName));
            } catch (MetaDataAccessException e) {
                throw new IllegalStateException("Cannot tell which database the reports read", e);
            }
            postgres = known;
        }
        return known;
    }

    /** The replica's pool, or the application's data source when no replica is set. */
    DataSource dataSource() {
        return dataSource;
    }

    boolean replica() {
        return replica != null;
    }

    @Override
    public void destroy() {
        if (replica != null) {
            replica.close();
        }
    }
}
