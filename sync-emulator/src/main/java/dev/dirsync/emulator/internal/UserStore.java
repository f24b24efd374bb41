package dev.dirsync.emulator.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The users, in creation order, with the uniqueness rules Graph enforces: userPrincipalName
 * (case-insensitive) and onPremisesImmutableId. Setting mail updates proxyAddresses ({@link
 * MailProxies}). Thread-safe. Every change bumps {@link
 * Snapshot#version()} so the flusher knows whether there is anything to write.
 */
public final class UserStore {
    /** One page of a listing; {@code nextAfter} is present when more users match. */
    public record Page(List<Map<String, Object>> users, OptionalLong nextAfter) {}

    /** The users at one version, in creation order. */
    public record Snapshot(long version, List<Map<String, Object>> users) {}

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<Long, Map<String, Object>> bySequence = new TreeMap<>();
    private final Map<String, Long> sequenceById = new HashMap<>();
    private final Map<String, Long> sequenceByUpn = new HashMap<>();
    private final Map<String, Long> sequenceByImmutableId = new HashMap<>();
    private long nextSequence = 1;
    private long version;

    /** Adds users read from the store file; conflicts among them are errors. */
    public void load(List<Map<String, Object>> users) {
        lock.writeLock().lock();
        try {
            for (Map<String, Object> user : users) {
                String id = (String) user.get(UserSchema.ID);
                if (sequenceById.containsKey(id)) {
                    throw GraphError.conflict(UserSchema.ID);
                }
                checkUnique(user, null);
                insert(user);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Stores a new user under a fresh id and returns it. */
    public Map<String, Object> create(Map<String, Object> properties) {
        Map<String, Object> values = new HashMap<>(properties);
        values.put(UserSchema.ID, UUID.randomUUID().toString());
        MailProxies.follow(values);
        Map<String, Object> user = UserSchema.ordered(values);
        lock.writeLock().lock();
        try {
            checkUnique(user, null);
            insert(user);
            version++;
            return user;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Merges {@code changes} into the user ({@code null} clears) and returns the result. */
    public Map<String, Object> update(String id, Map<String, Object> changes) {
        lock.writeLock().lock();
        try {
            Long sequence = sequenceById.get(id);
            if (sequence == null) {
                throw GraphError.notFound(id);
            }
            Map<String, Object> before = bySequence.get(sequence);
            Map<String, Object> values = new HashMap<>(before);
            changes.forEach((name, value) -> {
                if (value == null) {
                    values.remove(name);
                } else {
                    values.put(name, value);
                }
            });
            if (changes.get(UserSchema.MAIL) != null
                    && !changes.get(UserSchema.MAIL).equals(before.get(UserSchema.MAIL))) {
                MailProxies.follow(values);
            }
            Map<String, Object> after = UserSchema.ordered(values);
            checkUnique(after, sequence);
            unindex(before);
            index(after, sequence);
            bySequence.put(sequence, after);
            version++;
            return after;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void delete(String id) {
        lock.writeLock().lock();
        try {
            Long sequence = sequenceById.remove(id);
            if (sequence == null) {
                throw GraphError.notFound(id);
            }
            unindex(bySequence.remove(sequence));
            version++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** By id, or by userPrincipalName as Graph also allows in {@code /users/{id | userPrincipalName}}. */
    public Optional<Map<String, Object>> find(String idOrUpn) {
        lock.readLock().lock();
        try {
            Long sequence = sequenceById.get(idOrUpn);
            if (sequence == null) {
                sequence = sequenceByUpn.get(idOrUpn.toLowerCase(Locale.ROOT));
            }
            return Optional.ofNullable(sequence == null ? null : bySequence.get(sequence));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Up to {@code limit} users created after position {@code after} that match {@code filter}
     * ({@code null} for all), in creation order.
     */
    public Page page(EqFilter filter, long after, int limit) {
        lock.readLock().lock();
        try {
            List<Map<String, Object>> users = new ArrayList<>();
            Long last = null;
            for (Map.Entry<Long, Map<String, Object>> entry :
                    candidates(filter, after).entrySet()) {
                if (filter != null && !filter.matches(entry.getValue())) {
                    continue;
                }
                if (users.size() == limit) {
                    return new Page(users, OptionalLong.of(last));
                }
                users.add(entry.getValue());
                last = entry.getKey();
            }
            return new Page(users, OptionalLong.empty());
        } finally {
            lock.readLock().unlock();
        }
    }

    public Snapshot snapshot() {
        lock.readLock().lock();
        try {
            return new Snapshot(version, List.copyOf(bySequence.values()));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Users after {@code after}; an indexed filter narrows them to at most one. */
    private Map<Long, Map<String, Object>> candidates(EqFilter filter, long after) {
        Map<String, Long> index = filter == null
                ? null
                : switch (filter.property()) {
                    case UserSchema.USER_PRINCIPAL_NAME -> sequenceByUpn;
                    case UserSchema.IMMUTABLE_ID -> sequenceByImmutableId;
                    default -> null;
                };
        if (index == null) {
            return bySequence.tailMap(after, false);
        }
        Long sequence = index.get(filter.key());
        return sequence == null || sequence <= after ? Map.of() : Map.of(sequence, bySequence.get(sequence));
    }

    /** Refuses {@code user} if another user (not the one at {@code self}) holds its unique values. */
    private void checkUnique(Map<String, Object> user, Long self) {
        Long upnHolder = sequenceByUpn.get(upnKey(user));
        if (upnHolder != null && !upnHolder.equals(self)) {
            throw GraphError.conflict(UserSchema.USER_PRINCIPAL_NAME);
        }
        Object immutableId = user.get(UserSchema.IMMUTABLE_ID);
        Long anchorHolder = immutableId == null ? null : sequenceByImmutableId.get(immutableId);
        if (anchorHolder != null && !anchorHolder.equals(self)) {
            throw GraphError.conflict(UserSchema.IMMUTABLE_ID);
        }
    }

    private void insert(Map<String, Object> user) {
        long sequence = nextSequence++;
        bySequence.put(sequence, user);
        sequenceById.put((String) user.get(UserSchema.ID), sequence);
        index(user, sequence);
    }

    private void index(Map<String, Object> user, long sequence) {
        String upn = upnKey(user);
        if (upn != null) {
            sequenceByUpn.put(upn, sequence);
        }
        Object immutableId = user.get(UserSchema.IMMUTABLE_ID);
        if (immutableId != null) {
            sequenceByImmutableId.put((String) immutableId, sequence);
        }
    }

    private void unindex(Map<String, Object> user) {
        String upn = upnKey(user);
        if (upn != null) {
            sequenceByUpn.remove(upn);
        }
        Object immutableId = user.get(UserSchema.IMMUTABLE_ID);
        if (immutableId != null) {
            sequenceByImmutableId.remove(immutableId);
        }
    }

    private static String upnKey(Map<String, Object> user) {
        Object upn = user.get(UserSchema.USER_PRINCIPAL_NAME);
        return upn == null ? null : ((String) upn).toLowerCase(Locale.ROOT);
    }
}
