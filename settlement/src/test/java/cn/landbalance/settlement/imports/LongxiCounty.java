package cn.landbalance.settlement.imports;

import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.RegionLevel;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.places.PlaceName;
import cn.landbalance.settlement.places.PlaceNames;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** In-memory Longxi county (its 17 townships), place-name history and import record, for import rules without a database. */
final class LongxiCounty {
    static final long COUNTY = 3;
    static final List<String> TOWNSHIPS = List.of("碧岩镇", "菜子镇", "德兴乡", "福星镇", "巩昌镇", "和平乡", "宏伟乡", "柯寨镇",
            "马河镇", "权家湾镇", "首阳镇", "双泉镇", "通安驿镇", "渭阳乡", "文峰镇", "永吉乡", "云田镇");

    final List<Region> regions = new ArrayList<>();
    final List<PlaceName> placeNames = new ArrayList<>();
    final List<PlanImports.PlanImport> imports = new ArrayList<>();

    LongxiCounty() {
        regions.add(new Region(COUNTY, "621122", "陇西县", RegionLevel.COUNTY, 2L, COUNTY));
        for (int i = 0; i < TOWNSHIPS.size(); i++) {
            regions.add(new Region(100 + i, "621122" + (100 + i), TOWNSHIPS.get(i), RegionLevel.TOWNSHIP, COUNTY, COUNTY));
        }
    }

    Region township(String name) {
        return regions.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    LongxiCounty withFormerName(String former, String current) {
        placeNames.add(new PlaceName(placeNames.size() + 1, COUNTY, former, township(current).id(), current, LocalDate.of(2015, 1, 1), null));
        return this;
    }

    Regions regions() {
        return new Regions() {
            public Optional<Region> findById(long id) {
                return regions.stream().filter(r -> r.id() == id).findFirst();
            }

            public List<Region> children(Long parentId) {
                return regions.stream().filter(r -> parentId != null && parentId.equals(r.parentId())).toList();
            }

            public Region create(String code, String name, RegionLevel level, Long parentId) {
                throw new UnsupportedOperationException();
            }

            public Optional<Region> findByCode(String code) {
                return regions.stream().filter(r -> r.code().equals(code)).findFirst();
            }
        };
    }

    PlaceNames placeNames() {
        return new PlaceNames() {
            public List<PlaceName> ofCounty(long countyId) {
                return placeNames.stream().filter(p -> p.countyId() == countyId).toList();
            }

            public Optional<PlaceName> find(long id) {
                return placeNames.stream().filter(p -> p.id() == id).findFirst();
            }

            public PlaceName add(long countyId, String formerName, long regionId, LocalDate effectiveOn, String note) {
                throw new UnsupportedOperationException();
            }

            public void remove(long id) {
                throw new UnsupportedOperationException();
            }
        };
    }

    PlanImports planImports() {
        return new PlanImports() {
            public void lockCounty(long countyId) {
            }

            public Optional<PlanImport> activeOfYear(long countyId, PlanKind kind, int year) {
                return imports.stream().filter(i -> i.active() && i.kind() == kind && i.year() == year).findFirst();
            }

            public Optional<PlanImport> activeWithContent(long countyId, PlanKind kind, String contentSha256) {
                return imports.stream().filter(i -> i.active() && i.kind() == kind && i.contentSha256().equals(contentSha256)).findFirst();
            }

            public PlanImport insert(PlanImport p) {
                PlanImport stored = new PlanImport(imports.size() + 1, p.countyId(), p.kind(), p.year(), p.contentSha256(),
                        p.fileSha256(), p.fileName(), p.fileFormat(), p.rowsImported(), p.areaM2(), p.warnings(), true,
                        p.importedBy(), OffsetDateTime.now(), null, null);
                imports.add(stored);
                return stored;
            }

            public void markReversed(long id) {
                PlanImport p = imports.get((int) id - 1);
                imports.set((int) id - 1, new PlanImport(p.id(), p.countyId(), p.kind(), p.year(), p.contentSha256(),
                        p.fileSha256(), p.fileName(), p.fileFormat(), p.rowsImported(), p.areaM2(), p.warnings(), false,
                        p.importedBy(), p.createdAt(), OffsetDateTime.now(), null));
            }

            public void linkReplacement(long reversedId, long replacementId) {
            }

            public List<PlanImport> ofCounty(long countyId) {
                return imports;
            }
        };
    }

    /** A sample file of the repository's docs/samples. */
    static byte[] sample(String name) {
        try {
            return Files.readAllBytes(Path.of("..", "docs", "samples", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
