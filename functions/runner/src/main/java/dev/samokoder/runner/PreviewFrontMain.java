package dev.samokoder.runner;

import dev.samokoder.core.config.Setting;
import dev.samokoder.services.preview.PreviewGate;
import dev.samokoder.services.wiring.Wiring;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The preview front's container (the runner image, this main): serves {@link PreviewFront} on {@link #PORT} until stopped. */
public final class PreviewFrontMain {

    /** Where the load balancer sends requests (plain HTTP inside the VPC; TLS ends at the load balancer). */
    public static final int PORT = 8080;
    private static final Logger log = LoggerFactory.getLogger(PreviewFrontMain.class);

    private PreviewFrontMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Wiring wiring = Wiring.fromEnv();
        String domain = System.getenv().getOrDefault(Setting.PREVIEW_DOMAIN.variable(), "").strip();
        if (domain.isEmpty()) {
            log.error("the preview front needs {}", Setting.PREVIEW_DOMAIN.variable());
            System.exit(1);
        }
        PreviewFront front = new PreviewFront(domain, wiring.previews(), wiring.runStore(),
                new PreviewGate(wiring.previewAccess(), PreviewGate.CROSS_SITE_COOKIE, Clock.systemUTC()), Clock.systemUTC());
        front.listen(PORT);
        log.info("preview front for *.{} on port {}", domain, PORT);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            front.close();
            stopped.countDown();
        }, "preview-front-stop"));
        stopped.await();
    }
}
