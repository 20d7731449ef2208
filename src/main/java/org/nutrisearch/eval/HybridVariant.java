package org.nutrisearch.eval;


import java.util.Locale;
import org.nutrisearch.search.HybridOptions;

/**
 * One way of fusing lexical and semantic results to evaluate, written on the command line as
 * {@code rrf}, {@code rrf:60}, {@code linear:0.3}, optionally followed by {@code :depth=N},
 * {@code :min=X}, {@code :k=N} or {@code :w=X} (e.g. {@code rrf:20:depth=50:min=0.6}).
 *
 * @param label   the spelled-out options, for a table row
 * @param options the fusion to run
 */
public record HybridVariant(String label, HybridOptions options) {

    /** The variant of {@code options} labelled with its values. */
    public static HybridVariant of(HybridOptions options) {
        return new HybridVariant(labelOf(options), options);
    }

    /**
     * Parses {@code spec}; what it does not name is taken from {@code base}.
     *
     * @throws IllegalArgumentException for anything else, with a message fit for the user
     */
    public static HybridVariant parse(String spec, HybridOptions base) {
        String[] parts = spec.strip().toLowerCase(Locale.ROOT).split(":");
        HybridOptions.Fusion fusion = switch (parts[0]) {
            case "rrf" -> HybridOptions.Fusion.RRF;
            case "linear" -> HybridOptions.Fusion.LINEAR;
            default -> throw new IllegalArgumentException("fusion '" + spec + "' must start with rrf or linear");
        };
        int k = base.rrfK();
        double weight = base.semanticWeight();
        int depth = base.depth();
        double min = base.minSimilarity();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            int eq = part.indexOf('=');
            String key = eq < 0 ? (i == 1 ? (fusion == HybridOptions.Fusion.RRF ? "k" : "w") : "") : part.substring(0, eq);
            String value = eq < 0 ? part : part.substring(eq + 1);
            try {
                switch (key) {
                    case "k" -> k = Integer.parseInt(value);
                    case "w" -> weight = Double.parseDouble(value);
                    case "depth" -> depth = Integer.parseInt(value);
                    case "min" -> min = Double.parseDouble(value);
                    default -> throw new IllegalArgumentException("fusion '" + spec + "': unknown part '" + part
                            + "' (k=, w=, depth=, min=)");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fusion '" + spec + "': '" + value + "' is not a number");
            }
        }
        return of(new HybridOptions(fusion, k, weight, depth, min));
    }

    /** E.g. {@code rrf k=60 depth=100 min=0.00} or {@code linear w=0.30 depth=100 min=0.00}. */
    static String labelOf(HybridOptions o) {
        String mix = o.fusion() == HybridOptions.Fusion.RRF
                ? "rrf k=" + o.rrfK()
                : String.format(Locale.ROOT, "linear w=%.2f", o.semanticWeight());
        return String.format(Locale.ROOT, "%s depth=%d min=%.2f", mix, o.depth(), o.minSimilarity());
    }
}
