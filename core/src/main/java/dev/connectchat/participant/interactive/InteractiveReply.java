package dev.connectchat.participant.interactive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectchat.participant.internal.Json;
import dev.connectchat.participant.model.ContentTypes;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/**
 * A customer's answer to an interactive message, as the official clients send it (SendMessage with this content
 * type and content). An ordinary choice goes back as plain text: the chosen element's title, a time slot's
 * date, or for a carousel card a small JSON string naming the card. Only paging buttons and views answer with
 * {@link ContentTypes#INTERACTIVE_RESPONSE}, which the contact must have allowed in StartChatContact's
 * {@code SupportedMessagingContentTypes}.
 *
 * @param contentType the content type to send
 * @param content the content to send
 */
public record InteractiveReply(String contentType, String content) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * @param message a list picker, panel or quick reply
     * @param choice one of its choices, neither a paging button nor a link
     * @return the reply: the choice's title, as plain text
     */
    public static InteractiveReply choose(InteractiveMessage message, Choice choice) {
        java.util.List<Choice> choices = message instanceof InteractiveMessage.ListPicker l ? l.choices()
                : message instanceof InteractiveMessage.Panel p ? p.choices()
                : message instanceof InteractiveMessage.QuickReply q ? q.choices() : null;
        if (choices == null) {
            throw new IllegalArgumentException("choose(message, choice) answers a ListPicker, Panel or QuickReply, not a "
                    + message.templateType());
        }
        checkChoice(choices, choice);
        if (choice.isPaging()) {
            throw new IllegalArgumentException("'" + choice.title() + "' pages the list: answer it with page(list, button)");
        }
        return new InteractiveReply(ContentTypes.TEXT_PLAIN, choice.title());
    }

    /**
     * @param message a time picker
     * @param slot one of its slots
     * @return the reply: the slot's date as the template gave it, as plain text
     */
    public static InteractiveReply choose(InteractiveMessage.TimePicker message, TimeSlot slot) {
        if (!message.slots().contains(slot)) {
            throw new IllegalArgumentException("the slot " + slot.date() + " is not one of the time picker's");
        }
        return new InteractiveReply(ContentTypes.TEXT_PLAIN, slot.date());
    }

    /**
     * @param carousel a carousel
     * @param card one of its cards
     * @param choice one of the card's choices
     * @return the reply: {@code {"templateIdentifier":...,"listTitle":...,"selectionText":...}} as plain text
     */
    public static InteractiveReply choose(InteractiveMessage.Carousel carousel, InteractiveMessage.Card card, Choice choice) {
        if (!carousel.cards().contains(card)) {
            throw new IllegalArgumentException("the card " + card.templateIdentifier() + " is not one of the carousel's");
        }
        choose(card.card(), choice); // checks the choice against the card
        ObjectNode selection = NODES.objectNode().put("templateIdentifier", card.templateIdentifier())
                .put("listTitle", card.title()).put("selectionText", choice.title());
        return new InteractiveReply(ContentTypes.TEXT_PLAIN, write(selection));
    }

    /**
     * @param list a list picker with paging
     * @param button one of its paging buttons ({@code SHOW_MORE} or {@code PREVIOUS_OPTIONS})
     * @return the reply that asks the bot for the next or previous page
     */
    public static InteractiveReply page(InteractiveMessage.ListPicker list, Choice button) {
        checkChoice(list.choices(), button);
        if (!button.isPaging() || list.paging() == null) {
            throw new IllegalArgumentException("'" + button.title() + "' is not a paging button of a paged list");
        }
        InteractiveMessage.Paging paging = list.paging();
        ObjectNode data = NODES.objectNode().put("actionName", button.action()).put("preIndex", paging.preIndex())
                .put("nextIndex", paging.nextIndex()).put("listId", paging.listId()).put("templateType", "ListPicker")
                .put("referenceId", paging.referenceId());
        ObjectNode reply = NODES.objectNode().put("version", "1.0");
        reply.set("data", data);
        reply.put("action", button.action());
        return new InteractiveReply(ContentTypes.INTERACTIVE_RESPONSE, write(reply));
    }

    /**
     * @param view the view the customer acted in
     * @param action the action's name, e.g. {@code Submit}
     * @param data what the view's form holds
     * @return the reply that tells the flow
     */
    public static InteractiveReply viewAction(InteractiveMessage.ViewResource view, String action, Map<String, String> data) {
        Objects.requireNonNull(view, "view");
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("a view action needs a name");
        }
        ObjectNode fields = NODES.objectNode();
        data.forEach(fields::put);
        return viewReply(action, fields);
    }

    /**
     * @param view the view still pending
     * @param text what the customer typed instead of using the view
     * @return the reply, wrapped as the view's free text (a bare text message would not reach the flow)
     */
    public static InteractiveReply freeText(InteractiveMessage.ViewResource view, String text) {
        Objects.requireNonNull(view, "view");
        return viewReply(" ", NODES.objectNode().put("content", Objects.requireNonNull(text, "text")));
    }

    private static InteractiveReply viewReply(String action, ObjectNode data) {
        ObjectNode reply = NODES.objectNode().put("action", action);
        reply.set("data", data);
        reply.put("templateType", "ViewResource").put("version", "1.0");
        return new InteractiveReply(ContentTypes.INTERACTIVE_RESPONSE, write(reply));
    }

    private static void checkChoice(java.util.List<Choice> choices, Choice choice) {
        if (!choices.contains(choice)) {
            throw new IllegalArgumentException("'" + (choice == null ? null : choice.title()) + "' is not one of the choices");
        }
        if (choice.isLink()) {
            throw new IllegalArgumentException("'" + choice.title() + "' is a link: open " + choice.url() + ", it sends nothing");
        }
    }

    private static String write(ObjectNode node) {
        try {
            return Json.WRITER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
