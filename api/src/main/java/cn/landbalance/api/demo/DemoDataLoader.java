package cn.landbalance.api.demo;

import cn.landbalance.api.boot.DataHome;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.Organizations;
import cn.landbalance.settlement.identity.PasswordHasher;
import cn.landbalance.settlement.identity.UserAccounts;
import cn.landbalance.settlement.rules.CountyRulesStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loads the demo county on the first start and tells who can log in. Passwords are {@code DEMO_PASSWORD}
 * when set; otherwise generated once, printed once, and kept (owner-only) in the data home.
 */
@Singleton
@Requires(property = "landbalance.demo.enabled", value = "true")
public class DemoDataLoader {
    private static final Logger LOG = LoggerFactory.getLogger("landbalance.demo");
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final DemoData demo;
    private final String demoPassword;
    private final Path credentialsFile;
    private Map<String, String> freshPasswords;

    public DemoDataLoader(Regions regions, Organizations organizations, UserAccounts users, CountyRulesStore rules,
                          PasswordHasher hasher, cn.landbalance.settlement.places.PlaceNames placeNames, @Nullable @Value("${landbalance.demo.password:}") String demoPassword,
                          @Value("${" + DataHome.PROPERTY + "}") String home) {
        this.demo = new DemoData(regions, organizations, users, rules, hasher, placeNames);
        this.demoPassword = demoPassword == null || demoPassword.isBlank() ? null : demoPassword;
        this.credentialsFile = Path.of(home).resolve("demo-credentials.txt");
    }

    @EventListener
    @Transactional
    public void onStartup(StartupEvent event) throws IOException {
        if (demo.present()) {
            LOG.info("demo data present. Demo users: {} (passwords: {})",
                    DemoData.USERS.stream().map(DemoData.DemoUser::username).collect(Collectors.joining(", ")),
                    demoPassword != null ? "DEMO_PASSWORD" : "printed at first start, kept in " + credentialsFile);
            return;
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        SecureRandom random = new SecureRandom();
        for (DemoData.DemoUser user : DemoData.USERS) {
            passwords.put(user.username(), demoPassword != null ? demoPassword : randomPassword(random));
        }
        Region county = demo.load(user -> passwords.get(user.username()));
        freshPasswords = passwords;
        StringBuilder banner = new StringBuilder("\n  Demo county 甘肃省 › 定西市 › 陇西县 loaded (countyId ")
                .append(county.id()).append(", 17 townships). Demo users:\n");
        for (DemoData.DemoUser user : DemoData.USERS) {
            banner.append(String.format("    %-22s %-16s %-28s password: %s%n", user.username(), user.role(),
                    user.orgName(), demoPassword != null ? "(DEMO_PASSWORD)" : passwords.get(user.username())));
        }
        if (demoPassword == null) {
            writeCredentials(banner.toString());
            banner.append("  (kept in ").append(credentialsFile).append(")\n");
        }
        LOG.info("{}", banner);
    }

    /**
     * The demo users' passwords when this start created the demo county (for {@link DemoCountyAtWork} to set it to
     * work), once; null otherwise.
     */
    public synchronized Map<String, String> freshPasswords() {
        Map<String, String> fresh = freshPasswords;
        freshPasswords = null;
        return fresh;
    }

    private void writeCredentials(String text) throws IOException {
        Files.createDirectories(credentialsFile.getParent());
        Files.writeString(credentialsFile, text, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(credentialsFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not POSIX
        }
    }

    private static String randomPassword(SecureRandom random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
