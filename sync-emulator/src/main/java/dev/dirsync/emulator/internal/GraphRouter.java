package dev.dirsync.emulator.internal;

import java.util.OptionalLong;

/**
 * Answers one Graph call (a plain request or one item of a batch): throttles writes, hands users
 * calls to {@link UsersApi}, turns refusals into Graph error responses and counts the outcome.
 */
public final class GraphRouter {
    private final UsersApi users;
    private final WriteThrottle throttle;
    private final StatsCounter stats;

    /** @param throttle the write throttle, or {@code null} for none */
    public GraphRouter(UsersApi users, WriteThrottle throttle, StatsCounter stats) {
        this.users = users;
        this.throttle = throttle;
        this.stats = stats;
    }

    public GraphResponse route(GraphRequest request) {
        String[] segments = request.segments();
        if (segments.length == 0 || !segments[0].equals("users")) {
            String segment = segments.length == 0 ? "" : segments[0];
            return GraphResponse.error(
                    GraphError.badRequest("Resource not found for the segment '" + segment + "'."), request.ids());
        }
        GraphResponse response = answer(request, segments);
        stats.answered(request.method(), response.status());
        return response;
    }

    private GraphResponse answer(GraphRequest request, String[] segments) {
        if (throttle != null && request.isWrite()) {
            OptionalLong retryAfter = throttle.tryAcquire();
            if (retryAfter.isPresent()) {
                return GraphResponse.throttled(retryAfter.getAsLong(), throttle.writesPerSecond(), request.ids());
            }
        }
        try {
            return users.handle(request, segments);
        } catch (GraphError e) {
            return GraphResponse.error(e, request.ids());
        }
    }
}
