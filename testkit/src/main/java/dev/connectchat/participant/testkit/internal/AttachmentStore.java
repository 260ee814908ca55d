package dev.connectchat.participant.testkit.internal;

import dev.connectchat.participant.model.ArtifactStatus;
import dev.connectchat.participant.model.AttachmentItem;
import dev.connectchat.participant.model.ChatItemType;
import dev.connectchat.participant.model.Item;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The attachments of one chat, as the service and its storage behave: StartAttachmentUpload reserves an id
 * and a signed upload URL; the PUT must carry the signed headers and exactly the declared size; completing
 * scans the file (APPROVED, or REJECTED for the configured types) and posts an ATTACHMENT item.
 */
final class AttachmentStore {
    /** The content types the service accepts for attachments. */
    static final Set<String> ACCEPTED_TYPES = Set.of(
            "text/csv", "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "image/heic", "image/jpeg",
            "video/quicktime", "video/mp4", "application/pdf", "image/png", "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", "application/rtf",
            "text/plain", "audio/wav", "audio/x-wav", "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/json",
            "image/gif", "text/markdown");

    /** One attachment. */
    static final class Attachment {
        final String id;
        final String name;
        final String contentType;
        final long size;
        final Participant owner;
        final String signature = ItemIds.token("", 24);
        volatile Instant uploadExpiry;
        volatile byte[] bytes;
        volatile ArtifactStatus status;

        Attachment(String id, String name, String contentType, long size, Participant owner) {
            this.id = id;
            this.name = name;
            this.contentType = contentType;
            this.size = size;
            this.owner = owner;
        }

        Map<String, String> headersToInclude() {
            return Map.of("Content-Type", contentType, "x-amz-meta-attachment-id", id);
        }
    }

    private final ChatRoom room;
    private final Map<String, Attachment> byId = new ConcurrentHashMap<>();

    AttachmentStore(ChatRoom room) {
        this.room = room;
    }

    synchronized Attachment start(Participant owner, String name, String contentType, long size, Instant urlExpiry) {
        if (!ACCEPTED_TYPES.contains(contentType)) {
            throw ServiceError.validation("Attachment content type " + contentType + " is not supported");
        }
        if (size > room.state.settings.maxAttachmentSize()) {
            throw ServiceError.quota("The attachment is larger than " + room.state.settings.maxAttachmentSize()
                    + " bytes");
        }
        if (byId.size() >= room.state.settings.maxAttachmentsPerChat()) {
            throw ServiceError.quota("The chat has " + byId.size() + " attachments already");
        }
        Attachment a = new Attachment(ItemIds.uuid(), name, contentType, size, owner);
        a.uploadExpiry = urlExpiry;
        byId.put(a.id, a);
        return a;
    }

    Attachment get(String id) {
        return byId.get(id);
    }

    /** The storage's PUT: checked as a signed S3 URL would check it. */
    String upload(Attachment a, Map<String, String> headers, byte[] body, Instant now) {
        if (now.isAfter(a.uploadExpiry)) {
            return "Request has expired";
        }
        for (Map.Entry<String, String> h : a.headersToInclude().entrySet()) {
            if (!h.getValue().equals(headers.get(h.getKey().toLowerCase(java.util.Locale.ROOT)))) {
                return "The request signature we calculated does not match: header " + h.getKey();
            }
        }
        if (body.length != a.size) {
            return "The upload has " + body.length + " bytes, " + a.size + " were declared";
        }
        if (a.status != null) {
            return "The attachment was completed already";
        }
        a.bytes = body;
        return null;
    }

    /** An attachment that arrives whole, as an agent's does. */
    synchronized Item post(Participant who, String name, String contentType, byte[] bytes) {
        Attachment a = new Attachment(ItemIds.uuid(), name, contentType, bytes.length, who);
        a.uploadExpiry = room.state.now();
        a.bytes = bytes.clone();
        byId.put(a.id, a);
        return complete(who, a.id);
    }

    synchronized Item complete(Participant who, String id) {
        Attachment a = byId.get(id);
        if (a == null || a.owner != who) {
            throw ServiceError.validation("Unknown attachment " + id);
        }
        if (a.status != null) {
            throw ServiceError.conflict("The attachment was completed already");
        }
        if (a.bytes == null) {
            throw ServiceError.conflict("The attachment was not uploaded");
        }
        a.status = room.state.settings.rejectedAttachmentTypes().contains(a.contentType)
                ? ArtifactStatus.REJECTED : ArtifactStatus.APPROVED;
        if (a.status.equals(ArtifactStatus.REJECTED)) {
            a.bytes = null;
        }
        return room.add(Item.builder().type(ChatItemType.ATTACHMENT)
                .participantId(who.id).displayName(who.displayName).participantRole(who.role)
                .attachments(AttachmentItem.builder().contentType(a.contentType).attachmentId(a.id)
                        .attachmentName(a.name).status(a.status).build()), true);
    }
}
