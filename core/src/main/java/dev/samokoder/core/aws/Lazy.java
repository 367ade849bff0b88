package dev.samokoder.core.aws;

import java.util.function.Supplier;

/** A value built on first use, at most once, safely across threads. */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> factory;
    private volatile T value;

    public Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                if (value == null) {
                    value = factory.get();
                }
                current = value;
            }
        }
        return current;
    }

    /** The value if it was built, else null; for closing only what was opened. */
    T ifBuilt() {
        return value;
    }
}
