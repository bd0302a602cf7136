package cn.landbalance.api.demo;

import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.RegionLevel;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.OrgKind;
import cn.landbalance.settlement.identity.Organization;
import cn.landbalance.settlement.identity.Organizations;
import cn.landbalance.settlement.places.PlaceNames;
import cn.landbalance.settlement.identity.PasswordHasher;
import cn.landbalance.settlement.identity.Role;
import cn.landbalance.settlement.identity.UserAccounts;
import cn.landbalance.settlement.rules.CountyRules;
import cn.landbalance.settlement.rules.CountyRulesStore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The demo county of API.md: 甘肃省 › 定西市 › 陇西县 with its 17 townships (表 2-3 of seed 003), a
 * township government for each, the county bureau and government, and a few users of every role.
 * Codes follow the national scheme (镇 1xx, 乡 2xx) but are numbered in the table's order.
 */
public final class DemoData {
    public static final String PROVINCE_CODE = "620000";
    public static final String CITY_CODE = "621100";
    public static final String COUNTY_CODE = "621122";

    /** A demo user: username, role, the organisation's name. */
    public record DemoUser(String username, Role role, String orgName) {
    }

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("county_admin", Role.COUNTY_ADMIN, "陇西县自然资源局"),
            new DemoUser("county_viewer", Role.COUNTY_VIEWER, "陇西县人民政府"),
            new DemoUser("officer_gongchang", Role.TOWNSHIP_OFFICER, "巩昌镇人民政府"),
            new DemoUser("officer_wenfeng", Role.TOWNSHIP_OFFICER, "文峰镇人民政府"),
            new DemoUser("officer_shouyang", Role.TOWNSHIP_OFFICER, "首阳镇人民政府"),
            new DemoUser("enterprise_coop", Role.ENTERPRISE, "陇西县巩昌镇示范种养殖专业合作社"),
            new DemoUser("enterprise_transport", Role.ENTERPRISE, "陇西县交通运输局"));

    private final Regions regions;
    private final Organizations organizations;
    private final UserAccounts users;
    private final CountyRulesStore rules;
    private final PasswordHasher hasher;
    private final PlaceNames placeNames;

    public DemoData(Regions regions, Organizations organizations, UserAccounts users, CountyRulesStore rules,
                    PasswordHasher hasher, PlaceNames placeNames) {
        this.placeNames = placeNames;
        this.regions = regions;
        this.organizations = organizations;
        this.users = users;
        this.rules = rules;
        this.hasher = hasher;
    }

    public boolean present() {
        return regions.findByCode(COUNTY_CODE).isPresent();
    }

    /** Loads everything; {@code passwordFor} gives each demo user's password. Returns the county. */
    public Region load(Function<DemoUser, String> passwordFor) {
        Region province = regions.create(PROVINCE_CODE, "甘肃省", RegionLevel.PROVINCE, null);
        Region city = regions.create(CITY_CODE, "定西市", RegionLevel.CITY, province.id());
        Region county = regions.create(COUNTY_CODE, "陇西县", RegionLevel.COUNTY, city.id());
        rules.save(county.id(), CountyRules.defaults());
        Map<String, Organization> orgs = new LinkedHashMap<>();
        orgs.put("陇西县自然资源局", organizations.create("陇西县自然资源局", OrgKind.COUNTY, county.id(), county.id()));
        orgs.put("陇西县人民政府", organizations.create("陇西县人民政府", OrgKind.COUNTY, county.id(), county.id()));
        orgs.put("陇西县交通运输局", organizations.create("陇西县交通运输局", OrgKind.ENTERPRISE, county.id(), county.id()));
        int towns = 0;
        int xiang = 0;
        for (String[] row : townships()) {
            String code = COUNTY_CODE + ("镇".equals(row[1]) ? 100 + towns++ : 200 + xiang++);
            Region township = regions.create(code, row[0], RegionLevel.TOWNSHIP, county.id());
            String govName = row[0] + "人民政府";
            orgs.put(govName, organizations.create(govName, OrgKind.TOWNSHIP, township.id(), county.id()));
            if ("巩昌镇".equals(row[0])) {
                String coop = "陇西县巩昌镇示范种养殖专业合作社";
                orgs.put(coop, organizations.create(coop, OrgKind.ENTERPRISE, township.id(), county.id()));
            }
        }
        // the 2022 plan's 附表2 still calls 双泉镇 by its former name
        Region shuangquan = regions.children(county.id()).stream().filter(t -> t.name().equals("双泉镇")).findFirst().orElseThrow();
        placeNames.add(county.id(), "双泉乡", shuangquan.id(), null, "乡改镇；2022 年度方案附表2 仍用旧称");
        for (DemoUser user : USERS) {
            users.create(user.username(), hasher.hash(passwordFor.apply(user)), user.role(),
                    orgs.get(user.orgName()).id());
        }
        return county;
    }

    /** Rows of longxi-townships.csv: name, 乡 or 镇. */
    static List<String[]> townships() {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/longxi-townships.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(","));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
