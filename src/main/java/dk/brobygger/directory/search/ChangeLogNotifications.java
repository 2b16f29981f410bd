package dk.brobygger.directory.search;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, wakes this node's search index as soon as a change to the directory commits on any node:
 * {@code DirectoryChanges} sends {@code NOTIFY directory_change} in the change's transaction, and this component
 * holds one connection of its own (outside the connection pool, opened with the pool's URL and user, else
 * {@code spring.datasource.*}) that
 * {@code LISTEN}s on that channel, on a virtual thread, and lets the {@link SearchIndexUpdater} read the change log at
 * once. The poll every {@code brobygger.search.follow-every} stays, so a notification lost while the connection was
 * down costs at most one poll interval; after every (re)connection the log is read once anyway.
 *
 * <p>A connection that drops (the database restarted, the backend was terminated, the network cut) is opened again
 * with back-off from 1 second up to {@code brobygger.search.listen-retry-max} (default 30 s). Every
 * {@code brobygger.search.listen-check-every} (default 30 s) without a notification the connection is tried with a
 * trivial query, so a half-open connection is noticed. Switched off with {@code brobygger.search.listen=false} (e.g.
 * behind a connection pooler in transaction mode, where {@code LISTEN} does not work); on H2 it never starts.
 */
@Component
class ChangeLogNotifications implements SmartLifecycle {

    static final String CHANNEL = "directory_change";

    private static final Logger log = LoggerFactory.getLogger(ChangeLogNotifications.class);
    /** How long one wait for a notification blocks: also how long a stop may wait for the thread. */
    private static final int WAIT_MILLIS = 1_000;

    private final SearchIndexUpdater updater;
    private final DataSource dataSource;
    private final boolean enabled;
    private String url;
    private @Nullable String username;
    private @Nullable String password;
    private final Duration retryMax;
    private final Duration checkEvery;

    private volatile boolean running;
    private volatile @Nullable Thread thread;
    private volatile @Nullable Connection connection;
    private volatile int backendPid;
    private volatile long notifications;
    private volatile long connects;

    ChangeLogNotifications(SearchIndexUpdater updater, DataSource dataSource,
            @Value("${brobygger.search.listen:true}") boolean enabled,
            @Value("${spring.datasource.url:}") String url,
            @Value("${spring.datasource.username:#{null}}") @Nullable String username,
            @Value("${spring.datasource.password:#{null}}") @Nullable String password,
            @Value("${brobygger.search.listen-retry-max:PT30S}") Duration retryMax,
            @Value("${brobygger.search.listen-check-every:PT30S}") Duration checkEvery) {
        this.updater = updater;
        this.dataSource = dataSource;
        this.enabled = enabled;
        this.url = url;
        this.username = username;
        this.password = password;
        this.retryMax = retryMax;
        this.checkEvery = checkEvery;
    }

    @Override
    public synchronized void start() {
        if (running || !enabled) {
            return;
        }
        useThePoolsSettings();
        if (!postgres()) {
            return;
        }
        running = true;
        thread = Thread.ofVirtual().name("search-index-listener").start(this::listen);
    }

    @Override
    public void stop() {
        Thread listener;
        synchronized (this) {
            running = false;
            listener = thread;
            thread = null;
        }
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(Duration.ofMillis(WAIT_MILLIS * 3L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Starts with the context, before the application runners build the search index: a wake before that is
     * ignored (the index reads the whole log when it starts following). Stops after the web server.
     */
    @Override
    public int getPhase() {
        return 0;
    }

    /** The URL and user the application's pool connects with, when it is Hikari (else spring.datasource.*). */
    private void useThePoolsSettings() {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                var pool = dataSource.unwrap(HikariDataSource.class);
                if (pool.getJdbcUrl() != null) {
                    url = pool.getJdbcUrl();
                    username = pool.getUsername();
                    password = pool.getPassword();
                }
            }
        } catch (SQLException e) {
            log.debug("Not a Hikari pool: {}", e.toString());
        }
    }

    private boolean postgres() {
        try {
            return "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource,
                    DatabaseMetaData::getDatabaseProductName)) && url.startsWith("jdbc:postgresql:");
        } catch (MetaDataAccessException e) {
            log.warn("Not listening for directory changes: cannot tell which database this is ({})", e.toString());
            return false;
        }
    }

    private void listen() {
        long backoff = 1_000;
        while (running) {
            try {
                var pg = connect();
                backoff = 1_000;
                updater.wake(); // whatever was notified while this node was not listening
                long quietSince = System.nanoTime();
                while (running) {
                    PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        notifications += received.length;
                        updater.wake();
                        quietSince = System.nanoTime();
                    } else if (System.nanoTime() - quietSince > checkEvery.toNanos()) {
                        check();
                        quietSince = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                closeQuietly();
                if (!running) {
                    return;
                }
                log.warn("Listening for directory changes failed ({}); the change log is still read every poll; "
                        + "trying again in {} ms", e.toString(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, retryMax.toMillis());
            }
        }
        closeQuietly();
    }

    private PGConnection connect() throws SQLException {
        var properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "brobygger search index listener");
        Connection opened = DriverManager.getConnection(url, properties);
        connection = opened;
        opened.setAutoCommit(true);
        try (var statement = opened.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
        var pg = opened.unwrap(PGConnection.class);
        backendPid = pg.getBackendPID();
        connects++;
        log.debug("Listening for directory changes on backend {}", backendPid);
        return pg;
    }

    private void check() throws SQLException {
        var open = connection;
        if (open == null) {
            throw new SQLException("not connected");
        }
        try (var statement = open.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    private void closeQuietly() {
        var open = connection;
        connection = null;
        backendPid = 0;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException | RuntimeException e) {
                log.debug("Closing the listening connection: {}", e.toString());
            }
        }
    }

    /** The PostgreSQL backend of the listening connection; 0 while not connected (tests, health). */
    int backendPid() {
        return backendPid;
    }

    /** How many notifications were received, and how often the connection was opened (tests, health). */
    long notifications() {
        return notifications;
    }

    long connects() {
        return connects;
    }

    boolean listening() {
        return running && backendPid != 0;
    }
}
