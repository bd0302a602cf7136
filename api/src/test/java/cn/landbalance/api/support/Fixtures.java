package cn.landbalance.api.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Longxi tables of the county's published 2022 plan (test resources) and sums computed straight from them. */
public final class Fixtures {
    private Fixtures() {
    }

    /**
     * County rules as JSON: 5万元/亩 fee, the given guide price, Gansu's 110 % (转进 ≥ 110 % of 转出), the given
     * sequencing, per-lot quality, 30-minute orders, declarations all year.
     */
    public static Json gansuRules(long guidePricePerMuFen, String sequencing) {
        return Json.object("feePerMuFen", 5_000_000, "guidePricePerMuFen", guidePricePerMuFen, "surplusFactorPermille", 1100,
                "sequencing", sequencing, "qualityRule", "PER_LOT", "paymentTermWorkingDays", 10,
                "declarationWindows", Json.array(Json.object("from", "01-01", "to", "12-31")));
    }

    public static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String longxiInflow() {
        return resource("/longxi/longxi-2022-zhuanjin.csv");
    }

    /** Sum of area_ha per township of a Longxi table, in m², computed with BigDecimal from the file. */
    public static Map<String, Long> areaByTownshipM2(String csv) {
        String[] lines = csv.split("\r?\n");
        java.util.List<String> header = java.util.Arrays.asList(lines[0].split(","));
        int township = header.indexOf("township");
        int area = header.indexOf("area_ha");
        Map<String, Long> sums = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split(",", -1);
            long m2 = new BigDecimal(cells[area]).movePointRight(4).longValueExact();
            sums.merge(cells[township], m2, Long::sum);
        }
        return sums;
    }
}
