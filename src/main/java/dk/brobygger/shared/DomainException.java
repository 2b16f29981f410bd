package dk.brobygger.shared;

/**
 * A rule of the domain was broken (an illegal state change, a missing consent, ...).
 * The message key points into the message bundles so the user gets a clear Danish message.
 */
public class DomainException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public DomainException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
