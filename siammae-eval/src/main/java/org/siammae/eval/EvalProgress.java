package org.siammae.eval;

/**
 * Receives progress of a long evaluation step (frames propagated, sequences scored), so that a
 * command line can show a count, a rate and an estimated time left.
 *
 * <p>Calls come from the evaluating thread, in the order {@code begin}, any number of {@code
 * advance}, {@code end}; steps do not nest.
 */
public interface EvalProgress {

    /** Progress that is ignored. */
    EvalProgress NONE =
            new EvalProgress() {
                @Override
                public void begin(String step, long total) {}

                @Override
                public void advance(long done, String detail) {}

                @Override
                public void end() {}
            };

    /**
     * Starts a step.
     *
     * @param step what is being done, for example {@code "propagating blackswan"}
     * @param total the number of units the step will process
     */
    void begin(String step, long total);

    /**
     * Reports units finished since {@code begin}.
     *
     * @param done units done so far, at most the total
     * @param detail what was just finished, for example a frame name
     */
    void advance(long done, String detail);

    /** Ends the current step. */
    void end();
}
