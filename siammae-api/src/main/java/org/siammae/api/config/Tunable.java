package org.siammae.api.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a component's options class as settable from an experiment descriptor.
 *
 * <p>The field's initial value is its default. {@link OptionsBinder} sets it from the descriptor
 * key, which is the field name in kebab case ({@code f2Ratio} becomes {@code f2-ratio}) unless
 * {@link #key()} names another. {@code siammae components} prints every tunable field with its
 * description, so the description states the unit and the valid range.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Tunable {

    /** The meaning of the value, with its unit and valid range. */
    String description();

    /** Descriptor key; empty means the field name in kebab case. */
    String key() default "";

    /** Whether a descriptor must set the key (a field without a sensible default). */
    boolean required() default false;

    /**
     * For a field of type {@link org.siammae.api.component.ComponentSpec}: the name of the
     * component kind it selects ({@code mask-pattern}), so that a descriptor check can verify the
     * nested name before anything is built.
     */
    String kind() default "";
}
