package dev.dirsync.emulator.internal;

import java.util.List;

/**
 * The query options of a users request.
 *
 * @param select the properties to return, {@code id} first; {@link UserSchema#DEFAULT_SELECT} when
 *     the request named none
 * @param explicitSelect whether the request carried {@code $select} (next links repeat it)
 * @param top the page size the client asked for, or {@code null}
 * @param filter the filter, or {@code null}
 * @param skipToken the opaque continuation token, or {@code null} for the first page
 */
public record UserQuery(List<String> select, boolean explicitSelect, Integer top, EqFilter filter, String skipToken) {

    public UserQuery {
        select = List.copyOf(select);
    }
}
