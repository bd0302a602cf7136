package cn.landbalance.infra.testing;

import cn.landbalance.infra.pulsar.PulsarBroker;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real Apache Pulsar standalone broker per test JVM, started on first use in a temporary directory (from
 * the jars of infra/pulsar-broker) and stopped, with its data removed, when the JVM exits.
 */
public final class TestPulsar {
    private static volatile PulsarBroker broker;

    private TestPulsar() {
    }

    public static synchronized PulsarBroker get() {
        if (broker == null) {
            try {
                var lib = PulsarBroker.findLib().orElseThrow(() -> new IllegalStateException(
                        "no broker jars: build infra/pulsar-broker first (./mvnw install)"));
                var dir = Files.createTempDirectory("landbalance-pulsar-");
                broker = PulsarBroker.start(lib, dir);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    broker.stop();
                    try (Stream<java.nio.file.Path> paths = Files.walk(dir)) {
                        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    } catch (IOException e) {
                        // a temporary directory
                    }
                }, "test-pulsar-stop"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return broker;
    }
}
