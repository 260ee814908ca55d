package dev.connectchat.participant.interactive;

/**
 * One slot of a time picker.
 *
 * @param date the start as the template gives it (ISO 8601 with an offset, e.g. {@code 2026-03-02T14:30+00:00}),
 *             which is also what goes back when it is chosen
 * @param durationMinutes its length in minutes, or {@code null}
 */
public record TimeSlot(String date, Integer durationMinutes) {
}
