package org.minbar;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes SIGTERM, which a service manager (systemd, Docker) sends to stop a server, end the process
 * with status 0 once the shutdown hooks have drained and closed it, as a stop asked for is not a
 * failure; the JVM's own handling exits 143. Java has no public API for signals: the JDK's
 * `sun.misc.Signal` (module jdk.unsupported, exported) is reached by reflection so that the build
 * carries no internal-API warning. Where it is missing, the JVM's handling stays.
 */
final class TermSignal {

    private static final Logger LOG = LoggerFactory.getLogger(TermSignal.class);

    private TermSignal() {}

    /** From now on SIGTERM runs the shutdown hooks and exits 0. */
    static void exitZeroOnTerm() {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            InvocationHandler onSignal = (proxy, method, arguments) -> {
                if (method.getName().equals("handle")) {
                    // Not on the signal's own thread: System.exit waits for the hooks, which may take seconds.
                    Thread exit = new Thread(() -> System.exit(0), "minbar-stop");
                    exit.start();
                    return null;
                }
                return switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    case "toString" -> "minbar SIGTERM handler";
                    default -> null;
                };
            };
            Object proxy = Proxy.newProxyInstance(TermSignal.class.getClassLoader(), new Class<?>[] {handler}, onSignal);
            signal.getMethod("handle", signal, handler).invoke(null, signal.getConstructor(String.class).newInstance("TERM"), proxy);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("SIGTERM keeps the JVM's handling (exit status 143): {}", e.toString());
        }
    }
}
