package dev.samokoder.local.sandbox.cgroup;

/** No usable cgroup hierarchy: the message says what is missing and what to do about it. */
public final class CgroupUnavailableException extends Exception {

    public CgroupUnavailableException(String message) {
        super(message);
    }
}
