package dk.brobygger.audit;

import java.util.Locale;

import dk.brobygger.access.Role;
import dk.brobygger.access.Users;

import dk.brobygger.shared.web.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit log's integrity for administrators and monitoring: is the chain intact? */
@RestController
class AuditApi {

    private final AuditLog log;
    private final Users users;
    private final Problems problems;

    AuditApi(AuditLog log, Users users, Problems problems) {
        this.log = log;
        this.users = users;
        this.problems = problems;
    }

    /** Walks the whole chain: {@code {"valid": true, "records": 123, "firstBrokenId": null}}. */
    @GetMapping("/api/audit/verify")
    ChainVerification verify() {
        if (!users.currentOrFail().has(Role.ADMIN)) {
            throw new AccessDeniedException("only administrators verify the audit log");
        }
        return log.verify();
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(Locale locale) {
        return problems.of(HttpStatus.FORBIDDEN, "audit.problem.forbidden", "audit.problem.forbidden.title", locale);
    }
}
