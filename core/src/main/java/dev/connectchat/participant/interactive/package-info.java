/**
 * Interactive messages: the list pickers, time pickers, panels, quick replies, carousels and views that a flow
 * or a bot sends (content type {@code application/vnd.amazonaws.connect.message.interactive}), read into typed
 * records by {@link dev.connectchat.participant.interactive.InteractiveMessage#parse}, and the customer's answers
 * built by {@link dev.connectchat.participant.interactive.InteractiveReply}, in the form the official clients send.
 * docs/interactive.md describes the formats.
 */
package dev.connectchat.participant.interactive;
