package org.nutrisearch.answer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Long consumer messages reduced to the subject line and the sentences that ask. */
class MessageReducerTest {

    @Test
    void aShortQuestionPassesWhole() {
        MessageReducer.Reduced r = MessageReducer.reduce("What are the symptoms of Flu?");
        assertFalse(r.reduced());
        assertNull(r.subject());
        assertEquals("What are the symptoms of Flu?", r.text());
    }

    @Test
    void aLongMessageKeepsItsSubjectLineAndTheSentencesThatAsk() {
        MessageReducer.Reduced r = MessageReducer.reduce("Ankle injury. I got hurt in my left leg ankle almost 5 months "
                + "ago. I went to doctor, got x-ray, where no damage was found. He suggested me some pain killers and "
                + "advised me to wear anklet. I have been following the instruction since then. What should I do now to "
                + "get better?");
        assertTrue(r.reduced());
        assertEquals("Ankle injury", r.subject());
        assertEquals("Ankle injury. What should I do now to get better?", r.text());
    }

    @Test
    void sentencesThatAskWithoutAQuestionMarkCount() {
        MessageReducer.Reduced r = MessageReducer.reduce("Hello. My mother was told last week that her potassium is "
                + "low and she feels weak most days, mostly in the evening after dinner. I was wondering which foods "
                + "she should eat more of. Thank you.");
        assertNull(r.subject(), "a greeting is not a subject line");
        assertEquals("I was wondering which foods she should eat more of.", r.asking());
    }

    @Test
    void withNoAskingSentenceTheStartOfTheMessageIsKept() {
        MessageReducer.Reduced r = MessageReducer.reduce("Body lice. We have had them for months and we shower three "
                + "times a day. Washing the clothes did not work. We tried two shampoos from the pharmacy already.");
        assertEquals("Body lice", r.subject());
        assertEquals("We have had them for months and we shower three times a day. Washing the clothes did not work. "
                + "We tried two shampoos from the pharmacy already.", r.asking());
    }
}
