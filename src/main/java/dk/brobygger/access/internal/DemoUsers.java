package dk.brobygger.access.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dk.brobygger.access.Role;
import dk.brobygger.access.Teams;
import dk.brobygger.access.Users;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Demo users, each with the password {@code demo}. Only in the demo profile (and the tests);
 * production users log in through OpenID Connect.
 */
@Component
@Profile("demo-users")
@Order(0)
class DemoUsers implements ApplicationRunner {

    static final String PASSWORD = "demo";

    record DemoUser(String username, String displayName, Set<Role> roles, String team) {
    }

    static final List<DemoUser> ALL = List.of(
            new DemoUser("admin", "Anne Administrator", EnumSet.of(Role.ADMIN, Role.EDITOR), ""),
            new DemoUser("redaktoer", "Rasmus Redaktør", EnumSet.of(Role.EDITOR), ""),
            new DemoUser("forening", "Frida Foreningsredaktør", EnumSet.of(Role.ASSOCIATION_EDITOR), ""),
            new DemoUser("hjemmebesog", "Hanne Hjemmebesøg", EnumSet.of(Role.STAFF), "forebyggende-hjemmebesoeg"),
            new DemoUser("faellesteam", "Finn Fællesteam", EnumSet.of(Role.STAFF), "faellesteam"),
            new DemoUser("vaert", "Vera Vært", EnumSet.of(Role.STAFF), "en-indgang"),
            // A peer host: lived experience, employed as host in Én indgang (the course module's demo data).
            new DemoUser("peervaert", "Pernille Peervært", EnumSet.of(Role.STAFF), "en-indgang"),
            new DemoUser("akut", "Anders Akut", EnumSet.of(Role.STAFF), "akuttilbud"),
            new DemoUser("hjemmepleje", "Helle Hjemmepleje", EnumSet.of(Role.STAFF), "hjemmepleje-vest"),
            new DemoUser("leder", "Lise Leder", EnumSet.of(Role.MANAGER, Role.STAFF), ""),
            new DemoUser("borger", "Demoborger", EnumSet.of(Role.CITIZEN), ""),
            new DemoUser("medcom", "MedCom-modtagelse", EnumSet.of(Role.SYSTEM), ""),
            // A referring system (a GP system, the region) that sends referrals to /fhir; tied to no organisation.
            new DemoUser("laegesystem", "Lægesystem (henvisninger udefra)", EnumSet.of(Role.SYSTEM), ""),
            // Association contacts answer referrals; the referral module's demo data ties each to its organisation.
            new DemoUser("kontakt", "Karin Kontaktperson", EnumSet.of(Role.ASSOCIATION_CONTACT), ""),
            new DemoUser("kontakt2", "Kurt Kontaktperson", EnumSet.of(Role.ASSOCIATION_CONTACT), ""),
            // Volunteers go with citizens (følgeskab); the referral module's demo data ties each to a volunteer.
            new DemoUser("frivillig", "Birgit Holm Sørensen", EnumSet.of(Role.VOLUNTEER), ""),
            new DemoUser("peer", "Jonas Kjær Mikkelsen", EnumSet.of(Role.VOLUNTEER), ""));

    private final Users users;
    private final Teams teams;
    private final PasswordEncoder passwords;

    DemoUsers(Users users, Teams teams, PasswordEncoder passwords) {
        this.users = users;
        this.teams = teams;
        this.passwords = passwords;
    }

    @Override
    public void run(ApplicationArguments args) {
        String hash = passwords.encode(PASSWORD);
        for (DemoUser user : ALL) {
            var existing = users.find(user.username());
            users.save(user.username(), user.displayName(), hash, user.roles(),
                    existing.map(u -> u.organizationId()).orElse(null));
            if (!user.team().isEmpty()) {
                teams.join(user.team(), user.username(), "demo");
            }
        }
    }
}
