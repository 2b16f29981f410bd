package dk.brobygger.citizen;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dk.brobygger.citizen.CitizenRegister.CprAlreadyRegisteredException;
import dk.brobygger.citizen.CitizenRegister.StaleCitizenException;
import dk.brobygger.shared.CprNumber;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

import dk.brobygger.shared.web.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Citizens as JSON for staff. Invalid input answers 400 and a taken CPR number or a stale version
 * 409, each as a problem detail in Danish; nothing is saved then.
 */
@RestController
@RequestMapping("/api/citizens")
class CitizenApi {

    /** A new citizen as the API receives it; codes are checked by the domain, not by Jackson. */
    record Registration(@Nullable String cpr, @Nullable String name, @Nullable String address,
            @Nullable String postcode, @Nullable String district, @Nullable String livingSituation) {
    }

    /** The editable record, with the version it was read at. */
    record Change(@Nullable Long version, @Nullable String name, @Nullable String address, @Nullable String postcode,
            @Nullable String district, @Nullable String phone, @Nullable String email,
            @Nullable String livingSituation, @Nullable String language, @Nullable Boolean needsInterpreter,
            @Nullable String transportNotes) {
    }

    record Created(UUID id) {
    }

    /** Whom to relate to the citizen: a user, or a whole team by its code. */
    record Relation(@Nullable String username, @Nullable String team) {
    }

    record GlassRequest(@Nullable String reason) {
    }

    /** A network member as the API receives it; kind is PRIVATE or PROFESSIONAL, closeness 1 (closest) to 3. */
    record MemberRequest(@Nullable String kind, @Nullable String name, @Nullable String role,
            @Nullable Integer closeness, @Nullable String phone, @Nullable String email) {
    }

    /** A consent as the API receives it; party is RELATIVES, REGION, GP or ASSOCIATION. */
    record ConsentRequest(@Nullable String party, @Nullable String partyName, @Nullable String scope,
            @Nullable LocalDate givenOn, @Nullable LocalDate validUntil) {
    }

    record GlassGranted(UUID citizenId, String username, Instant grantedAt, Instant expiresAt) {
    }

    /** A citizen as the API shows it: birth date, age and sex derived from the CPR number. */
    record CitizenView(UUID id, @Nullable String cpr, String name, @Nullable String address, @Nullable String postcode,
            @Nullable String district, @Nullable String phone, @Nullable String email,
            @Nullable LivingSituation livingSituation, @Nullable String language, boolean needsInterpreter,
            @Nullable String transportNotes, LocalDate birthDate, int age, CprNumber.Sex sex, @Nullable Long version,
            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

        static CitizenView of(Citizen citizen, LocalDate today) {
            var district = citizen.district();
            var circumstances = citizen.circumstances();
            return new CitizenView(citizen.id().value(), citizen.isAnonymised() ? null : citizen.cpr().formatted(), citizen.name(),
                    citizen.address().street(), citizen.address().postcode(), district == null ? null : district.code(),
                    citizen.contact().phone(), citizen.contact().email(), circumstances.livingSituation(),
                    circumstances.language(), circumstances.needsInterpreter(), circumstances.transportNotes(),
                    citizen.birthDate(), citizen.ageOn(today), citizen.sex(), citizen.version(), citizen.createdAt(),
                    citizen.createdBy(), citizen.updatedAt(), citizen.updatedBy());
        }
    }

    private final CitizenRegister register;
    private final MessageSource messages;
    private final Problems problems;
    private final Clock clock;

    private final Consents consents;
    private final Networks networks;

    CitizenApi(CitizenRegister register, Consents consents, Networks networks, MessageSource messages, Problems problems,
            Clock clock) {
        this.networks = networks;
        this.consents = consents;
        this.register = register;
        this.messages = messages;
        this.problems = problems;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<Created> register(@RequestBody Registration registration) {
        var id = register.register(new CitizenRegister.NewCitizen(CprNumber.of(registration.cpr()),
                requiredName(registration.name()), new Address(registration.address(), registration.postcode()),
                district(registration.district()), Circumstances.of(livingSituation(registration.livingSituation()))));
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id.value())
                .toUri();
        return ResponseEntity.created(location).body(new Created(id.value()));
    }

    @GetMapping(params = "cpr")
    CitizenView byCpr(@RequestParam String cpr) {
        return register.findByCpr(CprNumber.of(cpr)).map(this::view)
                .orElseThrow(() -> new NotFoundException("citizen"));
    }

    @GetMapping("/{id}")
    CitizenView one(@PathVariable UUID id) {
        return view(register.get(new CitizenId(id)));
    }

    @PutMapping("/{id}")
    CitizenView revise(@PathVariable UUID id, @RequestBody Change change) {
        if (change.version() == null) {
            throw new DomainException("citizen.version.missing");
        }
        var revision = new CitizenRegister.Revision(requiredName(change.name()),
                new Address(change.address(), change.postcode()), district(change.district()),
                new Contact(change.phone(), change.email()),
                new Circumstances(livingSituation(change.livingSituation()), change.language(),
                        Boolean.TRUE.equals(change.needsInterpreter()), change.transportNotes()));
        return view(register.revise(new CitizenId(id), change.version(), revision));
    }

    @PostMapping("/{id}/relations")
    ResponseEntity<Void> relate(@PathVariable UUID id, @RequestBody Relation relation) {
        if (relation.team() != null && !relation.team().isBlank()) {
            register.relateTeam(new CitizenId(id), relation.team().strip());
            return ResponseEntity.status(HttpStatus.CREATED).build();
        }
        if (relation.username() == null || relation.username().isBlank()) {
            throw new DomainException("access.relation.usernameOrTeam");
        }
        register.relate(new CitizenId(id), relation.username().strip());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @PostMapping("/{id}/break-the-glass")
    ResponseEntity<GlassGranted> breakTheGlass(@PathVariable UUID id, @RequestBody GlassRequest request) {
        var glass = register.breakTheGlass(new CitizenId(id), request.reason());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new GlassGranted(glass.citizenId(), glass.username(), glass.grantedAt(), glass.expiresAt()));
    }

    @PostMapping("/{id}/network")
    ResponseEntity<NetworkMember> addToNetwork(@PathVariable UUID id, @RequestBody MemberRequest request) {
        NetworkMember.Kind kind = null;
        try {
            kind = NetworkMember.Kind.valueOf(String.valueOf(request.kind()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // Refused by Networks, after the need-to-know check.
        }
        var member = networks.add(new CitizenId(id), new Networks.NewMember(kind, request.name(), request.role(),
                request.closeness(), request.phone(), request.email()));
        return ResponseEntity.status(HttpStatus.CREATED).body(member);
    }

    @GetMapping("/{id}/network")
    List<NetworkMember> network(@PathVariable UUID id) {
        return networks.of(new CitizenId(id));
    }

    @DeleteMapping("/{id}/network/{memberId}")
    ResponseEntity<Void> removeFromNetwork(@PathVariable UUID id, @PathVariable UUID memberId) {
        networks.remove(new CitizenId(id), memberId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/consents")
    ResponseEntity<Consent> giveConsent(@PathVariable UUID id, @RequestBody ConsentRequest request) {
        ConsentParty party = null;
        try {
            party = ConsentParty.valueOf(String.valueOf(request.party()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // Refused by Consents, after the need-to-know check: an unknown party reveals nothing.
        }
        var consent = consents.record(new CitizenId(id), new Consents.Grant(party, request.partyName(),
                request.scope(), request.givenOn() == null ? LocalDate.now(clock) : request.givenOn(),
                request.validUntil()));
        return ResponseEntity.status(HttpStatus.CREATED).body(consent);
    }

    @GetMapping("/{id}/consents")
    List<Consent> consents(@PathVariable UUID id) {
        return consents.of(new CitizenId(id));
    }

    @PostMapping("/{id}/consents/{consentId}/withdraw")
    Consent withdraw(@PathVariable UUID id, @PathVariable UUID consentId) {
        return consents.withdraw(new CitizenId(id), consentId);
    }

    @ExceptionHandler(CprAlreadyRegisteredException.class)
    ProblemDetail cprTaken(CprAlreadyRegisteredException e, Locale locale) {
        return problems.conflict("citizen.cpr.taken", locale);
    }

    @ExceptionHandler(StaleCitizenException.class)
    ProblemDetail stale(StaleCitizenException e, Locale locale) {
        var current = e.current();
        var problem = problems.conflict("citizen.conflict", locale, current.updatedBy());
        problem.setProperty("current", view(current));
        return problem;
    }

    /** The name is checked here only for presence; length and the rest belong to the domain. */
    private static String requiredName(@Nullable String name) {
        if (name == null || name.isBlank()) {
            throw new DomainException("citizen.name.missing");
        }
        return name;
    }

    private static @Nullable District district(@Nullable String code) {
        return code == null || code.isBlank() ? null : new District(code);
    }

    private static @Nullable LivingSituation livingSituation(@Nullable String code) {
        return code == null || code.isBlank() ? null : LivingSituation.of(code);
    }

    private CitizenView view(Citizen citizen) {
        return CitizenView.of(citizen, LocalDate.now(clock));
    }
}
