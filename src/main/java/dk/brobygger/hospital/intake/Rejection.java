package dk.brobygger.hospital.intake;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.http.HttpStatus;

/**
 * Why a hospital notification was not applied. The message is kept for an administrator with the reason;
 * the sender gets the status and an OperationOutcome naming it. The detail arguments never hold a CPR number.
 */
class Rejection extends RuntimeException {

    /** The reasons, each with its HTTP status, FHIR issue type and the Danish text in {@code i18n/hospital}. */
    enum Reason {
        MALFORMED(HttpStatus.BAD_REQUEST, IssueType.STRUCTURE),
        /** Sent in a format the intake does not read (not FHIR JSON or XML): kept all the same. */
        UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, IssueType.NOTSUPPORTED),
        TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, IssueType.TOOLONG),
        NOT_A_HOSPITAL_NOTIFICATION(HttpStatus.UNPROCESSABLE_CONTENT, IssueType.NOTSUPPORTED),
        INCOMPLETE(HttpStatus.UNPROCESSABLE_CONTENT, IssueType.REQUIRED),
        INCONSISTENT(HttpStatus.UNPROCESSABLE_CONTENT, IssueType.INVALID),
        FUTURE_DATE(HttpStatus.UNPROCESSABLE_CONTENT, IssueType.BUSINESSRULE),
        UNKNOWN_PATIENT(HttpStatus.UNPROCESSABLE_CONTENT, IssueType.NOTFOUND),
        /** A revision or cancellation that names no message, one never received, or one whose event no longer stands. */
        EARLIER_MESSAGE_UNKNOWN(HttpStatus.UNPROCESSABLE_CONTENT, IssueType.NOTFOUND),
        /** A revision or cancellation of a message that was itself refused and waits for an administrator. */
        EARLIER_MESSAGE_REFUSED(HttpStatus.UNPROCESSABLE_CONTENT, IssueType.BUSINESSRULE),
        /** Another message under a MessageHeader id already accepted: not a duplicate, never dropped. */
        MESSAGE_ID_REUSED(HttpStatus.CONFLICT, IssueType.CONFLICT),
        DUPLICATE_EVENT(HttpStatus.CONFLICT, IssueType.DUPLICATE);

        final HttpStatus status;
        final IssueType issueType;

        Reason(HttpStatus status, IssueType issueType) {
            this.status = status;
            this.issueType = issueType;
        }

        String messageKey() {
            return "hospital.rejected." + name();
        }
    }

    private final Reason reason;
    private final transient Object[] arguments;

    Rejection(Reason reason, Object... arguments) {
        super(reason.name());
        this.reason = reason;
        this.arguments = arguments;
    }

    Reason reason() {
        return reason;
    }

    Object[] arguments() {
        return arguments.clone();
    }
}
