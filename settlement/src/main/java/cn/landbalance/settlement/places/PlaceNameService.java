package cn.landbalance.settlement.places;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.RegionLevel;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Role;
import cn.landbalance.settlement.identity.Tenancy;

import java.time.LocalDate;
import java.util.List;

/**
 * The county keeps its place-name history: which former township names (a 乡 that became a 镇, a township merged into
 * another) stand for which township now. Plan imports resolve names through it. Anyone of the county may read it;
 * the county admin edits it.
 */
public class PlaceNameService {
    private final Regions regions;
    private final PlaceNames placeNames;

    public PlaceNameService(Regions regions, PlaceNames placeNames) {
        this.regions = regions;
        this.placeNames = placeNames;
    }

    public List<PlaceName> list(Actor actor, long countyId) {
        Tenancy.requireCountyRoleOf(actor, countyId);
        regions.requireCounty(countyId);
        return placeNames.ofCounty(countyId);
    }

    public PlaceName add(Actor actor, long countyId, String formerName, long townshipId, LocalDate effectiveOn, String note) {
        requireAdmin(actor, countyId);
        String former = formerName == null ? "" : formerName.replaceAll("[\\s\\u3000]+", "");
        if (former.isEmpty() || former.length() > 100) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "formerName",
                    "旧称应为 1-100 个字", "formerName must be 1-100 characters");
        }
        Region township = regions.findById(townshipId)
                .filter(r -> r.level() == RegionLevel.TOWNSHIP && r.countyId() != null && r.countyId() == countyId)
                .orElseThrow(() -> DomainException.field(ErrorCode.TOWNSHIP_NOT_FOUND, "townshipId",
                        "乡镇 " + townshipId, "township " + townshipId));
        boolean current = regions.children(countyId).stream().anyMatch(t -> t.name().replaceAll("[\\s\\u3000]+", "").equals(former));
        if (current) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "formerName",
                    "“" + former + "”是本县现有乡镇的名称，不能作为旧称", "'" + former + "' is the name of a current township");
        }
        if (note != null && note.length() > 200) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "note",
                    "说明最多 200 字", "note must be at most 200 characters");
        }
        return placeNames.add(countyId, former, township.id(), effectiveOn, note == null || note.isBlank() ? null : note.strip());
    }

    public void remove(Actor actor, long countyId, long id) {
        requireAdmin(actor, countyId);
        PlaceName entry = placeNames.find(id).filter(p -> p.countyId() == countyId)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "地名 " + id, "place name " + id));
        placeNames.remove(entry.id());
    }

    private static void requireAdmin(Actor actor, long countyId) {
        Tenancy.requireCountyRoleOf(actor, countyId);
        if (actor.role() != Role.COUNTY_ADMIN) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
    }
}
