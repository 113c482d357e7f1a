package org.siammae.eval.davis;

/**
 * The scores of one object of one sequence over the scored frames (all frames but the first and
 * the last).
 *
 * @param sequence the sequence name
 * @param objectId the object id, from 1
 * @param jaccard J per scored frame
 * @param boundary F per scored frame
 * @param j the statistics of J
 * @param f the statistics of F
 */
public record ObjectScores(
        String sequence,
        int objectId,
        double[] jaccard,
        double[] boundary,
        DavisStatistics j,
        DavisStatistics f) {

    /**
     * Summarises per-frame scores.
     *
     * @param sequence the sequence name
     * @param objectId the object id
     * @param jaccard J per scored frame
     * @param boundary F per scored frame
     */
    public static ObjectScores of(
            String sequence, int objectId, double[] jaccard, double[] boundary) {
        return new ObjectScores(
                sequence,
                objectId,
                jaccard,
                boundary,
                DavisStatistics.of(jaccard),
                DavisStatistics.of(boundary));
    }

    /** Returns the name the official per-object table uses, {@code <sequence>_<id>}. */
    public String name() {
        return sequence + "_" + objectId;
    }

    /** Returns (J-Mean + F-Mean) / 2 of this object. */
    public double jfMean() {
        return (j.mean() + f.mean()) / 2;
    }
}
