package dk.brobygger.course;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.access.Users;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.citizen.CitizenRegister;
import dk.brobygger.citizen.ConsentParty;
import dk.brobygger.directory.OfferFacts;
import dk.brobygger.shared.CprNumber;
import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A citizen's courses for another party's system at {@code /fhir} ({@link EpisodeOfCareProvider}). A system
 * ({@link Role#SYSTEM}) has no need-to-know relation and never will: it works with no citizen. What it reads rests
 * on the citizen's consent alone, the way an association's contact reads a referral: a system reads a course only
 * when the citizen has a consent in force to share with the party the system acts for, and every such read passes
 * the gate's {@link CitizenRecords#share} (audited as shared with that party, with the purpose; a read without
 * consent is refused and the refusal audited). The party a system acts for is configured, never taken from the
 * request:
 * <ul>
 * <li>a system tied to an association in the directory (the user's organisation) acts for that association: a
 * consent to share with associations that names it, or names none;</li>
 * <li>any other system acts for the party named for its user name in {@code brobygger.course.system-parties}
 * ({@code GP} or {@code REGION}, optionally with the party's name after a colon, e.g.
 * {@code laegesystem: GP}), and a system named there for nobody acts for nobody and reads no course.</li>
 * </ul>
 * A citizen the system may not read is answered exactly as one that does not exist (nothing found), so the answer
 * never tells whether the municipality knows a person.
 */
@Service
class CoursesForSystems {

    /** The party a system acts for: a consent party, and which one (an association's name) where it matters. */
    record Party(ConsentParty party, @Nullable String name) {

        String describe() {
            return name == null ? party.name() : name;
        }
    }

    /** Courses the system may read, all of one citizen. */
    record Shared(CitizenId citizen, List<Course> courses) {
    }

    static final String PURPOSE = Inquiries.PURPOSE + ": forløb læst af et andet system (FHIR EpisodeOfCare)";

    private final Users users;
    private final OfferFacts directory;
    private final CitizenRegister register;
    private final CitizenRecords records;
    private final CourseRepository repository;
    private final Environment environment;
    private final TransactionTemplate transactions;

    CoursesForSystems(Users users, OfferFacts directory, CitizenRegister register, CitizenRecords records,
            CourseRepository repository, Environment environment, PlatformTransactionManager transactionManager) {
        this.users = users;
        this.directory = directory;
        this.register = register;
        this.records = records;
        this.repository = repository;
        this.environment = environment;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The party the logged-in system acts for, read from its user as it is now (a disabled one acts for nobody). */
    Optional<Party> party() {
        var system = users.current().filter(user -> user.has(Role.SYSTEM)).flatMap(user -> users.find(user.username()))
                .filter(user -> user.has(Role.SYSTEM) && user.enabled());
        if (system.isEmpty()) {
            return Optional.empty();
        }
        BrobyggerUser user = system.get();
        if (user.organizationId() != null) {
            // Never an association without its name: a nameless one would be covered by every association consent.
            return directory.organizationName(user.organizationId())
                    .map(name -> new Party(ConsentParty.ASSOCIATION, name));
        }
        String configured = configuredParties().get(user.username());
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        String[] parts = configured.split(":", 2);
        try {
            var party = ConsentParty.valueOf(parts[0].strip());
            String name = parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : null;
            if (party == ConsentParty.ASSOCIATION || party == ConsentParty.RELATIVES) {
                // An association is known by its organisation, relatives never run a system.
                return Optional.empty();
            }
            return Optional.of(new Party(party, name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The citizen with this CPR number, as a system identifies one (audited as a search in the system's name). */
    Optional<CitizenId> identify(String cpr) {
        if (!CprNumber.isValid(cpr)) {
            return Optional.empty();
        }
        return register.identify(CprNumber.of(cpr), PURPOSE + ": søgte borgeren på CPR-nummer");
    }

    /**
     * The citizen's courses in {@code statuses} (all when empty), when the citizen's consent lets the system's
     * party read them; otherwise nothing. The share is audited either way.
     */
    Optional<Shared> ofCitizen(CitizenId citizen, Set<CourseStatus> statuses) {
        var party = party();
        if (party.isEmpty() || !shared(citizen, party.get(), "søgte borgerens forløb")) {
            return Optional.empty();
        }
        // With their history (a citizen has a few courses): the search shows what a read shows.
        var courses = transactions.execute(status -> repository.ofCitizen(citizen).stream()
                .filter(course -> statuses.isEmpty() || statuses.contains(course.status()))
                .map(course -> repository.find(course.id()).orElse(course)).toList());
        return Optional.of(new Shared(citizen, courses == null ? List.of() : courses));
    }

    /** One course, when the citizen's consent lets the system's party read it; otherwise as if it did not exist. */
    Optional<Course> course(UUID id) {
        var party = party();
        if (party.isEmpty()) {
            return Optional.empty();
        }
        var course = transactions.execute(status -> repository.find(new CourseId(id)));
        if (course == null || course.isEmpty() || !shared(course.get().citizen(), party.get(), "læste et forløb")) {
            return Optional.empty();
        }
        return course;
    }

    /**
     * The gate's share, in its own transaction so that a refusal (audited by the gate, committed on its own) leaves
     * nothing to roll back here: true when the consent is in force.
     */
    private boolean shared(CitizenId citizen, Party party, String what) {
        try {
            transactions.executeWithoutResult(status -> records.share(citizen, party.party(), party.name(),
                    PURPOSE + ": " + what));
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    private Map<String, String> configuredParties() {
        return Binder.get(environment).bind("brobygger.course.system-parties",
                Bindable.mapOf(String.class, String.class)).orElse(Map.of());
    }
}
