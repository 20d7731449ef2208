package org.nutrisearch.corpus;

import java.io.File;
import java.nio.file.Path;

/** How corpus files are named in sources and messages: relative to the working directory when possible. */
public final class CorpusPaths {
    private CorpusPaths() {
    }

    /**
     * The path as a user reads it: a relative path stays as given, an absolute path under the working
     * directory becomes relative to it, any other absolute path stays absolute. Separators are always '/'.
     */
    public static String display(Path file) {
        Path shown = file;
        if (file.isAbsolute()) {
            Path cwd = Path.of("").toAbsolutePath();
            Path normal = file.normalize();
            if (normal.startsWith(cwd) && !normal.equals(cwd)) {
                shown = cwd.relativize(normal);
            }
        }
        return shown.toString().replace(File.separatorChar, '/');
    }

    /** The file name without its last extension: the id of an article read from that file. */
    public static String stem(Path file) {
        Path name = file.getFileName();
        String s = name == null ? file.toString() : name.toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }
}
