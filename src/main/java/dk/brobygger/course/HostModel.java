package dk.brobygger.course;

import dk.brobygger.access.Users;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows whether the user is a host, so the menu offers Én indgang's board only to hosts and managers. */
@ControllerAdvice(annotations = Controller.class)
class HostModel {

    private final Users users;
    private final Inquiries inquiries;

    HostModel(Users users, Inquiries inquiries) {
        this.users = users;
        this.inquiries = inquiries;
    }

    @ModelAttribute("courseHost")
    boolean courseHost() {
        return users.current().map(inquiries::isHost).orElse(false);
    }
}
