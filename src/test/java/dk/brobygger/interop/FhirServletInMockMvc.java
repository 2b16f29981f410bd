package dk.brobygger.interop;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.mock.web.MockServletConfig;

/**
 * MockMvc drives only the DispatcherServlet; the FHIR server is a servlet of its own under {@code /fhir/*}. This
 * last filter (after the application's filters and the security chains, as in the container) hands a request for
 * {@code /fhir/...} to that same servlet bean, with the servlet path and path info Tomcat gives it, so MockMvc
 * tests exercise the real FHIR server behind the real security. {@code FhirServerOverHttpTests} checks the
 * servlet registration itself on a real port.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FhirServletInMockMvc {

    @Bean
    FilterRegistrationBean<Filter> fhirServletInMockMvc(@Qualifier("fhirServlet") ServletRegistrationBean<?> fhir) {
        var registration = new FilterRegistrationBean<Filter>(new ToFhirServlet(fhir.getServlet()));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    private static final class ToFhirServlet implements Filter {

        private static final String PATH = "/fhir";

        private final Servlet servlet;
        private boolean initialised;

        ToFhirServlet(Servlet servlet) {
            this.servlet = servlet;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            var http = (HttpServletRequest) request;
            String path = http.getRequestURI().substring(http.getContextPath().length());
            if (!path.equals(PATH) && !path.startsWith(PATH + "/")) {
                chain.doFilter(request, response);
                return;
            }
            synchronized (this) {
                if (!initialised) {
                    servlet.init(new MockServletConfig(request.getServletContext(), "fhir"));
                    initialised = true;
                }
            }
            String pathInfo = path.length() > PATH.length() ? path.substring(PATH.length()) : null;
            servlet.service(new HttpServletRequestWrapper(http) {
                @Override
                public String getServletPath() {
                    return PATH;
                }

                @Override
                public @Nullable String getPathInfo() {
                    return pathInfo;
                }
            }, response);
        }
    }
}
