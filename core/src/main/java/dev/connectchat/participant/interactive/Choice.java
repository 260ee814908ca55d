package dev.connectchat.participant.interactive;

/**
 * One element of a list picker, panel or quick reply.
 *
 * @param title what the customer sees, and what goes back when it is chosen
 * @param subtitle a second line, or {@code null}
 * @param imageUrl an image ({@code imageData} of {@code imageType} URL), or {@code null}
 * @param imageDescription the image's alternative text, or {@code null}
 * @param action {@code SHOW_MORE} or {@code PREVIOUS_OPTIONS} for a paging button ({@code actionDetail}), else {@code null}
 * @param url the link of a {@code hyperlink} element (opened, not sent back), else {@code null}
 */
public record Choice(String title, String subtitle, String imageUrl, String imageDescription, String action, String url) {
    /** @return whether choosing this element opens a link instead of answering */
    public boolean isLink() {
        return url != null;
    }

    /** @return whether this element pages the list instead of answering */
    public boolean isPaging() {
        return action != null;
    }
}
