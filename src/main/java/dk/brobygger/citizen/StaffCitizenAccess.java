package dk.brobygger.citizen;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.access.Users;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Permissive stand-in for the need-to-know policy: any logged-in staff member or administrator
 * may see and change every citizen. To be replaced by the need-to-know policy, not extended.
 */
@Component
class StaffCitizenAccess implements CitizenAccess {

    private final Users users;

    StaffCitizenAccess(Users users) {
        this.users = users;
    }

    @Override
    public void checkMayRegister() {
        requireStaff();
    }

    @Override
    public void checkMaySearch() {
        requireStaff();
    }

    @Override
    public void checkMaySee(CitizenId citizen) {
        requireStaff();
    }

    @Override
    public void checkMayChange(CitizenId citizen) {
        requireStaff();
    }

    @Override
    public boolean maySee(CitizenId citizen) {
        return isStaff();
    }

    private void requireStaff() {
        if (!isStaff()) {
            throw new AccessDeniedException("Only staff may see citizens");
        }
    }

    private boolean isStaff() {
        return users.current().filter(StaffCitizenAccess::worksWithCitizens).isPresent();
    }

    private static boolean worksWithCitizens(BrobyggerUser user) {
        return user.has(Role.STAFF) || user.has(Role.ADMIN);
    }
}
