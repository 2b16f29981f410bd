package dk.brobygger.shared.web;

import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.MunicipalityProperties;
import dk.brobygger.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;

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
    ModelAndView notFound(HttpServletRequest request) {
        return page(HttpStatus.NOT_FOUND, request);
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView ruleBroken(HttpServletRequest request) {
        return page(HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ModelAndView conflict(HttpServletRequest request) {
        return page(HttpStatus.CONFLICT, request);
    }

    private ModelAndView page(HttpStatus status, HttpServletRequest request) {
        var page = new ModelAndView("error", status);
        page.addObject("municipality", municipality);
        page.addObject("requestPath", request.getRequestURI());
        page.addObject("status", status.value());
        return page;
    }
}
