package dev.connectchat.participant.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The service model's input constraints, read from the published model file itself (a copy in this jar),
 * by code that knows the model's format and nothing of the client: required members, string lengths,
 * numeric ranges, list sizes, enum values and patterns, through nested structures and list entries.
 * The emulator judges the client with it, so it must not share the client's own checks.
 */
final class ServiceModel {
    static final ServiceModel PARTICIPANT = load("/dev/connectchat/participant/testkit/model/connectparticipant-2018-09-07.json");

    private final JsonNode operations;
    private final JsonNode shapes;
    private final Map<String, Pattern> patterns = new java.util.concurrent.ConcurrentHashMap<>();

    private ServiceModel(JsonNode model) {
        this.operations = model.get("operations");
        this.shapes = model.get("shapes");
    }

    private static ServiceModel load(String resource) {
        try (InputStream in = ServiceModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("service model missing from the class path: " + resource);
            }
            return new ServiceModel(EmulatorJson.tree(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The input of one call as the service sees it: the JSON body's members, with the members the model binds
     * to a header or to the path taken from there instead (a body member of that name is ignored).
     *
     * @param operation e.g. {@code SendMessage}
     * @param body the JSON body, an object
     * @param bound values of header- and path-bound members by their location name, e.g. {@code X-Amz-Bearer}
     * @return the input, to {@link #check}
     */
    ObjectNode input(String operation, ObjectNode body, Map<String, String> bound) {
        ObjectNode input = body.deepCopy();
        JsonNode members = shape(inputShape(operation)).get("members");
        for (Iterator<Map.Entry<String, JsonNode>> it = members.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            JsonNode location = member.getValue().get("location");
            if (location != null) {
                input.remove(member.getKey());
                String value = bound.get(member.getValue().path("locationName").asText(member.getKey()));
                if (value != null && !value.isEmpty()) {
                    input.put(member.getKey(), value);
                }
            }
        }
        return input;
    }

    /**
     * @param operation e.g. {@code SendMessage}
     * @param input from {@link #input}
     * @return each broken constraint, in the service's words ({@code Value at 'Content' failed to satisfy
     *         constraint: Member must ...}); empty when the input is valid
     */
    List<String> check(String operation, JsonNode input) {
        List<String> errors = new ArrayList<>();
        value(inputShape(operation), input, "", errors);
        return errors;
    }

    private String inputShape(String operation) {
        JsonNode op = operations.get(operation);
        if (op == null) {
            throw new IllegalArgumentException("no operation " + operation + " in the model");
        }
        return op.get("input").get("shape").asText();
    }

    private JsonNode shape(String name) {
        return shapes.get(name);
    }

    private void value(String shapeName, JsonNode value, String path, List<String> errors) {
        JsonNode shape = shape(shapeName);
        String type = shape.get("type").asText();
        switch (type) {
            case "structure" -> structure(shape, value, path, errors);
            case "list" -> list(shape, value, path, errors);
            case "string" -> string(shape, value, path, errors);
            case "integer", "long" -> number(shape, value, path, errors);
            case "boolean" -> {
                if (!value.isBoolean()) {
                    errors.add(failed(path, "Member must be a boolean"));
                }
            }
            case "timestamp" -> {
                if (!value.isTextual() && !value.isNumber()) {
                    errors.add(failed(path, "Member must be a timestamp"));
                }
            }
            default -> {
                // blobs, maps and documents are not in this service's inputs
            }
        }
    }

    private void structure(JsonNode shape, JsonNode value, String path, List<String> errors) {
        if (!value.isObject()) {
            errors.add(failed(path, "Member must be a structure"));
            return;
        }
        for (JsonNode required : shape.path("required")) {
            JsonNode member = value.get(required.asText());
            if (member == null || member.isNull()) {
                errors.add("Value null at '" + join(path, required.asText()) + "' failed to satisfy constraint: "
                        + "Member must not be null");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = shape.get("members").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            JsonNode v = value.get(member.getKey());
            if (v != null && !v.isNull()) {
                value(member.getValue().get("shape").asText(), v, join(path, member.getKey()), errors);
            }
        }
    }

    private void list(JsonNode shape, JsonNode value, String path, List<String> errors) {
        if (!value.isArray()) {
            errors.add(failed(path, "Member must be a list"));
            return;
        }
        long size = value.size();
        bounds(shape, size, "length", path, errors);
        String member = shape.get("member").get("shape").asText();
        for (int i = 0; i < value.size(); i++) {
            JsonNode entry = value.get(i);
            String at = path + "." + (i + 1) + ".member";
            if (entry.isNull()) {
                errors.add("Value null at '" + at + "' failed to satisfy constraint: Member must not be null");
            } else {
                value(member, entry, at, errors);
            }
        }
    }

    private void string(JsonNode shape, JsonNode value, String path, List<String> errors) {
        if (!value.isTextual()) {
            errors.add(failed(path, "Member must be a string"));
            return;
        }
        String text = value.asText();
        long length = text.codePointCount(0, text.length());
        bounds(shape, length, "length", path, errors);
        if (shape.has("enum")) {
            List<String> allowed = new ArrayList<>();
            shape.get("enum").forEach(e -> allowed.add(e.asText()));
            if (!allowed.contains(text)) {
                errors.add(failed(path, "Member must satisfy enum value set: " + allowed));
            }
        }
        if (shape.has("pattern")) {
            String regex = shape.get("pattern").asText();
            if (!patterns.computeIfAbsent(regex, Pattern::compile).matcher(text).matches()) {
                errors.add(failed(path, "Member must satisfy regular expression pattern: " + regex));
            }
        }
    }

    private void number(JsonNode shape, JsonNode value, String path, List<String> errors) {
        if (!value.isIntegralNumber()) {
            errors.add(failed(path, "Member must be a whole number"));
            return;
        }
        long n = value.asLong();
        bounds(shape, n, "value", path, errors);
    }

    /** The model's {@code min} and {@code max} traits on a size, a length or a value ({@code what}). */
    private static void bounds(JsonNode shape, long actual, String what, String path, List<String> errors) {
        if (shape.has("min") && actual < shape.get("min").asLong()) {
            errors.add(failed(path, "Member must have " + what + " greater than or equal to " + shape.get("min").asLong()));
        }
        if (shape.has("max") && actual > shape.get("max").asLong()) {
            errors.add(failed(path, "Member must have " + what + " less than or equal to " + shape.get("max").asLong()));
        }
    }

    private static String failed(String path, String rule) {
        return "Value at '" + path + "' failed to satisfy constraint: " + rule;
    }

    private static String join(String path, String member) {
        return path.isEmpty() ? member : path + "." + member;
    }
}
