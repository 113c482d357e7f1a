package org.siammae.api.component;

import com.google.inject.Module;

/**
 * A Guice module that registers components; found on the class path with {@link
 * java.util.ServiceLoader} through {@code META-INF/services/org.siammae.api.component.SiamMaePlugin}.
 *
 * <p>A plugin only declares bindings with {@link Registrations}: it opens no file, starts no thread
 * and loads no native library in {@code configure()}.
 */
public interface SiamMaePlugin extends Module {}
