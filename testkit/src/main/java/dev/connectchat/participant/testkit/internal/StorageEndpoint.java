package dev.connectchat.participant.testkit.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The attachment storage behind the pre-signed URLs, and the authentication page. */
final class StorageEndpoint {
    private final EmulatorState state;

    StorageEndpoint(EmulatorState state) {
        this.state = state;
    }

    Answer handle(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                  byte[] body) {
        String[] parts = path.split("/");
        ChatRoom room = parts.length == 4 ? state.room(parts[2]) : null;
        AttachmentStore.Attachment a = room == null ? null : room.attachments.get(parts[3]);
        if (a == null) {
            return Answer.storageError(404, "NoSuchKey", "The specified key does not exist.");
        }
        if (!a.signature.equals(EmulatorServer.param(query, "X-Amz-Signature"))) {
            return Answer.storageError(403, "SignatureDoesNotMatch", "The request signature does not match.");
        }
        Instant now = state.now();
        if (method.equals("PUT")) {
            String problem = a.owner == null ? null : room.attachments.upload(a, headers, body, now);
            return problem == null ? Answer.bytes(200, "application/xml", new byte[0])
                    : Answer.storageError(403, "AccessDenied", problem);
        }
        if (method.equals("GET")) {
            long expiresAt;
            try {
                expiresAt = Long.parseLong(String.valueOf(EmulatorServer.param(query, "X-Amz-Expires-At")));
            } catch (NumberFormatException malformed) {
                return Answer.storageError(403, "AuthorizationQueryParametersError",
                        "X-Amz-Expires-At must be a number of milliseconds since the epoch.");
            }
            if (now.isAfter(Instant.ofEpochMilli(expiresAt))) {
                return Answer.storageError(403, "AccessDenied", "Request has expired");
            }
            byte[] bytes = a.bytes;
            return bytes == null ? Answer.storageError(404, "NoSuchKey", "The specified key does not exist.")
                    : Answer.bytes(200, a.contentType, bytes);
        }
        return Answer.storageError(405, "MethodNotAllowed", "The method is not allowed.");
    }

    /** The page an authentication URL opens: it succeeds at once and sends the browser back. */
    Answer authenticate(Map<String, List<String>> query) {
        ChatRoom room = state.room(EmulatorServer.param(query, "contact"));
        String session = EmulatorServer.param(query, "session");
        if (room == null || session == null || !room.authSession(session, "succeeded")) {
            return Answer.bytes(400, "text/plain", "Unknown or ended authentication session".getBytes(StandardCharsets.UTF_8));
        }
        String redirect = EmulatorServer.param(query, "redirect");
        if (redirect == null) {
            return Answer.bytes(200, "text/plain", "Authenticated".getBytes(StandardCharsets.UTF_8));
        }
        return new Answer(302, Map.of("Location", URLDecoder.decode(redirect, StandardCharsets.UTF_8)), new byte[0]);
    }
}
