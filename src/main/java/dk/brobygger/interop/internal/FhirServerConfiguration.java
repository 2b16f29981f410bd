package dk.brobygger.interop.internal;

import java.util.List;

import dk.brobygger.interop.FhirProvider;

import ca.uhn.fhir.context.FhirContext;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The one FHIR server: a FHIR R4 context for the whole application (expensive to build, thread-safe; parsers are
 * made per message) and HAPI's RestfulServer registered as the servlet for {@code /fhir/*}, started with the
 * application so that a provider HAPI cannot bind stops the start instead of the first message.
 */
@Configuration(proxyBeanMethods = false)
class FhirServerConfiguration {

    static final String PATH = "/fhir";

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }

    @Bean
    FhirServer fhirServer(FhirContext fhir, List<FhirProvider> providers, MessageSource messages,
            @Value("${spring.application.version:}") String version) {
        return new FhirServer(fhir, providers, new FhirErrors(messages), version);
    }

    /**
     * Before any other filter: a POST to {@code /fhir} keeps its body readable ({@link BodyKeepingRequest}), even
     * when a filter on the way asks for a request parameter and the body is sent as a form.
     */
    @Bean
    FilterRegistrationBean<Filter> fhirBodyKeeping() {
        Filter keeping = (request, response, chain) -> chain.doFilter(
                request instanceof HttpServletRequest http && "POST".equals(http.getMethod())
                        ? new BodyKeepingRequest(http) : request, response);
        var registration = new FilterRegistrationBean<>(keeping);
        registration.addUrlPatterns(PATH + "/*");
        registration.setName("fhirBodyKeeping");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    ServletRegistrationBean<FhirServer> fhirServlet(FhirServer server) {
        var registration = new ServletRegistrationBean<>(server, PATH + "/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
