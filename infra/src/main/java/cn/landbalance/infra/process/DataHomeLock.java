package cn.landbalance.infra.process;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One running application per data home: an exclusive lock on {@code HOME/landbalance.lock}, held for the life of the
 * process. The kernel releases it when the process ends in any way (SIGKILL included), so a run that gets the lock knows
 * that every server found on the home's data folders was left behind by a dead run, and may stop it. A second
 * application on the same home is refused instead of sharing (or stopping) the first one's servers.
 */
public final class DataHomeLock implements AutoCloseable {
    public static final String FILE = "landbalance.lock";
    private final FileChannel channel;
    private final FileLock lock;

    private DataHomeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or says which process holds the home. */
    public static DataHomeLock acquire(Path home) throws IOException {
        Files.createDirectories(home);
        Path file = home.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            throw new IllegalStateException("another landbalance application (pid " + (holder.isEmpty() ? "?" : holder)
                    + ") is running on " + home + "; stop it first or set LANDBALANCE_HOME to another folder");
        }
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
        return new DataHomeLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
