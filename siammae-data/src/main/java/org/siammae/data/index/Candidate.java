package org.siammae.data.index;

import java.nio.file.Path;

/**
 * A file or frame folder found by a source's scan, before probing.
 *
 * @param path the path relative to the source root, with {@code /} separators; the clip id
 * @param file the absolute path
 * @param size the file size in bytes (for a frame folder, the number of frame files)
 * @param modified the last-modified time in milliseconds since the epoch
 */
public record Candidate(String path, Path file, long size, long modified) {}
