package dk.brobygger.citizen;

import java.util.Optional;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.NeedToKnow;
import dk.brobygger.access.Role;
import dk.brobygger.access.Users;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Citizens under the need-to-know policy: staff may register and look up citizens, but see or
 * change a record only while they have an active relation to the citizen or have broken the
 * glass. Nobody, administrators included, sees a citizen without one of the two.
 */
@Component
class NeedToKnowCitizenAccess implements CitizenAccess {

    private final Users users;
    private final NeedToKnow needToKnow;

    NeedToKnowCitizenAccess(Users users, NeedToKnow needToKnow) {
        this.users = users;
        this.needToKnow = needToKnow;
    }

    @Override
    public void checkMayRegister() {
        staff();
    }

    @Override
    public void checkMayIdentify() {
        users.current().filter(user -> user.has(Role.SYSTEM))
                .orElseThrow(() -> new AccessDeniedException("Only systems identify the citizen a message is about"));
    }

    @Override
    public void checkMaySearch() {
        staff();
    }

    @Override
    public void checkMaySee(CitizenId citizen) {
        if (!needToKnow.maySee(staff(), citizen.value())) {
            throw new AccessDeniedException("No active relation to the citizen");
        }
    }

    @Override
    public void checkMayChange(CitizenId citizen) {
        checkMaySee(citizen);
    }

    @Override
    public Optional<NeedToKnow.Subquery> visibleCitizensQuery() {
        return staffMember().map(needToKnow::visibleTo);
    }

    private BrobyggerUser staff() {
        return staffMember().orElseThrow(() -> new AccessDeniedException("Only staff work with citizens"));
    }

    private Optional<BrobyggerUser> staffMember() {
        return users.current().filter(user -> user.has(Role.STAFF) || user.has(Role.ADMIN));
    }
}
