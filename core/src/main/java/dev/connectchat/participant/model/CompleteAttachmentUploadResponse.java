package dev.connectchat.participant.model;

/**
 * Output of CompleteAttachmentUpload (empty).
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 */
public record CompleteAttachmentUploadResponse() {

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link CompleteAttachmentUploadResponse}; setters are named after the members. */
    public static final class Builder {
        private Builder() {
        }

        private Builder(CompleteAttachmentUploadResponse from) {
        }

        /** @return a new {@link CompleteAttachmentUploadResponse} with the values set so far */
        public CompleteAttachmentUploadResponse build() {
            return new CompleteAttachmentUploadResponse();
        }
    }
}
