package org.siammae.api.config;

/**
 * One problem found in an experiment descriptor.
 *
 * @param file the descriptor file name, or a label such as {@code <command line>}
 * @param line the 1-based line of the key, or 0 when unknown
 * @param key the dotted key path, for example {@code model.encoder.depth}
 * @param message what is wrong and what to do about it
 */
public record ConfigProblem(String file, int line, String key, String message) {

    /** Formats the problem as {@code file:line: key 'a.b': message}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (key != null && !key.isEmpty()) {
            text.append("key '").append(key).append("': ");
        }
        return text.append(message).toString();
    }
}
