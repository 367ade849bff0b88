package dev.samokoder.services.auth;

/**
 * Cost parameters of Argon2id. The upper bounds exist because stored hashes carry their own
 * parameters: a damaged or tampered record must not make a login allocate gigabytes or spin for
 * minutes, so parameters beyond them are refused rather than computed.
 */
public record Argon2Params(int memoryKiB, int iterations, int parallelism) {

    /** Argon2 needs 8 KiB (two 1 KiB blocks per sync point, four sync points) per lane. */
    static final int MIN_MEMORY_KIB_PER_LANE = 8;
    static final int MAX_MEMORY_KIB = 262_144;
    static final int MAX_ITERATIONS = 16;
    static final int MAX_PARALLELISM = 16;

    public Argon2Params {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be from 1 to " + MAX_PARALLELISM + ", got " + parallelism);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be from 1 to " + MAX_ITERATIONS + ", got " + iterations);
        }
        int minMemory = MIN_MEMORY_KIB_PER_LANE * parallelism;
        if (memoryKiB < minMemory || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("memoryKiB must be from " + minMemory + " (8 KiB per lane) to "
                    + MAX_MEMORY_KIB + ", got " + memoryKiB);
        }
    }

    /** OWASP's recommended minimum for Argon2id: 19 MiB, 2 iterations, 1 lane. */
    public static Argon2Params defaults() {
        return new Argon2Params(19_456, 2, 1);
    }
}
