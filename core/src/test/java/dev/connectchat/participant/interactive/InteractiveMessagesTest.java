package dev.connectchat.participant.interactive;

import dev.connectchat.participant.model.ContentTypes;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each template read into its record, and each answer in the exact form the official clients send (docs/
 * interactive.md). The fixtures are our own: a pizzeria, not the samples of any other project.
 */
class InteractiveMessagesTest {
    static final String LIST = "{\"templateType\":\"ListPicker\",\"version\":\"1.0\",\"data\":{\"content\":{"
            + "\"title\":\"Which pizza?\",\"subtitle\":\"Tap one\",\"imageType\":\"URL\",\"imageData\":\"https://example.com/p.jpg\","
            + "\"referenceId\":\"ref-7\",\"listId\":\"pizzas\",\"preIndex\":0,\"nextIndex\":4,\"elements\":["
            + "{\"title\":\"Margherita\",\"subtitle\":\"9 EUR\"},{\"title\":\"Funghi\"},"
            + "{\"title\":\"More\",\"actionDetail\":\"SHOW_MORE\"},{\"title\":\"Menu\",\"type\":\"hyperlink\",\"url\":\"https://example.com/menu\"}]}}}";

    @Test
    void aListPickerWithPagingAndALink() {
        InteractiveMessage.ListPicker list = (InteractiveMessage.ListPicker) InteractiveMessage.parse(LIST);
        assertThat(list.title()).isEqualTo("Which pizza?");
        assertThat(list.imageUrl()).isEqualTo("https://example.com/p.jpg");
        assertThat(list.choices()).extracting(Choice::title).containsExactly("Margherita", "Funghi", "More", "Menu");
        assertThat(list.paging()).isEqualTo(new InteractiveMessage.Paging("ref-7", "pizzas", 0, 4));
        assertThat(list.json()).isEqualTo(LIST);

        assertThat(InteractiveReply.choose(list, list.choices().get(0)))
                .isEqualTo(new InteractiveReply(ContentTypes.TEXT_PLAIN, "Margherita"));
        assertThat(InteractiveReply.page(list, list.choices().get(2)).content()).isEqualTo("{\"version\":\"1.0\",\"data\":"
                + "{\"actionName\":\"SHOW_MORE\",\"preIndex\":0,\"nextIndex\":4,\"listId\":\"pizzas\",\"templateType\":"
                + "\"ListPicker\",\"referenceId\":\"ref-7\"},\"action\":\"SHOW_MORE\"}");
        assertThat(InteractiveReply.page(list, list.choices().get(2)).contentType()).isEqualTo(ContentTypes.INTERACTIVE_RESPONSE);
        assertThatThrownBy(() -> InteractiveReply.choose(list, list.choices().get(3))).hasMessageContaining("is a link");
        assertThatThrownBy(() -> InteractiveReply.choose(list, list.choices().get(2))).hasMessageContaining("page(list, button)");
        assertThatThrownBy(() -> InteractiveReply.choose(list, new Choice("Hawaii", null, null, null, null, null)))
                .hasMessageContaining("not one of the choices");
    }

    @Test
    void aTimePickerAnswersWithTheSlotsDate() {
        InteractiveMessage.TimePicker picker = (InteractiveMessage.TimePicker) InteractiveMessage.parse(
                "{\"templateType\":\"TimePicker\",\"version\":\"1.0\",\"data\":{\"content\":{\"title\":\"Delivery time?\","
                        + "\"timeZoneOffset\":-120,\"location\":{\"title\":\"Pizzeria\",\"latitude\":1,\"longitude\":2},"
                        + "\"timeslots\":[{\"date\":\"2026-12-01T18:00+01:00\",\"duration\":15},{\"date\":\"2026-12-01T18:30+01:00\"}]}}}");
        assertThat(picker.timeZoneOffsetMinutes()).isEqualTo(-120);
        assertThat(picker.locationTitle()).isEqualTo("Pizzeria");
        assertThat(picker.slots()).containsExactly(new TimeSlot("2026-12-01T18:00+01:00", 15), new TimeSlot("2026-12-01T18:30+01:00", null));
        assertThat(InteractiveReply.choose(picker, picker.slots().get(1)))
                .isEqualTo(new InteractiveReply(ContentTypes.TEXT_PLAIN, "2026-12-01T18:30+01:00"));
    }

    @Test
    void panelsQuickRepliesAndCarousels() {
        InteractiveMessage.QuickReply quick = (InteractiveMessage.QuickReply) InteractiveMessage.parse(
                "{\"templateType\":\"QuickReply\",\"version\":\"1.0\",\"data\":{\"content\":{\"title\":\"Hungry?\","
                        + "\"elements\":[{\"title\":\"Very\"},{\"title\":\"A bit\"}]}}}");
        assertThat(InteractiveReply.choose(quick, quick.choices().get(1)).content()).isEqualTo("A bit");

        InteractiveMessage.Carousel carousel = (InteractiveMessage.Carousel) InteractiveMessage.parse(
                "{\"templateType\":\"Carousel\",\"version\":\"1.0\",\"data\":{\"content\":{\"title\":\"Specials\",\"elements\":["
                        + "{\"templateIdentifier\":\"card-1\",\"templateType\":\"ListPicker\",\"version\":\"1.0\",\"data\":{\"content\":"
                        + "{\"title\":\"Calzone\",\"elements\":[{\"title\":\"Small\"},{\"title\":\"Large\"}]}}},"
                        + "{\"templateIdentifier\":\"card-2\",\"templateType\":\"Panel\",\"version\":\"1.0\",\"data\":{\"content\":"
                        + "{\"title\":\"Dessert\",\"elements\":[{\"title\":\"Tiramisu\"}]}}}]}}}");
        assertThat(carousel.cards()).extracting(InteractiveMessage.Card::title).containsExactly("Calzone", "Dessert");
        assertThat(carousel.cards().get(1).card()).isInstanceOf(InteractiveMessage.Panel.class);
        InteractiveMessage.Card calzone = carousel.cards().get(0);
        Choice large = ((InteractiveMessage.ListPicker) calzone.card()).choices().get(1);
        InteractiveReply reply = InteractiveReply.choose(carousel, calzone, large);
        assertThat(reply.contentType()).isEqualTo(ContentTypes.TEXT_PLAIN);
        assertThat(reply.content()).isEqualTo("{\"templateIdentifier\":\"card-1\",\"listTitle\":\"Calzone\",\"selectionText\":\"Large\"}");
    }

    @Test
    void viewsAnswerWithActionsAndWrappedFreeText() {
        InteractiveMessage.ViewResource view = (InteractiveMessage.ViewResource) InteractiveMessage.parse(
                "{\"templateType\":\"ViewResource\",\"version\":\"1.0\",\"data\":{\"content\":{\"viewId\":\"order-form\","
                        + "\"viewToken\":\"vt-1\",\"viewData\":{}}}}");
        assertThat(view.viewToken()).isEqualTo("vt-1");
        assertThat(InteractiveReply.viewAction(view, "Submit", Map.of("size", "large")).content())
                .isEqualTo("{\"action\":\"Submit\",\"data\":{\"size\":\"large\"},\"templateType\":\"ViewResource\",\"version\":\"1.0\"}");
        InteractiveReply free = InteractiveReply.freeText(view, "Can I pay \"cash\"?");
        assertThat(free.contentType()).isEqualTo(ContentTypes.INTERACTIVE_RESPONSE);
        assertThat(free.content()).isEqualTo("{\"action\":\" \",\"data\":{\"content\":\"Can I pay \\\"cash\\\"?\"},"
                + "\"templateType\":\"ViewResource\",\"version\":\"1.0\"}");
    }

    @Test
    void unknownTemplatesAreKeptAndNonTemplatesRefused() {
        InteractiveMessage later = InteractiveMessage.parse("{\"templateType\":\"Survey\",\"version\":\"2.0\",\"data\":{}}");
        assertThat(later).isInstanceOf(InteractiveMessage.Unknown.class);
        assertThat(later.templateType()).isEqualTo("Survey");
        assertThat(later.json()).contains("Survey");
        assertThatThrownBy(() -> InteractiveMessage.parse("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InteractiveMessage.parse("{\"data\":{}}")).hasMessageContaining("templateType");
    }
}
