package dk.brobygger.hospital.intake;

import ca.uhn.fhir.context.FhirContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One FHIR R4 context for the application: it is expensive to build and thread-safe; parsers are made per message. */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }
}
