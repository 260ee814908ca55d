package dev.connectchat.participant.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectchat.participant.testkit.EmulatedChat;

import java.io.IOException;
import java.net.URI;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP control API under {@code /_emulator}, for an emulator in another process or a container, where the
 * in-process API cannot be reached. One table of routes serves requests, lists itself at {@code GET /_emulator}
 * and checks bodies strictly: an unknown member, a member of the wrong type or a missing required one is a 400
 * naming it, a known path with another method a 405. The README's table restates this one.
 */
final class ControlApi {
    /** A body member: its name, JSON type ({@code string}, {@code integer}, {@code boolean}) and whether required. */
    record Member(String name, String type, boolean required) {
    }

    /** One route: {@code {contactId}} in the path matches a contact id; its pattern is compiled once. */
    record Route(String method, String path, List<Member> body, String does, BiFunction<String, JsonNode, Answer> handler,
                 Pattern pattern) {
        Route(String method, String path, List<Member> body, String does, BiFunction<String, JsonNode, Answer> handler) {
            this(method, path, body, does, handler, Pattern.compile(path.replace("{contactId}", "([^/]+)")));
        }
    }

    private final EmulatorState state;
    private final List<Route> routes;

    /** @param advertise sets where clients reach the emulator, and answers the address now advertised */
    ControlApi(EmulatorState state, Function<URI, String> advertise) {
        this.state = state;
        Answer console = Console.page(); // read from the jar now, never on an event loop
        this.routes = List.of(
                new Route("GET", "/_emulator", List.of(), "lists these routes", (id, b) -> Answer.json(list())),
                new Route("GET", "/_emulator/console", List.of(), "a web page to play the agent and the faults",
                        (id, b) -> console),
                new Route("PUT", "/_emulator/endpoint", List.of(new Member("Endpoint", "string", true)),
                        "sets the address the URLs it hands out are built from (a container's mapped address)",
                        (id, b) -> endpoint(advertise, b.get("Endpoint").asText())),
                new Route("POST", "/_emulator/chats", List.of(new Member("DisplayName", "string", false)),
                        "starts a chat; answers ContactId, ParticipantId and ParticipantToken", (id, b) -> start(b)),
                new Route("GET", "/_emulator/chats", List.of(),
                        "the chats: ContactId, Ended, OpenWebSockets, Items and Participants (id, name, role, joined, left)",
                        (id, b) -> Answer.json(Console.chats(state.rooms()))),
                new Route("GET", "/_emulator/chats/{contactId}/transcript", List.of(), "the chat's transcript",
                        (id, b) -> Answer.json(Map.of("Transcript", room(id).transcript()))),
                new Route("POST", "/_emulator/chats/{contactId}/agent/message", List.of(new Member("Content", "string", true),
                        new Member("ContentType", "string", false)), "the agent sends a message (text/plain unless told)",
                        (id, b) -> Answer.json(room(id).agent().sendMessage(b.path("ContentType").asText("text/plain"),
                                b.get("Content").asText()))),
                new Route("POST", "/_emulator/chats/{contactId}/agent/attachment", List.of(
                        new Member("Name", "string", true), new Member("ContentType", "string", true),
                        new Member("Data", "string", true)), "the agent sends an attachment (Data in base64)",
                        (id, b) -> Answer.json(room(id).agent().sendAttachment(b.get("Name").asText(),
                                b.get("ContentType").asText(), Console.base64(b.get("Data").asText())))),
                new Route("POST", "/_emulator/chats/{contactId}/agent/join", List.of(), "an agent joins",
                        (id, b) -> Answer.json(room(id).agent().join())),
                new Route("POST", "/_emulator/chats/{contactId}/agent/leave", List.of(), "the agent leaves",
                        (id, b) -> Answer.json(room(id).agent().leave())),
                new Route("POST", "/_emulator/chats/{contactId}/agent/typing", List.of(), "the agent types",
                        (id, b) -> Answer.json(room(id).agent().sendEvent(ChatRoom.EVENT + "typing"))),
                new Route("POST", "/_emulator/chats/{contactId}/transfer", List.of(new Member("Succeeded", "boolean", false)),
                        "a transfer succeeds (or fails)", (id, b) -> Answer.json(room(id).transfer(b.path("Succeeded").asBoolean(true)))),
                new Route("POST", "/_emulator/chats/{contactId}/end", List.of(), "the chat ends",
                        (id, b) -> Answer.json(room(id).end())),
                fault("drop-websockets", "drops every socket abruptly", List.of(), b -> state.faults().dropWebSockets()),
                fault("close-websockets", "closes every socket cleanly", List.of(), b -> state.faults().closeWebSockets()),
                fault("throttle", "answers the next Count requests with 429", List.of(new Member("Count", "integer", false)),
                        b -> state.faults().throttleNext(b.path("Count").asInt(1))),
                fault("fail", "answers the next Count requests with Status", List.of(new Member("Count", "integer", false),
                        new Member("Status", "integer", false)),
                        b -> state.faults().failNext(b.path("Count").asInt(1), b.path("Status").asInt(500))),
                fault("expire-tokens", "expires every connection token", List.of(), b -> state.faults().expireConnectionTokens()),
                fault("expire-urls", "expires every socket URL", List.of(), b -> state.faults().expireWebSocketUrls()),
                fault("clear", "clears every fault", List.of(), b -> state.faults().clear()));
    }

    private Route fault(String name, String does, List<Member> body, java.util.function.Consumer<JsonNode> apply) {
        return new Route("POST", "/_emulator/faults/" + name, body, does, (id, b) -> {
            apply.accept(b);
            return Answer.json(Map.of());
        });
    }

    Answer handle(String method, String path, byte[] body) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(trimmed);
            if (!m.matches()) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(method)) {
                return route.handler().apply(m.groupCount() > 0 ? m.group(1) : null, checked(route, body));
            }
        }
        if (pathKnown) {
            throw new ServiceError(405, "MethodNotAllowedException", method + " is not allowed on " + path
                    + " (GET /_emulator lists the routes)");
        }
        throw ServiceError.notFound("No control at " + method + " " + path + " (GET /_emulator lists the routes)");
    }

    private static JsonNode checked(Route route, byte[] body) {
        JsonNode json;
        try {
            json = body.length == 0 ? EmulatorJson.object() : EmulatorJson.tree(body);
        } catch (IOException e) {
            throw ServiceError.validation("The body is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw ServiceError.validation("The body must be a JSON object");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (route.body().stream().noneMatch(m -> m.name().equals(name))) {
                throw ServiceError.validation(name + " is not a member of " + route.method() + " " + route.path()
                        + (route.body().isEmpty() ? ", which takes no body" : "; it takes "
                        + route.body().stream().map(Member::name).toList()));
            }
        }
        for (Member m : route.body()) {
            JsonNode value = json.get(m.name());
            if (value == null || value.isNull()) {
                if (m.required()) {
                    throw ServiceError.validation(m.name() + " is required");
                }
            } else if (!(m.type().equals("string") ? value.isTextual() : m.type().equals("integer")
                    ? value.isIntegralNumber() : value.isBoolean())) {
                throw ServiceError.validation(m.name() + " must be a JSON " + m.type());
            }
        }
        return json;
    }

    private Answer start(JsonNode body) {
        EmulatedChat chat;
        try {
            chat = state.startChat(body.path("DisplayName").asText("Customer"));
        } catch (IllegalStateException full) {
            throw ServiceError.quota(full.getMessage());
        }
        return Answer.json(Map.of("ContactId", chat.contactId(), "ParticipantId", chat.customerParticipantId(),
                "ParticipantToken", chat.participantToken()));
    }

    private static Answer endpoint(Function<URI, String> advertise, String address) {
        try {
            return Answer.json(Map.of("Endpoint", advertise.apply(URI.create(address))));
        } catch (IllegalArgumentException e) {
            throw ServiceError.validation("Endpoint must be an absolute http(s) URI without a path: " + e.getMessage());
        }
    }

    private ChatRoom room(String contactId) {
        ChatRoom room = state.room(contactId);
        if (room == null) {
            throw ServiceError.notFound("No chat " + contactId);
        }
        return room;
    }

    private ObjectNode list() {
        ObjectNode answer = EmulatorJson.object();
        ArrayNode list = answer.putArray("Routes");
        for (Route r : routes) {
            ObjectNode route = list.addObject().put("Method", r.method()).put("Path", r.path()).put("Does", r.does());
            ArrayNode body = route.putArray("Body");
            r.body().forEach(m -> body.addObject().put("Name", m.name()).put("Type", m.type()).put("Required", m.required()));
        }
        return answer;
    }
}
