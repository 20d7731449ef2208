package org.nutrisearch.nutrients;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable character trie over normalized names (see {@link SurfaceForms}) that finds the longest
 * name starting at a position of a text. A match costs at most the length of the longest name, so
 * scanning a text is linear in its length, with no regular expressions to backtrack.
 */
final class SurfaceTrie {

    /** A name found in a text: {@code text.substring(start, end)} names the nutrient {@code id}. */
    record Match(int start, int end, String id) {
        int length() {
            return end - start;
        }
    }

    private static final class Node {
        /** Children compared one by one up to this many; a binary search beyond. */
        private static final int SCANNED = 8;

        final char[] keys;
        final Node[] children;
        final String id;
        /**
         * The children by key for keys below 128 when there are more than {@link #SCANNED} (the root: the first
         * letter of every name), else null. The tagger asks the root at every word of every unit it indexes,
         * and almost always for a letter no name starts with (a binary search was 2 % of a build's CPU).
         */
        private final Node[] ascii;

        Node(char[] keys, Node[] children, String id) {
            this.keys = keys;
            this.children = children;
            this.id = id;
            this.ascii = keys.length > SCANNED ? asciiTable(keys, children) : null;
        }

        private static Node[] asciiTable(char[] keys, Node[] children) {
            Node[] table = new Node[128];
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] < 128) {
                    table[keys[i]] = children[i];
                }
            }
            return table;
        }

        Node child(char key) {
            if (ascii != null && key < 128) {
                return ascii[key];
            }
            if (keys.length <= SCANNED) {
                for (int i = 0; i < keys.length; i++) {
                    if (keys[i] == key) {
                        return children[i];
                    }
                }
                return null;
            }
            int at = Arrays.binarySearch(keys, key);
            return at >= 0 ? children[at] : null;
        }
    }

    /** Collects normalized names, then freezes them into a trie. Not thread-safe; the trie is. */
    static final class Builder {
        private final BuilderNode root = new BuilderNode();

        /** Adds a normalized name; the first id given for a name is kept. */
        Builder add(String normalized, String id) {
            BuilderNode node = root;
            for (int i = 0; i < normalized.length(); i++) {
                node = node.children.computeIfAbsent(normalized.charAt(i), k -> new BuilderNode());
            }
            if (node.id == null) {
                node.id = id;
            }
            return this;
        }

        SurfaceTrie build() {
            return new SurfaceTrie(root.freeze());
        }
    }

    private static final class BuilderNode {
        final Map<Character, BuilderNode> children = new TreeMap<>();
        String id;

        Node freeze() {
            char[] keys = new char[children.size()];
            Node[] frozen = new Node[children.size()];
            int i = 0;
            for (Map.Entry<Character, BuilderNode> e : children.entrySet()) {
                keys[i] = e.getKey();
                frozen[i] = e.getValue().freeze();
                i++;
            }
            return new Node(keys, frozen, id);
        }
    }

    private final Node root;

    private SurfaceTrie(Node root) {
        this.root = root;
    }

    /**
     * The longest name that starts at {@code start} and ends at a word boundary, or null. The caller
     * makes sure {@code start} itself is at a word boundary.
     */
    Match longest(String text, int start) {
        int n = text.length();
        Node node = root;
        int j = start;
        Match best = null;
        while (j < n) {
            char c = text.charAt(j);
            char key;
            int next;
            if (SurfaceForms.isGapChar(c)) {
                next = j;
                while (next < n && SurfaceForms.isGapChar(text.charAt(next))) {
                    if (next - j == SurfaceForms.MAX_GAP) {
                        return best;
                    }
                    next++;
                }
                key = SurfaceForms.GAP;
            } else {
                key = SurfaceForms.key(c);
                next = j + 1;
            }
            node = node.child(key);
            if (node == null) {
                break;
            }
            j = next;
            if (node.id != null && (j == n || !SurfaceForms.isWordChar(text.charAt(j)))) {
                best = new Match(start, j, node.id);
            }
        }
        return best;
    }
}
