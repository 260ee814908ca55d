package dev.connectchat.participant.interactive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectchat.participant.internal.Json;

import java.io.IOException;
import java.util.List;

/**
 * An interactive message a flow or bot sent, by template: a {@code switch} picks how to show it in a channel.
 * Every one keeps its JSON ({@link #json()}), so what a record does not model is not lost, and a template the
 * service adds later comes as {@link Unknown}.
 */
public sealed interface InteractiveMessage {

    /** @return the template's name, e.g. {@code ListPicker} */
    String templateType();

    /** @return the message's content as it came: a JSON object */
    String json();

    /**
     * @param content the {@code Content} of a message of content type
     *                {@code application/vnd.amazonaws.connect.message.interactive}
     * @return the message, by template
     * @throws IllegalArgumentException when {@code content} is not a JSON object with a {@code templateType}
     */
    static InteractiveMessage parse(String content) {
        JsonNode root;
        try {
            root = content == null ? null : Json.TREE.readTree(content);
        } catch (IOException e) {
            throw new IllegalArgumentException("an interactive message must be JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("templateType").isTextual()) {
            throw new IllegalArgumentException("an interactive message must be a JSON object with a templateType");
        }
        return Templates.read(root, content);
    }

    /**
     * A list of choices, with an image each (the hosted widget shows up to 6 per page).
     *
     * @param title the question
     * @param subtitle a second line, or {@code null}
     * @param imageUrl the list's image, or {@code null}
     * @param choices the choices, paging buttons among them ({@link Choice#isPaging()})
     * @param paging the paging of a long list, or {@code null} when it has one page
     * @param json the content as it came
     */
    record ListPicker(String title, String subtitle, String imageUrl, List<Choice> choices, Paging paging, String json)
            implements InteractiveMessage {
        @Override
        public String templateType() {
            return "ListPicker";
        }
    }

    /**
     * Where a long list picker stands: the reply to a paging button carries these back.
     *
     * @param referenceId the same for every page of one list
     * @param listId the list's id
     * @param preIndex where the previous page starts ({@code -1}: none)
     * @param nextIndex where the next page starts
     */
    record Paging(String referenceId, String listId, int preIndex, int nextIndex) {
    }

    /**
     * A set of time slots to pick one from.
     *
     * @param title the question
     * @param subtitle a second line, or {@code null}
     * @param timeZoneOffsetMinutes the offset to show the slots in, or {@code null}
     * @param locationTitle the place, or {@code null}
     * @param slots the slots
     * @param json the content as it came
     */
    record TimePicker(String title, String subtitle, Integer timeZoneOffsetMinutes, String locationTitle,
                      List<TimeSlot> slots, String json) implements InteractiveMessage {
        @Override
        public String templateType() {
            return "TimePicker";
        }
    }

    /**
     * A card with buttons.
     *
     * @param title the question
     * @param subtitle a second line, or {@code null}
     * @param imageUrl the card's image, or {@code null}
     * @param choices the buttons
     * @param json the content as it came
     */
    record Panel(String title, String subtitle, String imageUrl, List<Choice> choices, String json)
            implements InteractiveMessage {
        @Override
        public String templateType() {
            return "Panel";
        }
    }

    /**
     * A question with a few short answers.
     *
     * @param title the question
     * @param choices the answers
     * @param json the content as it came
     */
    record QuickReply(String title, List<Choice> choices, String json) implements InteractiveMessage {
        @Override
        public String templateType() {
            return "QuickReply";
        }
    }

    /**
     * Cards side by side, each a list picker or a panel.
     *
     * @param title the carousel's title
     * @param cards the cards
     * @param json the content as it came
     */
    record Carousel(String title, List<Card> cards, String json) implements InteractiveMessage {
        @Override
        public String templateType() {
            return "Carousel";
        }
    }

    /**
     * One card of a carousel.
     *
     * @param templateIdentifier the card's id, sent back with a choice made on it
     * @param card the card: a {@link ListPicker} or a {@link Panel}
     */
    record Card(String templateIdentifier, InteractiveMessage card) {
        /** @return the card's title */
        public String title() {
            return card instanceof ListPicker l ? l.title() : card instanceof Panel p ? p.title() : null;
        }
    }

    /**
     * A view (a form or page built in Connect's UI builder) that the flow's Show view block sends; the customer
     * client renders it with DescribeView.
     *
     * @param viewId the view's id
     * @param viewToken the token to describe it with
     * @param json the content as it came
     */
    record ViewResource(String viewId, String viewToken, String json) implements InteractiveMessage {
        @Override
        public String templateType() {
            return "ViewResource";
        }
    }

    /**
     * A template this version does not know.
     *
     * @param templateType its name
     * @param json the content as it came
     */
    record Unknown(String templateType, String json) implements InteractiveMessage {
    }
}
