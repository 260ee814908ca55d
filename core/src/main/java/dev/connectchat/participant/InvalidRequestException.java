package dev.connectchat.participant;

/**
 * A request broke a constraint of the service model (a required member is missing, a string is too long, a
 * number out of range, an enum value unknown, ...). Signalled through the {@code Mono}/{@code Flux} of the
 * call before anything is sent.
 */
public final class InvalidRequestException extends IllegalArgumentException {
    private final String operation;
    private final String member;
    private final String rule;

    /**
     * @param operation the operation, e.g. {@code SendMessage}
     * @param member the member as named in the model, e.g. {@code Content} or {@code StartPosition.MostRecent}
     * @param rule the rule that was broken, e.g. {@code length must be 1..16384, was 0}
     */
    public InvalidRequestException(String operation, String member, String rule) {
        super(operation + ": " + member + " " + rule);
        this.operation = operation;
        this.member = member;
        this.rule = rule;
    }

    /** @return the operation, as named in the model */
    public String operation() {
        return operation;
    }

    /** @return the member, as named in the model, with its parents joined by dots */
    public String member() {
        return member;
    }

    /** @return the broken rule, in words */
    public String rule() {
        return rule;
    }
}
