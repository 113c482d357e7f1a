package org.siammae.api.config;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown when an experiment descriptor has one or more problems; the message lists them all. */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    /**
     * Creates an exception that reports every problem at once.
     *
     * @param problems the problems, at least one
     */
    public ConfigException(List<ConfigProblem> problems) {
        super(format(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /**
     * Creates an exception for a single problem.
     *
     * @param problem the problem
     */
    public ConfigException(ConfigProblem problem) {
        this(List.of(problem));
    }

    /** Returns the problems in the order they were found. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String format(List<ConfigProblem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        // Listed by file and line, so they read top to bottom like the file; ties keep their order.
        return problems.size()
                + " problems in the experiment descriptor:\n"
                + problems.stream()
                        .sorted(Comparator.comparing(ConfigProblem::file, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                                .thenComparingInt(ConfigProblem::line))
                        .map(p -> "  " + p)
                        .collect(Collectors.joining("\n"));
    }
}
