package org.nutrisearch.page;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;

/**
 * Skips a browser test class, with the reason and the install command, when Debian's Chromium or its
 * driver is missing. In CI (CI=true) the class runs regardless, so a missing browser fails it.
 */
final class RequiresChromium implements ExecutionCondition {

    static final String INSTALL = "Browser tests need Chromium and its driver at " + Browser.CHROMIUM + " and "
            + Browser.CHROMEDRIVER + "; install them with: sudo apt-get install -y chromium chromium-driver";

    static boolean installed() {
        return Files.isExecutable(Browser.CHROMIUM) && Files.isExecutable(Browser.CHROMEDRIVER);
    }

    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (installed() || inCi()) {
            return ConditionEvaluationResult.enabled("Chromium present, or CI where its absence must fail");
        }
        return ConditionEvaluationResult.disabled("SKIPPED: " + INSTALL);
    }
}
