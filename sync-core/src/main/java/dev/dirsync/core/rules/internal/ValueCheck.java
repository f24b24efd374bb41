package dev.dirsync.core.rules.internal;

import dev.dirsync.core.rules.ErrorClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One value on its way through the rules of its attribute: each failing rule adds its class (once,
 * in the order the rules ran) and may replace the current value with its fix, which the next rule
 * then checks. The current value at the end is the suggested one.
 */
final class ValueCheck {
    /** Marks a value that is no SMTP address (see {@link #addressStart()}). */
    static final int NOT_AN_ADDRESS = -1;

    private final String attribute;
    private final int index;
    private final String original;
    private String current;
    private List<ErrorClass> classes = List.of();
    private int addressStart = NOT_AN_ADDRESS;
    private String duplicateOf;
    private String detail;

    /**
     * @param index the value's position in the attribute's values
     * @param original the value as read, null when the attribute is missing
     */
    ValueCheck(String attribute, int index, String original) {
        this.attribute = attribute;
        this.index = index;
        this.original = original;
        this.current = original;
    }

    /** The rule found {@code errorClass} and suggests {@code fix} (null: nothing to suggest). */
    void fail(ErrorClass errorClass, String fix) {
        addClass(errorClass);
        current = fix;
    }

    /** The rule found {@code errorClass} and has no fix: the value stays as it is. */
    void fail(ErrorClass errorClass) {
        addClass(errorClass);
    }

    /** Another object read earlier holds this value; it keeps it. Listed after every other class. */
    void duplicateOf(String firstHolderDn) {
        if (duplicateOf == null) {
            duplicateOf = firstHolderDn;
            addClass(ErrorClass.DUPLICATE);
        }
    }

    /** What the report's DETAIL column says about this value, unless it is a duplicate. */
    void detail(String text) {
        this.detail = text;
    }

    /** This value is an SMTP address (mail or SMTP proxyAddresses) starting at {@code start}. */
    void smtpAddressAt(int start) {
        this.addressStart = start;
    }

    private void addClass(ErrorClass errorClass) {
        if (classes.isEmpty()) {
            classes = new ArrayList<>(3);
        }
        if (!classes.contains(errorClass)) {
            classes.add(errorClass);
        }
    }

    String attribute() {
        return attribute;
    }

    int index() {
        return index;
    }

    String original() {
        return original;
    }

    String current() {
        return current;
    }

    List<ErrorClass> classes() {
        return classes;
    }

    boolean failed() {
        return !classes.isEmpty();
    }

    boolean changed() {
        return !Objects.equals(original, current);
    }

    boolean isDuplicate() {
        return duplicateOf != null;
    }

    /** The DETAIL column: the first holder's DN for a duplicate, else what a rule noted, or null. */
    String detail() {
        return duplicateOf != null ? duplicateOf : detail;
    }

    int addressStart() {
        return addressStart;
    }

    boolean isSmtpAddress() {
        return addressStart != NOT_AN_ADDRESS;
    }
}
