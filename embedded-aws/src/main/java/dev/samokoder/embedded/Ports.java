package dev.samokoder.embedded;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks shared by the components, so a taken port is reported the same way by each. */
public final class Ports {

    private Ports() {
    }

    /**
     * Fails with {@link PortInUseException} when a fixed port cannot be bound. Port 0 (any free
     * port) always passes. The components also map their own bind failures, since another
     * process may take the port between this check and their bind.
     */
    public static void requireFree(String component, String host, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (BindException e) {
            throw new PortInUseException(component, host, port, e);
        } catch (IOException e) {
            throw new EmbeddedAwsException("cannot check port " + port + " on " + host + " for " + component + ": " + e.getMessage(), e);
        }
    }

    /** True when the throwable or one of its causes is a failure to bind a socket. */
    public static boolean isBindFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
            String name = t.getClass().getSimpleName();
            if (name.equals("BindFailedException")) { // Pekko's, which ElasticMQ raises
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
