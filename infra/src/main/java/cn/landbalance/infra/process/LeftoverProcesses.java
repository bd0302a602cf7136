package cn.landbalance.infra.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Servers that an earlier run of the application started and left behind when it was killed (SIGKILL, power off the
 * JVM only): the embedded PostgreSQL and the Pulsar broker are separate processes and outlive their parent. A new run
 * that holds the data home's lock ({@code DataHomeLock}) is the only owner of that home, so a server still running on
 * one of its data folders is a leftover and is stopped before the new one starts. A process is recognised only by its
 * command line naming the data folder (never by name alone), so nothing of anybody else's is touched.
 */
public final class LeftoverProcesses {
    private static final Logger LOG = LoggerFactory.getLogger(LeftoverProcesses.class);

    private LeftoverProcesses() {
    }

    /** The running processes whose command line satisfies {@code matches} (argument by argument), this one excepted. */
    public static List<ProcessHandle> find(Predicate<List<String>> matches) {
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> found = new ArrayList<>();
        ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .forEach(p -> commandLine(p.pid()).filter(matches).ifPresent(args -> found.add(p)));
        return found;
    }

    /** The arguments of a process as the kernel holds them ({@code /proc/PID/cmdline}); empty once it has gone. */
    public static Optional<List<String>> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            if (raw.length == 0) {
                return Optional.empty();
            }
            String text = new String(raw, StandardCharsets.UTF_8);
            return Optional.of(Arrays.asList(text.split("\0")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** True when {@code args} has {@code option} immediately followed by a path that is {@code path}. */
    public static boolean hasOption(List<String> args, String option, Path path) {
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals(option) && samePath(args.get(i + 1), path)) {
                return true;
            }
        }
        return false;
    }

    static boolean samePath(String arg, Path path) {
        try {
            Path candidate = Path.of(arg).toAbsolutePath().normalize();
            Path wanted = path.toAbsolutePath().normalize();
            if (candidate.equals(wanted)) {
                return true;
            }
            return Files.exists(candidate) && Files.exists(wanted) && Files.isSameFile(candidate, wanted);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Stops each process: {@code signal} first (e.g. INT for PostgreSQL's fast shutdown, TERM for the broker), SIGKILL
     * after {@code graceSeconds}; returns once all have exited.
     */
    public static void stop(List<ProcessHandle> processes, String what, String signal, int graceSeconds) {
        for (ProcessHandle p : processes) {
            LOG.warn("stopping a {} left running by an earlier run (pid {})", what, p.pid());
            signal(p, signal);
        }
        for (ProcessHandle p : processes) {
            try {
                p.onExit().get(graceSeconds, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("the leftover {} (pid {}) did not stop within {} s; killing it", what, p.pid(), graceSeconds);
                p.destroyForcibly();
                try {
                    p.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    throw new IllegalStateException("the leftover " + what + " (pid " + p.pid() + ") would not stop");
                }
            }
        }
    }

    private static void signal(ProcessHandle p, String signal) {
        if ("TERM".equals(signal)) {
            p.destroy();
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                p.destroy();
            }
        } catch (IOException e) {
            p.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
        }
    }
}
