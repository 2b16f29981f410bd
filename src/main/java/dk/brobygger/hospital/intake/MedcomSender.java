package dk.brobygger.hospital.intake;

import java.util.Set;

import dk.brobygger.access.Role;
import dk.brobygger.access.Users;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The system user that MedCom notifications arrive as, in production: its name and password hash come from
 * the environment ({@code BROBYGGER_MEDCOM_USERNAME}, {@code BROBYGGER_MEDCOM_PASSWORD_HASH}, e.g.
 * {@code {bcrypt}$2a$10$...}), never from the repository. Without a hash nothing is created; the demo has
 * the user {@code medcom} among its demo users.
 */
@Component
class MedcomSender implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MedcomSender.class);

    private final Users users;
    private final String username;
    private final String passwordHash;

    MedcomSender(Users users, @Value("${brobygger.medcom.username:medcom}") String username,
            @Value("${brobygger.medcom.password-hash:}") String passwordHash) {
        this.users = users;
        this.username = username;
        this.passwordHash = passwordHash;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (passwordHash.isBlank()) {
            return;
        }
        users.save(username, "MedCom-modtagelse", passwordHash, Set.of(Role.SYSTEM), null);
        log.info("MedCom sender '{}' may deliver hospital notifications at /fhir/$process-message", username);
    }
}
