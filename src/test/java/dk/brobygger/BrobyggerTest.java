package dk.brobygger;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dk.brobygger.interop.FhirServletInMockMvc;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application against H2 or PostgreSQL (see {@link TestDatabaseProfiles}), with MockMvc
 * and the demo users (password {@code demo}). All such tests share one application context. MockMvc reaches the
 * FHIR server's servlet at {@code /fhir} too ({@link FhirServletInMockMvc}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import(FhirServletInMockMvc.class)
@ActiveProfiles(resolver = TestDatabaseProfiles.class)
public @interface BrobyggerTest {
}
