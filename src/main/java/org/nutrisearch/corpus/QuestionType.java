package org.nutrisearch.corpus;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a question asks about its subject ("What are the symptoms of flu?" asks for {@link #SYMPTOMS}),
 * and what an FAQ entry answers. The closed set follows MedQuAD's question types, plus the ones a
 * nutrition portal needs (dosage, food sources, interactions, side effects).
 */
public enum QuestionType {
    INFORMATION, SYMPTOMS, CAUSES, TREATMENT, PREVENTION, DIAGNOSIS, OUTLOOK, COMPLICATIONS, SUSCEPTIBILITY,
    INHERITANCE, GENETIC_CHANGES, FREQUENCY, STAGES, RESEARCH, CONSIDERATIONS, SUPPORT, DOSAGE, FOOD_SOURCES,
    INTERACTIONS, SIDE_EFFECTS;

    /** Runs of spaces, underscores and hyphens in a label: read as one space. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_-]+");

    /**
     * Whether an answer of this type also answers {@code other} in part (and the other way round), so that
     * the two never conflict: what to do about a condition, living with it, its lifestyle changes
     * ({@link #CONSIDERATIONS}) is part of treating and of preventing it ("Lifestyle Changes: stretch
     * regularly …" answers "can stretching prevent cramps").
     */
    public boolean overlaps(QuestionType other) {
        return this == CONSIDERATIONS && (other == TREATMENT || other == PREVENTION)
                || other == CONSIDERATIONS && (this == TREATMENT || this == PREVENTION);
    }

    /** The name used in JSON and the index: lower case, words joined by '-' ("food-sources"). */
    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The type an FAQ corpus labels a pair with: an API name, or one of MedQuAD's labels ("exams and
     * tests", "support groups", "genetic changes"). Null when the label names no type.
     */
    @JsonCreator
    public static QuestionType fromLabel(String label) {
        if (label == null) {
            return null;
        }
        String key = SEPARATORS.matcher(label.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
        return switch (key) {
            case "exams and tests", "diagnosis", "tests" -> DIAGNOSIS;
            case "support groups", "support" -> SUPPORT;
            case "prognosis", "outlook" -> OUTLOOK;
            case "food sources", "sources" -> FOOD_SOURCES;
            case "side effects" -> SIDE_EFFECTS;
            case "genetic changes" -> GENETIC_CHANGES;
            case "risk", "risk factors", "susceptibility" -> SUSCEPTIBILITY;
            default -> {
                for (QuestionType t : values()) {
                    if (t.name().replace('_', ' ').equalsIgnoreCase(key)) {
                        yield t;
                    }
                }
                yield null;
            }
        };
    }
}
