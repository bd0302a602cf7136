package cn.landbalance.api.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The web admin's API types (web-admin/src/api-types.ts) are what openapi-typescript, at the version web-admin's
 * package-lock.json pins, makes of the OpenAPI document this build generated from the controllers. A change to a
 * controller's request or answer that was not carried into the web admin fails here, naming the first line that
 * differs; {@code npm run api-types} in web-admin (after compiling api) writes the file again.
 */
class WebAdminTypesFollowTheOpenApiDocumentTest {
    private static final Path WEB_ADMIN = Path.of("..", "web-admin").toAbsolutePath().normalize();
    private static final Path GENERATOR = WEB_ADMIN.resolve("node_modules/openapi-typescript/bin/cli.js");
    private static final Path COMMITTED = WEB_ADMIN.resolve("src/api-types.ts");

    @Test
    void theCommittedTypesAreTheGeneratedOnes() throws IOException, InterruptedException, URISyntaxException {
        URL spec = getClass().getResource("/META-INF/swagger/landbalance-1.yml");
        assertNotNull(spec, "the build generates the OpenAPI document");
        assertTrue(Files.isRegularFile(GENERATOR),
                GENERATOR + " is missing: the web-admin module's build (npm ci) installs it before api's tests run");
        Path generated = Files.createTempFile("api-types", ".ts");
        try {
            Process node = new ProcessBuilder(List.of("node", GENERATOR.toString(), Path.of(spec.toURI()).toString(),
                    "-o", generated.toString())).redirectErrorStream(true).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(node.waitFor(2, TimeUnit.MINUTES), "openapi-typescript did not finish");
            assertEquals(0, node.exitValue(), "openapi-typescript failed:\n" + output);
            List<String> expected = Files.readAllLines(generated, StandardCharsets.UTF_8);
            List<String> committed = Files.readAllLines(COMMITTED, StandardCharsets.UTF_8);
            for (int i = 0; i < Math.max(expected.size(), committed.size()); i++) {
                String want = i < expected.size() ? expected.get(i) : "(end of file)";
                String have = i < committed.size() ? committed.get(i) : "(end of file)";
                if (!want.equals(have)) {
                    fail("web-admin/src/api-types.ts no longer follows the OpenAPI document: at line " + (i + 1)
                            + " it has\n  " + have + "\nwhere the generator writes\n  " + want
                            + "\nRun `npm run api-types` in web-admin after compiling api, fix what the compiler then "
                            + "finds in the web admin, and commit both.");
                }
            }
        } finally {
            Files.deleteIfExists(generated);
        }
    }
}
