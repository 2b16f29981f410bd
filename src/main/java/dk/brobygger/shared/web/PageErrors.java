package dk.brobygger.shared.web;

import java.time.DateTimeException;

import dk.brobygger.shared.ClusterJobs;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.MunicipalityProperties;
import dk.brobygger.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages answer known failures with the Danish error page and the right status, never a stack trace: a broken
 * rule with its own Danish message, a form field with an index no form has ({@link RequestBinding}) and a date
 * beyond any calendar as a bad request, a change that lost a race with another as a conflict.
 */
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
    ModelAndView ruleBroken(DomainException e, HttpServletRequest request) {
        var page = page(HttpStatus.BAD_REQUEST, request);
        page.addObject("detail", e.messageKey());
        page.addObject("detailArguments", e.arguments());
        return page;
    }

    /** A job started by hand while it runs on some node ({@link ClusterJobs}): nothing was started. */
    @ExceptionHandler(ClusterJobs.JobAlreadyRunning.class)
    ModelAndView jobAlreadyRunning(ClusterJobs.JobAlreadyRunning e, HttpServletRequest request) {
        var page = page(HttpStatus.CONFLICT, request);
        page.addObject("detail", e.messageKey());
        page.addObject("detailArguments", e.arguments());
        return page;
    }

    /** A form field with an index the form does not have ({@code schedules[100000]}, {@code [-1]}). */
    @ExceptionHandler(InvalidPropertyException.class)
    ModelAndView noSuchField(HttpServletRequest request) {
        var page = page(HttpStatus.BAD_REQUEST, request);
        page.addObject("detail", "error.400.field");
        page.addObject("detailArguments", new Object[0]);
        return page;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request) {
        return page(HttpStatus.CONTENT_TOO_LARGE, request);
    }

    /** An upload that is not a readable multipart body (e.g. no boundary). */
    @ExceptionHandler(MultipartException.class)
    ModelAndView unreadableUpload(HttpServletRequest request) {
        return page(HttpStatus.BAD_REQUEST, request);
    }

    /** Date arithmetic beyond the calendar (year ±999,999,999) from a date a request carried. */
    @ExceptionHandler(DateTimeException.class)
    ModelAndView noSuchDate(HttpServletRequest request) {
        var page = page(HttpStatus.BAD_REQUEST, request);
        page.addObject("detail", "error.400.date");
        page.addObject("detailArguments", new Object[0]);
        return page;
    }

    /** Optimistic (a stale version) or pessimistic (a lock or a concurrent insert lost): someone else came first. */
    @ExceptionHandler(ConcurrencyFailureException.class)
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
