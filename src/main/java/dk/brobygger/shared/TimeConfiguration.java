package dk.brobygger.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Time comes from one {@link Clock} so that "within 6 weeks" and "turns 75 this year" are testable. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    /** Danish municipalities work in Danish time. */
    static final ZoneId DANISH_TIME = DanishTime.ZONE;

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(DANISH_TIME);
    }
}
