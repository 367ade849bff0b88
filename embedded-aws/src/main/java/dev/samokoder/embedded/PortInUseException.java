package dev.samokoder.embedded;

/** A fixed port a component must listen on is taken by another process. */
public final class PortInUseException extends EmbeddedAwsException {

    private final String component;
    private final int port;

    public PortInUseException(String component, String host, int port, Throwable cause) {
        super("port " + port + " on " + host + " (wanted by " + component + ") is already in use", cause);
        this.component = component;
        this.port = port;
    }

    public String component() {
        return component;
    }

    public int port() {
        return port;
    }
}
