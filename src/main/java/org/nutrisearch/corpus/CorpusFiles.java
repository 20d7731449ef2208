package org.nutrisearch.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Which entries of a corpus folder are read, and how: the loader and {@link CorpusManifest} go through the
 * same entries with the same rules, so a manifest describes exactly what an index was built from.
 *
 * <p>Only regular files are read. A symbolic link is followed only when it leads to a file inside the corpus
 * folder (a link to {@code /etc/passwd} must not put that file on the search page); named pipes, sockets
 * and devices are refused before they are opened (opening a pipe blocks until someone writes to it, which
 * hung reindexing for good). Files are opened without following a link in their last name, so a file
 * swapped for a link after the check is refused too. Dotfiles are not entries at all.
 */
public final class CorpusFiles {

    private CorpusFiles() {
    }

    /** The entries of {@code dir} (dotfiles left out), in name order. */
    public static List<Path> entries(Path dir) throws CorpusException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                    .toList();
        } catch (NoSuchFileException e) {
            throw new CorpusException(dir, SkipReason.UNREADABLE, "no such directory", e);
        } catch (AccessDeniedException e) {
            throw new CorpusException(dir, SkipReason.UNREADABLE, "cannot be listed (permission denied)", e);
        } catch (IOException e) {
            throw new CorpusException(dir, SkipReason.UNREADABLE, "cannot be listed (" + e.getMessage() + ")", e);
        }
    }

    /** Whether the loader reads files of this name as articles ({@code .txt}, {@code .md}). */
    public static boolean isArticleFile(Path file) {
        String name = lowerName(file);
        return name.endsWith(".txt") || name.endsWith(".md");
    }

    /** Whether the loader reads files of this name as JSON Lines ({@code .jsonl}). */
    public static boolean isJsonlFile(Path file) {
        return lowerName(file).endsWith(".jsonl");
    }

    /** Whether the loader reads files of this name at all. */
    public static boolean isSupported(Path file) {
        return isArticleFile(file) || isJsonlFile(file);
    }

    /**
     * The path to read for the entry {@code file} of the corpus folder {@code root}: the entry itself, or the
     * real path of a link that stays inside the folder.
     *
     * @throws CorpusException OUTSIDE_CORPUS for a link leading out of the folder, UNSUPPORTED_FILE for a
     *                         folder, SPECIAL_FILE for a pipe, socket or device, UNREADABLE for a broken link
     */
    public static Path readablePath(Path root, Path file) throws CorpusException {
        BasicFileAttributes attributes = attributes(file);
        Path target = file;
        if (attributes.isSymbolicLink()) {
            try {
                target = file.toRealPath();
                if (!target.startsWith(root.toRealPath())) {
                    throw new CorpusException(file, SkipReason.OUTSIDE_CORPUS,
                            "is a symbolic link to something outside the corpus folder (not followed)");
                }
            } catch (NoSuchFileException e) {
                throw new CorpusException(file, SkipReason.UNREADABLE, "is a broken symbolic link", e);
            } catch (IOException e) {
                throw new CorpusException(file, SkipReason.UNREADABLE,
                        "is a symbolic link that cannot be resolved (" + e.getMessage() + ")", e);
            }
            attributes = attributes(target);
        }
        if (attributes.isDirectory()) {
            throw new CorpusException(file, SkipReason.UNSUPPORTED_FILE, "is a directory (subdirectories are not read)");
        }
        if (!attributes.isRegularFile()) {
            throw new CorpusException(file, SkipReason.SPECIAL_FILE,
                    "is not a regular file (a named pipe, socket or device is never opened)");
        }
        return target;
    }

    /**
     * The path to read for a file the user named (a single-file corpus, {@code parse FILE}): a link there is
     * the user's choice and is followed, but the file must still be a regular file.
     */
    public static Path readablePath(Path file) throws CorpusException {
        Path target;
        try {
            target = file.toRealPath();
        } catch (NoSuchFileException e) {
            throw new CorpusException(file, SkipReason.UNREADABLE, "no such file", e);
        } catch (IOException e) {
            throw new CorpusException(file, SkipReason.UNREADABLE, "cannot be read (" + e.getMessage() + ")", e);
        }
        BasicFileAttributes attributes = attributes(target);
        if (attributes.isDirectory()) {
            throw new CorpusException(file, SkipReason.UNREADABLE, "is a directory, not a file");
        }
        if (!attributes.isRegularFile()) {
            throw new CorpusException(file, SkipReason.SPECIAL_FILE,
                    "is not a regular file (a named pipe, socket or device is never opened)");
        }
        return target;
    }

    /**
     * Opens a path returned by {@link #readablePath}, without following a link in its last name: a file
     * swapped for a link since the check fails to open instead of being read through the link.
     */
    public static InputStream open(Path readable) throws IOException {
        return Files.newInputStream(readable, LinkOption.NOFOLLOW_LINKS);
    }

    private static BasicFileAttributes attributes(Path file) throws CorpusException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new CorpusException(file, SkipReason.UNREADABLE, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new CorpusException(file, SkipReason.UNREADABLE, "cannot be read (permission denied)", e);
        } catch (FileSystemException e) {
            throw new CorpusException(file, SkipReason.UNREADABLE, "cannot be read (" + e.getReason() + ")", e);
        } catch (IOException e) {
            throw new CorpusException(file, SkipReason.UNREADABLE, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static String lowerName(Path file) {
        Path name = file.getFileName();
        return (name == null ? file.toString() : name.toString()).toLowerCase(Locale.ROOT);
    }
}
