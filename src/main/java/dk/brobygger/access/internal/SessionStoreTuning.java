package dk.brobygger.access.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions live in the database (Spring Session JDBC, table {@code spring_session}), so any instance of the
 * application can serve any request. Out of the box that costs four round trips and a disk flush on every
 * request: the session is read in a transaction of its own, and written back in another only because its
 * last-access time moved; pages read it once more at the end. Three changes make a request that changes
 * nothing in its session one round trip:
 * <ul>
 * <li>The last-access time is written only once the stored one is {@code brobygger.session.touch-every}
 * old (default one minute). A session therefore ends up to that much before its timeout
 * ({@code server.servlet.session.timeout}, 30 minutes); a session whose attributes change (a login, a
 * CSRF token) is written as before.</li>
 * <li>Sessions are read and written without a transaction around them: a read is one statement, and the
 * writes of one session need nothing beyond each statement's own atomicity (a session written half at
 * login is one whose user must log in again).</li>
 * <li>A session is read from the database once a request ({@link OneReadARequest}). Spring Session reads it
 * a second time once a page has been written: committing the response clears its cache of the session
 * asked for, and the end of its filter looks the id up again (spring-projects/spring-session#1731).</li>
 * </ul>
 * Measured in {@code docs/benchmarks/2026-11-23-citizens-lookup-p99.md}.
 */
@Component
class SessionStoreTuning implements BeanPostProcessor {

    private final Duration touchEvery;

    SessionStoreTuning(@Value("${brobygger.session.touch-every:PT1M}") Duration touchEvery) {
        this.touchEvery = touchEvery;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof JdbcHttpSessionConfiguration configuration) {
            configuration.setTransactionOperations(TransactionOperations.withoutTransaction());
        }
        return bean;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof JdbcIndexedSessionRepository sessions) {
            return new LazilyTouchedSessions(sessions, touchEvery);
        }
        return bean;
    }

    /**
     * The JDBC session repository, with sessions whose last-access time moves at most every {@code touchEvery},
     * read once a request.
     */
    static final class LazilyTouchedSessions implements FindByIndexNameSessionRepository<LazilyTouchedSessions.LazilyTouchedSession> {

        private final FindByIndexNameSessionRepository<Session> sessions;
        private final Duration touchEvery;

        @SuppressWarnings("unchecked")
        LazilyTouchedSessions(FindByIndexNameSessionRepository<? extends Session> sessions, Duration touchEvery) {
            // The JDBC repository's session class is not public; it takes any Session and casts it back.
            this.sessions = (FindByIndexNameSessionRepository<Session>) sessions;
            this.touchEvery = touchEvery;
        }

        @Override
        public LazilyTouchedSession createSession() {
            return new LazilyTouchedSession(sessions.createSession(), touchEvery);
        }

        @Override
        public void save(LazilyTouchedSession session) {
            sessions.save(session.stored);
        }

        /** A session this request has read already, as it is now (unless its id has changed since), or the stored one. */
        @Override
        public @Nullable LazilyTouchedSession findById(String id) {
            var readInThisRequest = OneReadARequest.READ.get();
            if (readInThisRequest != null) {
                var read = readInThisRequest.get(id);
                if (read != null && read.getId().equals(id)) {
                    return read;
                }
            }
            Session stored = sessions.findById(id);
            if (stored == null) {
                return null;
            }
            var session = new LazilyTouchedSession(stored, touchEvery);
            if (readInThisRequest != null) {
                readInThisRequest.put(id, session);
            }
            return session;
        }

        @Override
        public void deleteById(String id) {
            var readInThisRequest = OneReadARequest.READ.get();
            if (readInThisRequest != null) {
                readInThisRequest.remove(id);
            }
            sessions.deleteById(id);
        }

        @Override
        public Map<String, LazilyTouchedSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            var found = new LinkedHashMap<String, LazilyTouchedSession>();
            sessions.findByIndexNameAndIndexValue(indexName, indexValue)
                    .forEach((id, stored) -> found.put(id, new LazilyTouchedSession(stored, touchEvery)));
            return found;
        }

        /** A stored session that passes on a new last-access time only when the stored one is old enough. */
        static final class LazilyTouchedSession implements Session {

            private final Session stored;
            private final Duration touchEvery;

            LazilyTouchedSession(Session stored, Duration touchEvery) {
                this.stored = stored;
                this.touchEvery = touchEvery;
            }

            @Override
            public void setLastAccessedTime(Instant lastAccessedTime) {
                if (Duration.between(stored.getLastAccessedTime(), lastAccessedTime).compareTo(touchEvery) >= 0) {
                    stored.setLastAccessedTime(lastAccessedTime);
                }
            }

            @Override
            public Instant getLastAccessedTime() {
                return stored.getLastAccessedTime();
            }

            @Override
            public String getId() {
                return stored.getId();
            }

            @Override
            public String changeSessionId() {
                return stored.changeSessionId();
            }

            @Override
            public <T> @Nullable T getAttribute(String attributeName) {
                return stored.getAttribute(attributeName);
            }

            @Override
            public Set<String> getAttributeNames() {
                return stored.getAttributeNames();
            }

            @Override
            public void setAttribute(String attributeName, Object attributeValue) {
                stored.setAttribute(attributeName, attributeValue);
            }

            @Override
            public void removeAttribute(String attributeName) {
                stored.removeAttribute(attributeName);
            }

            @Override
            public Instant getCreationTime() {
                return stored.getCreationTime();
            }

            @Override
            public void setMaxInactiveInterval(Duration interval) {
                stored.setMaxInactiveInterval(interval);
            }

            @Override
            public Duration getMaxInactiveInterval() {
                return stored.getMaxInactiveInterval();
            }

            @Override
            public boolean isExpired() {
                return stored.isExpired();
            }
        }
    }

    /**
     * Marks the length of one request for {@link LazilyTouchedSessions#findById}: the sessions it reads are
     * remembered until the request is over. It runs just outside Spring Session's filter, whose end is where
     * the second read happens, on the request's own thread.
     */
    @Component
    static final class OneReadARequest extends OncePerRequestFilter implements Ordered {

        /** Just outside Spring Session's filter. */
        static final int ORDER = SessionRepositoryFilter.DEFAULT_ORDER - 1;

        static final ThreadLocal<@Nullable Map<String, LazilyTouchedSessions.LazilyTouchedSession>> READ = new ThreadLocal<>();

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var outer = READ.get();
            READ.set(new HashMap<>());
            try {
                chain.doFilter(request, response);
            } finally {
                if (outer == null) {
                    READ.remove();
                } else {
                    READ.set(outer);
                }
            }
        }

        @Override
        public int getOrder() {
            return ORDER;
        }
    }
}
