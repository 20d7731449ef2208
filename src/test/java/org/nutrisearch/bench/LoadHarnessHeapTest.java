package org.nutrisearch.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The benchmark's server starts with scripts/serve.sh's initial heap, never above the heap it is given. */
class LoadHarnessHeapTest {

    @Test
    void initialHeapIsServeShsUnlessTheHeapIsSmaller() {
        assertEquals("512m", LoadHarness.minHeap("512m"));
        assertEquals("512m", LoadHarness.minHeap("2g"));
        assertEquals("512m", LoadHarness.minHeap("1024M"));
        assertEquals("256m", LoadHarness.minHeap("256m"));
        assertThrows(IllegalArgumentException.class, () -> LoadHarness.minHeap("512"));
    }
}
