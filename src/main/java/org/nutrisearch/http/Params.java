package org.nutrisearch.http;

import io.javalin.http.Context;

import java.util.List;

/** Reads and validates query parameters; every failure is a 400 that names the parameter. */
final class Params {

    private Params() {
    }

    /** The single value of {@code name}, or null when absent; given twice is an error. */
    static String single(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        if (values.size() > 1) {
            throw ApiErrors.invalid(name, name + " must be given at most once");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    /** A required text of 1..max characters after trimming. */
    static String text(Context ctx, String name, int max) {
        String value = single(ctx, name);
        if (value == null) {
            throw ApiErrors.invalid(name, name + " is required");
        }
        return checkText(name, value, max);
    }

    static String checkText(String name, String value, int max) {
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw ApiErrors.invalid(name, name + " must not be empty");
        }
        if (trimmed.length() > max) {
            throw ApiErrors.invalid(name, name + " must be at most " + max + " characters");
        }
        return trimmed;
    }

    /** An integer in [min, max], or {@code fallback} when absent. */
    static int integer(Context ctx, String name, int min, int max, int fallback) {
        String value = single(ctx, name);
        if (value == null) {
            return fallback;
        }
        String range = name + " must be between " + min + " and " + max;
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiErrors.invalid(name, range);
        }
        if (parsed < min || parsed > max) {
            throw ApiErrors.invalid(name, range);
        }
        return parsed;
    }
}
