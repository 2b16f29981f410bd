package dk.brobygger.access.internal;


import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import dk.brobygger.access.Role;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The security baseline: public directory, logged-in work pages, CSRF on every form, a strict
 * Content-Security-Policy without inline script, the usual headers and rate-limited login.
 * Form login with demo users exists only in the demo profile; production logs in with OpenID Connect.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** Swagger UI ships inline styles; it is the only page allowed them. */
    static final String API_DOCS_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'",
            "style-src 'self' 'unsafe-inline'");

    static final String PERMISSIONS_POLICY = "geolocation=(self), camera=(), microphone=()";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Forwarded headers only from the configured proxies ({@code brobygger.trusted-proxies}), before anything
     * else reads the client's address or scheme.
     */
    @Bean
    FilterRegistrationBean<TrustedProxies> trustedProxies(
            @Value("${brobygger.trusted-proxies:}") List<String> proxies) {
        var registration = new FilterRegistrationBean<>(new TrustedProxies(proxies));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, Environment environment, JdbcUsers users,
            ObjectProvider<ClientRegistrationRepository> oidc, OidcUsers oidcUsers, LoginAttempts attempts,
            MessageSource messages) throws Exception {
        boolean demoUsers = environment.acceptsProfiles(Profiles.of("demo-users"));

        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/", "/tilbud", "/tilbud/**", "/hsds", "/hsds/**", "/login", "/login/afvist", "/error",
                        "/tilgaengelighed", "/kalender/*.ics", "/henvendelse", "/henvendelse/tak", "/css/**", "/js/**", "/img/**", "/vendor/**", "/favicon.ico",
                        "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .permitAll()
                .requestMatchers("/redaktion/moderation/**", "/redaktion/import/**")
                .hasAnyRole(Role.EDITOR.name(), Role.ADMIN.name())
                .requestMatchers("/redaktion/**")
                .hasAnyRole(Role.EDITOR.name(), Role.ADMIN.name(), Role.ASSOCIATION_EDITOR.name())
                .requestMatchers("/mig", "/mig/**").hasRole(Role.CITIZEN.name())
                .requestMatchers("/leder/**").hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name())
                .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                .requestMatchers("/hjemmebesog/**", "/opgaver/**").hasAnyRole(Role.STAFF.name(), Role.ADMIN.name())
                .requestMatchers("/henvisninger", "/henvisninger/**").hasAnyRole(Role.STAFF.name(), Role.MANAGER.name())
                .requestMatchers("/indgang", "/indgang/**", "/forloeb/**").hasAnyRole(Role.STAFF.name(), Role.MANAGER.name())
                .requestMatchers("/forening/**").hasRole(Role.ASSOCIATION_CONTACT.name())
                .requestMatchers("/frivillige", "/frivillige/**").hasAnyRole(Role.STAFF.name(), Role.MANAGER.name())
                .requestMatchers("/frivillig", "/frivillig/**").hasRole(Role.VOLUNTEER.name())
                .requestMatchers("/kalender", "/kalender/**")
                .hasAnyRole(Role.STAFF.name(), Role.MANAGER.name(), Role.VOLUNTEER.name())
                .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                .anyRequest().authenticated());

        if (demoUsers) {
            // After logging in, staff land on their start page (citizens are sent on to /mig from there).
            http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/start").permitAll());
            // Scripts may call the JSON APIs with the demo users (HTTP Basic), demo profile only.
            http.httpBasic(basic -> basic.realmName("Brobygger"));
            http.addFilterBefore(new BasicAttemptLimiter(attempts, problemDetail(messages)),
                    BasicAuthenticationFilter.class);
        }
        if (oidc.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage("/login").defaultSuccessUrl("/start")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers))
                    .failureHandler(CitizenLoginPages.failureHandler()));
        }
        http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?logget-ud"));
        http.addFilterBefore(new LoginRateLimiter(attempts), UsernamePasswordAuthenticationFilter.class);
        http.addFilterBefore(new SessionUserRefresh(users), AuthorizationFilter.class);

        // Requests that carry their own credentials (HTTP Basic, bearer token) cannot be forged
        // by another site, so they need no CSRF token; everything with a session cookie does.
        RequestMatcher carriesCredentials = request -> request.getHeader("Authorization") != null;
        http.csrf(csrf -> csrf.ignoringRequestMatchers(carriesCredentials));

        http.headers(headers -> usualHeaders(headers, CONTENT_SECURITY_POLICY));
        // APIs answer 401 instead of redirecting scripts to the login page.
        http.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                PathPatternRequestMatcher.withDefaults().matcher("/api/**")));
        return http.build();
    }

    /**
     * System-to-system endpoints (the FHIR server at {@code /fhir}, e.g. MedCom hospital notifications): HTTP Basic
     * as a user with {@link Role#SYSTEM}, in every profile, and nothing else; 401, 403 and 429 are OperationOutcomes
     * in the requested format ({@link FhirRefusals}). No session is read or made, so a browser's
     * login cookie does not count here and there is nothing for CSRF to protect. A checked password is
     * remembered for a minute ({@link RememberedCredentials}), so hundreds of messages a second do not each
     * pay for a password hash. Mutual TLS, where wanted, is the ingress's job.
     */
    @Bean
    @Order(2)
    SecurityFilterChain systems(HttpSecurity http, JdbcUsers users, PasswordEncoder passwords, Clock clock,
            AuthenticationEventPublisher events, LoginAttempts attempts, ObjectProvider<FhirContext> fhir,
            MessageSource messages) throws Exception {
        var refusals = new FhirRefusals(fhir, messages);
        var checked = new DaoAuthenticationProvider(users::loadSystemUser);
        checked.setPasswordEncoder(passwords);
        var manager = new ProviderManager(checked);
        manager.setAuthenticationEventPublisher(events);
        http.securityMatcher("/fhir/**")
                .authenticationManager(new RememberedCredentials(manager, Duration.ofMinutes(1), clock))
                .addFilterBefore(new BasicAttemptLimiter(attempts, refusals.throttled()),
                        BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Role.SYSTEM.name()))
                .httpBasic(basic -> basic.realmName(FhirRefusals.REALM)
                        .authenticationEntryPoint(refusals.unauthorized()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(refusals.unauthorized())
                        .accessDeniedHandler(refusals.forbidden()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> usualHeaders(headers, CONTENT_SECURITY_POLICY));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
        http.securityMatcher("/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> usualHeaders(headers, API_DOCS_POLICY));
        return http.build();
    }

    /** The same headers on every chain; only the Content-Security-Policy may differ. */
    private static void usualHeaders(HeadersConfigurer<HttpSecurity> headers, String contentSecurityPolicy) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frame -> frame.deny())
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .httpStrictTransportSecurity(Customizer.withDefaults());
    }

    /** Too many wrong passwords, as a problem detail (RFC 9457) in Danish. */
    private static BasicAttemptLimiter.Refusal problemDetail(MessageSource messages) {
        return (request, response, seconds) -> {
            var locale = locale(request);
            var problem = new LinkedHashMap<String, Object>();
            problem.put("type", "about:blank");
            problem.put("title", messages.getMessage("login.throttled.title", null, locale));
            problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
            problem.put("detail", messages.getMessage("login.throttled.detail", new Object[] {seconds}, locale));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(JsonMapper.shared().writeValueAsString(problem));
        };
    }

    /** Danish unless the request asks for another language. */
    private static Locale locale(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? Locale.forLanguageTag("da") : request.getLocale();
    }

}
