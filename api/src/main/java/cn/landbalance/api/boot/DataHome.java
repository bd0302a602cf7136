package cn.landbalance.api.boot;

import java.nio.file.Path;
import java.util.Map;

/**
 * The directory where the embedded default keeps its data: the PostgreSQL data directory, the generated
 * JWT secret and the demo credentials. {@code LANDBALANCE_HOME}, else {@code ~/.landbalance}.
 */
public record DataHome(Path path) {
    public static final String PROPERTY = "landbalance.home";

    public static DataHome resolve(Map<String, String> env) {
        String configured = env.get("LANDBALANCE_HOME");
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty(PROPERTY);
        }
        Path path = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".landbalance")
                : Path.of(configured);
        return new DataHome(path.toAbsolutePath());
    }

    public Path resolve(String name) {
        return path.resolve(name);
    }
}
