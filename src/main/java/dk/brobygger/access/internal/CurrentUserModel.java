package dk.brobygger.access.internal;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Users;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the logged-in user (or nobody) on every page for the header and navigation. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserModel {

    private final Users users;

    CurrentUserModel(Users users) {
        this.users = users;
    }

    @ModelAttribute("currentUser")
    @Nullable BrobyggerUser currentUser() {
        return users.current().orElse(null);
    }
}
