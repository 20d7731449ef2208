package org.nutrisearch.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON body of every error: {@code {"error": {"status", "code", "param", "message"}}}. */
public record ApiError(Detail error) {

    /** What went wrong; {@code param} names the offending parameter, when there is one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(int status, String code, String param, String message) {
    }

    public static ApiError of(int status, String code, String param, String message) {
        return new ApiError(new Detail(status, code, param, message));
    }
}
