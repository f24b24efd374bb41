package dev.dirsync.emulator.internal;

import java.util.List;
import java.util.OptionalLong;

/**
 * Answers one Graph call (a plain request or one item of a batch): throttles writes, hands users
 * calls to {@link UsersApi} and groups or contacts calls to their {@link MailObjectsApi}, turns
 * refusals into Graph error responses and counts the outcome.
 */
public final class GraphRouter {
    private final UsersApi users;
    private final List<MailObjectsApi> others;
    private final WriteThrottle throttle;
    private final StatsCounter stats;

    /**
     * @param others the read-only collections besides users (groups, contacts)
     * @param throttle the write throttle, or {@code null} for none
     */
    public GraphRouter(UsersApi users, List<MailObjectsApi> others, WriteThrottle throttle, StatsCounter stats) {
        this.users = users;
        this.others = List.copyOf(others);
        this.throttle = throttle;
        this.stats = stats;
    }

    public GraphResponse route(GraphRequest request) {
        String[] segments = request.segments();
        if (segments.length == 0 || !(segments[0].equals("users") || other(segments[0]) != null)) {
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
            MailObjectsApi other = other(segments[0]);
            return other == null ? users.handle(request, segments) : other.handle(request, segments);
        } catch (GraphError e) {
            return GraphResponse.error(e, request.ids());
        }
    }

    private MailObjectsApi other(String segment) {
        return others.stream()
                .filter(api -> api.collection().equals(segment))
                .findFirst()
                .orElse(null);
    }
}
