package dk.brobygger.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletException;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

/**
 * Within one request a session is read from the store once, however often Spring Session asks for it; a
 * session deleted or given a new id in the request is asked for anew, and the next request reads again.
 */
class OneSessionReadARequestTests {

    final CountingStore store = new CountingStore();
    final SessionStoreTuning.LazilyTouchedSessions sessions =
            new SessionStoreTuning.LazilyTouchedSessions(store, Duration.ofMinutes(1));
    final String id = store.saved();

    @Test
    void aSessionAskedForTwiceInARequestIsReadOnceAsTheSameSession() throws Exception {
        inARequest(() -> {
            var first = sessions.findById(id);
            var second = sessions.findById(id);
            assertThat(second).isSameAs(first);
        });
        assertThat(store.reads).isEqualTo(1);
    }

    @Test
    void eachRequestReadsAgain() throws Exception {
        inARequest(() -> sessions.findById(id));
        inARequest(() -> sessions.findById(id));
        assertThat(store.reads).isEqualTo(2);
    }

    @Test
    void outsideARequestEveryAskIsARead() {
        sessions.findById(id);
        sessions.findById(id);
        assertThat(store.reads).isEqualTo(2);
    }

    @Test
    void aSessionDeletedInTheRequestIsGone() throws Exception {
        inARequest(() -> {
            sessions.findById(id);
            sessions.deleteById(id);
            assertThat(sessions.findById(id)).isNull();
        });
    }

    @Test
    void aSessionGivenANewIdIsNotFoundUnderTheOldOne() throws Exception {
        var found = new AtomicReference<String>();
        inARequest(() -> {
            var session = sessions.findById(id);
            found.set(session.changeSessionId());
            sessions.save(session);
            assertThat(sessions.findById(id)).isNull();
            assertThat(sessions.findById(found.get())).isNotNull();
        });
    }

    @Test
    void runsJustOutsideSpringSessionsFilter() {
        assertThat(new SessionStoreTuning.OneReadARequest().getOrder())
                .isLessThan(org.springframework.session.web.http.SessionRepositoryFilter.DEFAULT_ORDER);
    }

    private void inARequest(Runnable work) throws IOException, ServletException {
        var chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest request,
                    jakarta.servlet.http.HttpServletResponse response) {
                work.run();
            }
        });
        new SessionStoreTuning.OneReadARequest().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), chain);
        assertThat(SessionStoreTuning.OneReadARequest.READ.get()).as("forgotten after the request").isNull();
    }

    /** Spring Session's map store, counting the reads. */
    static final class CountingStore implements FindByIndexNameSessionRepository<MapSession> {

        final Map<String, org.springframework.session.Session> map = new HashMap<>();
        final MapSessionRepository delegate = new MapSessionRepository(map);
        int reads;

        String saved() {
            var session = delegate.createSession();
            delegate.save(session);
            return session.getId();
        }

        @Override
        public MapSession createSession() {
            return delegate.createSession();
        }

        @Override
        public void save(MapSession session) {
            delegate.save(session);
        }

        @Override
        public @Nullable MapSession findById(String id) {
            reads++;
            return delegate.findById(id);
        }

        @Override
        public void deleteById(String id) {
            delegate.deleteById(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }
}
