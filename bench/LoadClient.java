import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmarks' HTTP client (run as a source file: {@code java bench/LoadClient.java MODE ...}); no dependencies.
 * <ul>
 * <li>{@code setup BASE PASSWORD TOWNSHIPS CLIENTS CONTENTION OUT}: officers, inflow, listings and one outflow
 * application per client (each homed in its own listing township, or all in the first one when CONTENTION is true);
 * writes the application ids to OUT.</li>
 * <li>{@code settle BASE PASSWORD APPS SECONDS}: one thread per application, each placing a 10 m² order and having
 * the selling township's finance (the {@code bench_officer_} set up for it) confirm its payment notice, as fast as
 * the server answers; prints settlements/s, latency percentiles and the CPU this client used meanwhile
 * (so the benchmark can tell the server's share of the machine from the client's).</li>
 * <li>{@code orders BASE PASSWORD APPS N OUT}: N orders of 10 m² spread over the applications, unpaid; writes the bank
 * statement their payers' transfers would make (CSV as a bank exports it: Chinese headers, "1,234.00", each line quoting
 * its notice's remittance code in 摘要) to OUT, one file per selling township ({@code OUT.<township>}).</li>
 * <li>{@code statement BASE PASSWORD FILE}: the selling township's finance imports FILE in one request; prints how many
 * notices it settled, in how long, then imports it again (an overlapping statement) and prints that nothing more
 * settled.</li>
 * <li>{@code read BASE PASSWORD RATE SECONDS}: inventory and listing reads at a fixed rate (latency counted from
 * the scheduled time, so a slow server is not hidden); prints percentiles.</li>
 * </ul>
 */
public class LoadClient {
    static final ThreadLocal<Connection> CONNECTION = ThreadLocal.withInitial(Connection::new);
    static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");
    static String base;
    static String host;
    static String password;

    public static void main(String[] args) throws Exception {
        base = args[1];
        host = URI.create(base).getAuthority();
        password = args[2];
        switch (args[0]) {
            case "setup" -> setup(Integer.parseInt(args[3]), Integer.parseInt(args[4]), Boolean.parseBoolean(args[5]), Path.of(args[6]));
            case "settle" -> settle(Path.of(args[3]), Integer.parseInt(args[4]));
            case "read" -> read(Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "orders" -> orders(Path.of(args[3]), Integer.parseInt(args[4]), Path.of(args[5]));
            case "statement" -> statement(Path.of(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    record Res(int status, String body) {
    }

    static Res call(String method, String path, String token, String body) {
        Connection connection = CONNECTION.get();
        try {
            return connection.exchange(method, path, token, body);
        } catch (IOException e) {
            connection.close();
            return new Res(-1, e.toString());
        }
    }

    /**
     * One keep-alive HTTP/1.1 connection per client thread, written and parsed by hand. With the JDK's HttpClient a
     * 30 s settlement phase cost the client 11.9 s of CPU on the machine's two cores (its asynchronous machinery, JIT
     * compiled afresh in each phase's JVM); with this, 4.3 s, most of it compiling this file before the clock starts.
     * The server gets the CPU it would have with its clients on other machines and sees the same requests.
     */
    static final class Connection {
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Res exchange(String method, String path, String token, String body) throws IOException {
            return exchange(method, path, token, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                    "application/json", 30_000);
        }

        Res exchange(String method, String path, String token, byte[] body, String contentType, int timeoutMillis)
                throws IOException {
            if (socket == null) {
                URI uri = URI.create(base);
                socket = new Socket();
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                in = new BufferedInputStream(socket.getInputStream(), 16_384);
                out = new BufferedOutputStream(socket.getOutputStream(), 16_384);
            }
            socket.setSoTimeout(timeoutMillis);
            byte[] payload = body == null ? new byte[0] : body;
            StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path)
                    .append(" HTTP/1.1\r\nHost: ").append(host).append("\r\nAccept: application/json\r\n");
            if (token != null) {
                head.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            head.append("Content-Length: ").append(payload.length).append("\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();

            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int length = 0;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String name = header.substring(0, header.indexOf(':')).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(header.indexOf(':') + 1).trim();
                switch (name) {
                    case "content-length" -> length = Integer.parseInt(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> {
                    }
                }
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream(Math.max(length, 256));
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    content.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else {
                byte[] bytes = in.readNBytes(length);
                if (bytes.length < length) {
                    throw new IOException("connection closed inside a response body");
                }
                content.write(bytes);
            }
            if (close) {
                close();
            }
            return new Res(status, content.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    static Res ok(Res r, String what) {
        if (r.status / 100 != 2) {
            throw new IllegalStateException(what + " → " + r.status + " " + r.body);
        }
        return r;
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^,\"}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static String login(String user, String pass) {
        return field(ok(call("POST", "/api/auth/login", null, "{\"username\":\"" + user + "\",\"password\":\"" + pass + "\"}"), "login " + user).body, "access_token");
    }

    static void setup(int townships, int clients, boolean contention, Path out) throws IOException {
        String admin = login("county_admin", password);
        String county = field(ok(call("GET", "/api/me", admin, null), "me").body, "countyId");
        String orgs = ok(call("GET", "/api/organizations?kind=TOWNSHIP&size=500", admin, null), "orgs").body;
        Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"name\":\"[^\"]*\",\"kind\":\"TOWNSHIP\",\"regionId\":(\\d+)").matcher(orgs);
        List<long[]> towns = new ArrayList<>();
        while (m.find() && towns.size() < townships) {
            towns.add(new long[]{Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
        }
        String rules = ok(call("GET", "/api/counties/" + county + "/rules", admin, null), "rules").body;
        long guide = Long.parseLong(field(rules, "guidePricePerMuFen"));
        int listed = contention ? 1 : towns.size();
        for (int i = 0; i < listed; i++) {
            long org = towns.get(i)[0];
            long region = towns.get(i)[1];
            String user = "bench_officer_" + region;
            Res created = call("POST", "/api/users", admin, "{\"username\":\"" + user + "\",\"password\":\"" + password
                    + "\",\"role\":\"TOWNSHIP_OFFICER\",\"orgId\":" + org + "}");
            if (created.status != 201 && !created.body.contains("USERNAME_TAKEN")) {
                ok(created, "user " + user);
            }
            String officer = login(user, password);
            String project = ok(call("POST", "/api/inflow-projects", officer, "{\"townshipId\":" + region
                    + ",\"village\":\"基准村\",\"landClassBefore\":\"其他园地\",\"targetClass\":\"旱地\",\"ownership\":\"集体\","
                    + "\"slopeGrade\":1,\"areaM2\":50000000,\"constraints\":{\"ecologicalRedLine\":false,\"natureReserve\":false,"
                    + "\"waterSourceLevel1\":false,\"riverLakeForestPastoralDesert\":false,\"builtUpArea\":false,"
                    + "\"returnedFarmlandForest\":false,\"pollutedSoil\":false,\"illegalDeforestation\":false}}"), "inflow").body;
            String id = field(project, "id");
            ok(call("POST", "/api/inflow-projects/" + id + "/submit", officer, null), "submit");
            ok(call("POST", "/api/inflow-projects/" + id + "/accept", admin, "{\"qualityGrade\":10}"), "accept");
            ok(call("POST", "/api/listings", officer, "{\"townshipId\":" + region + ",\"areaM2\":40000000,\"pricePerMuFen\":"
                    + (guide + i * 1000L) + "}"), "listing");
        }
        String enterprise = login("enterprise_coop", password);
        List<String> apps = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long home = towns.get(contention ? 0 : c % towns.size())[1];
            String app = field(ok(call("POST", "/api/outflow-applications", enterprise, "{\"townshipId\":" + home
                    + ",\"category\":\"GREENING\",\"landClassAfter\":\"乔木林地\",\"areaM2\":2000000,\"qualityGrade\":12,"
                    + "\"paddy\":false,\"permanentBasicFarmland\":false,\"plannedConstructionLand\":false,"
                    + "\"highStandardFarmland\":false}"), "outflow").body, "id");
            ok(call("POST", "/api/outflow-applications/" + app + "/declare", enterprise, null), "declare");
            apps.add(app);
        }
        Files.write(out, apps);
        System.out.println("set up " + listed + " listing townships and " + apps.size() + " applications");
    }

    static void settle(Path appsFile, int seconds) throws Exception {
        List<String> apps = Files.readAllLines(appsFile);
        String token = login("enterprise_coop", password);
        Map<String, String> officers = new ConcurrentHashMap<>(); // township → its bench officer's token
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        String run = Long.toString(System.currentTimeMillis(), 36);
        ExecutorService pool = Executors.newFixedThreadPool(apps.size());
        long cpuBefore = processCpuNanos();
        long started = System.nanoTime();
        for (int t = 0; t < apps.size(); t++) {
            String app = apps.get(t);
            int thread = t;
            pool.submit(() -> {
                int i = 0;
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    Res order = call("POST", "/api/orders", token, "{\"outflowApplicationId\":" + app + ",\"areaM2\":10}");
                    if (order.status != 201) {
                        errors.computeIfAbsent("order " + order.status + " " + code(order.body), k -> new AtomicLong()).incrementAndGet();
                        continue;
                    }
                    // a 10 m² order buys from one township: its one notice, confirmed by that township's finance
                    String notice = order.body.substring(order.body.indexOf("\"notices\":"));
                    String noticeId = field(notice, "id");
                    String amount = field(notice, "amountFen");
                    String officer = officers.computeIfAbsent(field(notice, "townshipId"),
                            township -> login("bench_officer_" + township, password));
                    Res paid = call("POST", "/api/payment-notices/" + noticeId + "/confirm", officer, "{\"bankSerial\":\"B-"
                            + run + "-" + thread + "-" + (i++) + "\",\"receivedOn\":\"" + LocalDate.now(COUNTY_ZONE)
                            + "\",\"amountFen\":" + amount + "}");
                    if (paid.status != 200) {
                        errors.computeIfAbsent("confirm " + paid.status + " " + code(paid.body), k -> new AtomicLong()).incrementAndGet();
                        continue;
                    }
                    latencies.add(System.nanoTime() - t0);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - started) / 1e9;
        double clientCpu = (processCpuNanos() - cpuBefore) / 1e9;
        System.out.printf("settlements %d in %.1f s: %.1f/s; latency ms p50 %.1f p99 %.1f max %.1f; errors %s; client CPU %.1f s%n",
                latencies.size(), elapsed, latencies.size() / elapsed, pct(latencies, 50), pct(latencies, 99),
                pct(latencies, 100), new TreeMap<>(errors), clientCpu);
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static String code(String body) {
        Matcher m = Pattern.compile("\"code\":\"([A-Z_]+)\"").matcher(body);
        return m.find() ? m.group(1) : body.length() > 80 ? body.substring(0, 80) : body;
    }

    static void read(int rate, int seconds) throws Exception {
        String admin = login("county_admin", password);
        String county = field(ok(call("GET", "/api/me", admin, null), "me").body, "countyId");
        String officer = login("officer_gongchang", password);
        String township = field(ok(call("GET", "/api/me", officer, null), "me").body, "regionId");
        String enterprise = login("enterprise_coop", password);
        List<Long> inventory = Collections.synchronizedList(new ArrayList<>());
        List<Long> listings = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failed = new AtomicLong();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService workers = Executors.newFixedThreadPool(64);
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 100_000_000L;
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            boolean inv = i % 2 == 0;
            clock.schedule(() -> workers.submit(() -> {
                Res r = inv ? call("GET", "/api/townships/" + township + "/inventory", officer, null)
                        : call("GET", "/api/listings?countyId=" + county, enterprise, null);
                long latency = System.nanoTime() - due;
                if (r.status != 200) {
                    failed.incrementAndGet();
                } else {
                    (inv ? inventory : listings).add(latency);
                }
            }), due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        clock.shutdown();
        clock.awaitTermination(seconds + 30L, TimeUnit.SECONDS);
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);
        System.out.printf("reads at %d/s for %d s: inventory p50 %.1f p99 %.1f max %.1f ms; listings p50 %.1f p99 %.1f max %.1f ms; failed %d%n",
                rate, seconds, pct(inventory, 50), pct(inventory, 99), pct(inventory, 100), pct(listings, 50),
                pct(listings, 99), pct(listings, 100), failed.get());
    }

    /** A notice as the order's answer names it. */
    record Notice(String township, String code, long amountFen) {
    }

    static void orders(Path appsFile, int n, Path out) throws Exception {
        List<String> apps = Files.readAllLines(appsFile);
        String token = login("enterprise_coop", password);
        List<Notice> notices = Collections.synchronizedList(new ArrayList<>());
        AtomicLong next = new AtomicLong();
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(apps.size());
        long started = System.nanoTime();
        for (String app : apps) {
            pool.submit(() -> {
                while (next.getAndIncrement() < n) {
                    Res order = call("POST", "/api/orders", token, "{\"outflowApplicationId\":" + app + ",\"areaM2\":10}");
                    if (order.status != 201) {
                        errors.computeIfAbsent("order " + order.status + " " + code(order.body), k -> new AtomicLong()).incrementAndGet();
                        continue;
                    }
                    String notice = order.body.substring(order.body.indexOf("\"notices\":"));
                    notices.add(new Notice(field(notice, "townshipId"), field(notice, "remittanceCode"),
                            Long.parseLong(field(notice, "amountFen"))));
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double elapsed = (System.nanoTime() - started) / 1e9;
        Map<String, List<Notice>> byTownship = new TreeMap<>();
        notices.forEach(x -> byTownship.computeIfAbsent(x.township, k -> new ArrayList<>()).add(x));
        String today = LocalDate.now(COUNTY_ZONE).toString();
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (Map.Entry<String, List<Notice>> e : byTownship.entrySet()) {
            StringBuilder csv = new StringBuilder("交易日期,交易流水号,收入金额,支出金额,对方户名,对方账号,摘要\n");
            int i = 0;
            for (Notice x : e.getValue()) {
                csv.append(today).append(",BATCH-").append(run).append('-').append(i++).append(",\"")
                        .append(String.format(Locale.ROOT, "%,d.%02d", x.amountFen / 100, x.amountFen % 100))
                        .append("\",,绿源农业合作社,6222020200001234567,缴款识别码").append(x.code).append(" 耕地指标价款\n");
            }
            Files.writeString(Path.of(out + "." + e.getKey()), csv.toString());
        }
        System.out.printf("orders %d in %.1f s (%.1f/s) from townships %s; errors %s%n", notices.size(), elapsed,
                notices.size() / elapsed, byTownship.keySet(), new TreeMap<>(errors));
    }

    static void statement(Path file) throws Exception {
        String township = file.getFileName().toString().replaceAll(".*\\.", "");
        String officer = login("bench_officer_" + township, password);
        byte[] bytes = Files.readAllBytes(file);
        String path = "/api/townships/" + township + "/account/reconciliations?fileName=" + file.getFileName();
        long lines = new String(bytes, StandardCharsets.UTF_8).lines().count() - 1;
        long t0 = System.nanoTime();
        Res first = CONNECTION.get().exchange("POST", path, officer, bytes, "text/csv", 3_600_000);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        ok(first, "statement");
        long paid = count(first.body, "\"paid\":true");
        long t1 = System.nanoTime();
        Res again = CONNECTION.get().exchange("POST", path, officer, bytes, "text/csv", 3_600_000);
        double elapsedAgain = (System.nanoTime() - t1) / 1e9;
        ok(again, "statement again");
        System.out.printf("statement of %d lines: %d notices settled in %.2f s: %.1f/s; imported again: %d settled in %.2f s%n",
                lines, paid, elapsed, paid / elapsed, count(again.body, "\"paid\":true"), elapsedAgain);
    }

    static long count(String text, String what) {
        long n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    static double pct(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }
}
