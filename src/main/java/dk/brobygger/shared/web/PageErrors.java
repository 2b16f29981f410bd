package dk.brobygger.shared.web;

import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.MunicipalityProperties;
import dk.brobygger.shared.NotFoundException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Pages answer known failures with the Danish error page and the right status, never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    private final MunicipalityProperties municipality;

    PageErrors(MunicipalityProperties municipality) {
        this.municipality = municipality;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView ruleBroken() {
        return page(HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ModelAndView conflict() {
        return page(HttpStatus.CONFLICT);
    }

    private ModelAndView page(HttpStatus status) {
        var page = new ModelAndView("error", status);
        page.addObject("municipality", municipality);
        page.addObject("status", status.value());
        return page;
    }
}
