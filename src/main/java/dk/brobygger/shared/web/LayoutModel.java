package dk.brobygger.shared.web;

import dk.brobygger.shared.MunicipalityProperties;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the common page layout needs on every page. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModel {

    private final MunicipalityProperties municipality;

    LayoutModel(MunicipalityProperties municipality) {
        this.municipality = municipality;
    }

    @ModelAttribute("municipality")
    MunicipalityProperties municipality() {
        return municipality;
    }

    @ModelAttribute("requestPath")
    String requestPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
