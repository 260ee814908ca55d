package dev.connectchat.participant.interactive;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Reads each template's {@code data.content} into its record. */
final class Templates {
    private Templates() {
    }

    static InteractiveMessage read(JsonNode root, String json) {
        JsonNode c = root.path("data").path("content");
        String type = root.get("templateType").asText();
        return switch (type) {
            case "ListPicker" -> new InteractiveMessage.ListPicker(text(c, "title"), text(c, "subtitle"), image(c),
                    choices(c), paging(c), json);
            case "Panel" -> new InteractiveMessage.Panel(text(c, "title"), text(c, "subtitle"), image(c), choices(c), json);
            case "QuickReply" -> new InteractiveMessage.QuickReply(text(c, "title"), choices(c), json);
            case "TimePicker" -> new InteractiveMessage.TimePicker(text(c, "title"), text(c, "subtitle"),
                    c.hasNonNull("timeZoneOffset") ? c.get("timeZoneOffset").asInt() : null,
                    text(c.path("location"), "title"), slots(c), json);
            case "Carousel" -> new InteractiveMessage.Carousel(text(c, "title"), cards(c), json);
            case "ViewResource" -> new InteractiveMessage.ViewResource(text(c, "viewId"), text(c, "viewToken"), json);
            default -> new InteractiveMessage.Unknown(type, json);
        };
    }

    private static List<Choice> choices(JsonNode content) {
        List<Choice> choices = new ArrayList<>();
        for (JsonNode e : content.path("elements")) {
            choices.add(new Choice(text(e, "title"), text(e, "subtitle"), image(e), text(e, "imageDescription"),
                    text(e, "actionDetail"), "hyperlink".equals(text(e, "type")) ? text(e, "url") : null));
        }
        return List.copyOf(choices);
    }

    private static InteractiveMessage.Paging paging(JsonNode content) {
        if (!content.hasNonNull("referenceId")) {
            return null;
        }
        return new InteractiveMessage.Paging(text(content, "referenceId"), text(content, "listId"),
                content.path("preIndex").asInt(-1), content.path("nextIndex").asInt(-1));
    }

    private static List<TimeSlot> slots(JsonNode content) {
        List<TimeSlot> slots = new ArrayList<>();
        for (JsonNode s : content.path("timeslots")) {
            slots.add(new TimeSlot(text(s, "date"), s.hasNonNull("duration") ? s.get("duration").asInt() : null));
        }
        return List.copyOf(slots);
    }

    private static List<InteractiveMessage.Card> cards(JsonNode content) {
        List<InteractiveMessage.Card> cards = new ArrayList<>();
        for (JsonNode card : content.path("elements")) {
            InteractiveMessage inner = card.path("templateType").isTextual() ? read(card, card.toString())
                    : new InteractiveMessage.Unknown("", card.toString());
            cards.add(new InteractiveMessage.Card(text(card, "templateIdentifier"), inner));
        }
        return List.copyOf(cards);
    }

    private static String image(JsonNode node) {
        return "URL".equals(text(node, "imageType")) ? text(node, "imageData") : null;
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }
}
