package dev.connectchat.participant.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An HTTP answer of the emulator.
 *
 * @param status the status code
 * @param headers headers to add
 * @param body the body
 */
record Answer(int status, Map<String, String> headers, byte[] body) {
    static Answer json(Object value) {
        return new Answer(200, Map.of("Content-Type", "application/json"), EmulatorJson.bytes(value));
    }

    /** As the service answers errors: the type in {@code x-amzn-ErrorType}, the message in the JSON body. */
    static Answer error(ServiceError error) {
        ObjectNode body = EmulatorJson.object().put("message", error.getMessage());
        if (error.type.equals("ConflictException")) {
            body.put("Reason", error.getMessage());
        }
        return new Answer(error.status, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", error.type),
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Answer bytes(int status, String contentType, byte[] body) {
        return new Answer(status, Map.of("Content-Type", contentType), body);
    }

    /** A storage (S3-style) error. */
    static Answer storageError(int status, String code, String message) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>";
        return bytes(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }
}
