package org.nutrisearch.answer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Units that only point elsewhere, told from units that answer. */
class PointerTextTest {

    @Test
    void aListOfResourcesOnlyPointsElsewhere() {
        String resources = "These resources address the diagnosis or management of allergic asthma: - Genetic Testing "
                + "Registry: Asthma - MedlinePlus Encyclopedia: Asthma - MedlinePlus Encyclopedia: Allergies";
        assertEquals(1.0, PointerText.share(resources), 1e-9);
    }

    @Test
    void anAnswerThatEndsWithALinkMostlyAnswers() {
        String answer = "Ovarian cancer is cancer that begins in the ovaries. The ovaries make female hormones and "
                + "produce a woman's eggs. Treatment is most effective when the cancer is found early. Learn more at "
                + "www.cancer.gov.";
        double share = PointerText.share(answer);
        assertTrue(share > 0 && share < 0.3, "share " + share);
    }

    @Test
    void aListOfSymptomsIsAnAnswer() {
        assertEquals(0.0, PointerText.share("Flu symptoms include: - Fever - Cough - Sore throat - Muscle aches"), 1e-9);
        assertEquals(0.0, PointerText.share("Fever: a temperature over 38 degrees. Cough: dry at first."), 1e-9);
        assertEquals(0.0, PointerText.share(""), 1e-9);
    }
}
