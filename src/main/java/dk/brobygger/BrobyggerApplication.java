package dk.brobygger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Brobygger: bridges citizens from the municipal help system into communities. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BrobyggerApplication {

    public static void main(String[] args) {
        SpringApplication.run(BrobyggerApplication.class, args);
    }
}
