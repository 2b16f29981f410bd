package dk.brobygger.citizen;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * "Download mine data" as JSON (data portability, GDPR art. 15 and 20): everything Brobygger holds
 * about the citizen, in plain fields a person or another system can read. Names of staff are given
 * beside their user names; each access is also told as the Danish sentence the page shows. {@code parts}
 * holds what every other module keeps (visits, offers, scores, hospital events, outreach …), by the part's key.
 */
record MyDataJson(Instant madeAt, Person record, List<Member> network, List<GivenConsent> consents,
        List<Relation> relations, List<Access> accessReport, Map<String, List<Map<String, @Nullable Object>>> parts) {

    record Person(UUID id, String name, String cpr, LocalDate birthDate, String sex, @Nullable String address,
            @Nullable String postcode, @Nullable String district, @Nullable String phone, @Nullable String email,
            @Nullable String livingSituation, @Nullable String language, boolean needsInterpreter,
            @Nullable String transportNotes, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
    }

    record Member(String name, String role, String kind, int closeness, @Nullable String phone, @Nullable String email,
            Instant addedAt, String addedBy) {
    }

    record GivenConsent(UUID id, String party, @Nullable String partyName, String scope, LocalDate givenOn,
            @Nullable LocalDate validUntil, Instant recordedAt, String recordedBy, @Nullable Instant withdrawnAt,
            @Nullable String withdrawnBy) {
    }

    record Relation(@Nullable String user, @Nullable String team, String reason, Instant since, @Nullable Instant ended) {
    }

    record Access(Instant at, String who, String role, @Nullable String team, String action, String purpose,
            String sentence) {
    }

    static MyDataJson of(MyData.Export export, Map<String, String> names, MessageSource messages, Locale locale) {
        Citizen citizen = export.citizen();
        var person = new Person(citizen.id().value(), citizen.name(), citizen.cpr().formatted(), citizen.birthDate(),
                citizen.sex().name(), citizen.address().street(), citizen.address().postcode(),
                citizen.district() == null ? null : citizen.district().code(), citizen.contact().phone(),
                citizen.contact().email(), citizen.livingSituation() == null ? null : citizen.livingSituation().name(),
                citizen.circumstances().language(), citizen.circumstances().needsInterpreter(),
                citizen.circumstances().transportNotes(), citizen.createdAt(), named(citizen.createdBy(), names),
                citizen.updatedAt(), named(citizen.updatedBy(), names));
        var network = export.network().stream().map(member -> new Member(member.name(), member.role(),
                member.kind().name(), member.closeness(), member.phone(), member.email(), member.addedAt(),
                named(member.addedBy(), names))).toList();
        var consents = export.consents().stream().map(consent -> new GivenConsent(consent.id(), consent.party().name(),
                consent.partyName(), consent.scope(), consent.givenOn(), consent.validUntil(), consent.recordedAt(),
                named(consent.recordedBy(), names), consent.withdrawnAt(),
                consent.withdrawnBy() == null ? null : named(consent.withdrawnBy(), names))).toList();
        var relations = export.relations().stream().map(relation -> new Relation(
                relation.username() == null ? null : relation.displayName() == null ? relation.username()
                        : relation.displayName() + " (" + relation.username() + ")",
                relation.team(), relation.reason(), relation.since(), relation.endedAt())).toList();
        var accesses = export.accesses().stream().map(access -> new Access(access.at(), access.who(),
                access.role().name(), access.team(), access.action().name(), access.purpose(),
                access.sentence(messages, locale))).toList();
        var parts = new java.util.LinkedHashMap<String, List<Map<String, @Nullable Object>>>();
        export.parts().forEach(part -> parts.put(part.key(), part.records()));
        return new MyDataJson(export.madeAt(), person, network, consents, relations, accesses, parts);
    }

    /** "Hanne Hjemmebesøg (hjemmebesog)": the name a person knows, and the user name the log uses. */
    private static String named(String username, Map<String, String> names) {
        String name = names.getOrDefault(username, username);
        return name.equals(username) ? username : name + " (" + username + ")";
    }
}
