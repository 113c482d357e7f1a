package org.siammae.api.config;

/**
 * An options class that checks its values after {@link OptionsBinder} has set them, for rules that
 * span fields or ranges that a type cannot express.
 */
public interface ValidatedOptions {

    /**
     * Records every invalid value; keys are relative to the component.
     *
     * @param problems where to record problems
     */
    void validate(ConfigProblems problems);
}
