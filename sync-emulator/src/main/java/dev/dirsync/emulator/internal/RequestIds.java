package dev.dirsync.emulator.internal;

import java.util.UUID;

/** The emulator's id for a request and the client's own ({@code client-request-id}) if it sent one. */
public record RequestIds(String requestId, String clientRequestId) {

    public static RequestIds next(String clientRequestId) {
        String id = UUID.randomUUID().toString();
        return new RequestIds(id, clientRequestId == null || clientRequestId.isBlank() ? id : clientRequestId);
    }
}
