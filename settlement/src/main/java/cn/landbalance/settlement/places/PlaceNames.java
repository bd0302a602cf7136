package cn.landbalance.settlement.places;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Port: the counties' place-name histories. */
public interface PlaceNames {
    /** The county's entries, by former name. */
    List<PlaceName> ofCounty(long countyId);

    Optional<PlaceName> find(long id);

    /** Adds an entry; PLACE_NAME_EXISTS if the county already has this former name. */
    PlaceName add(long countyId, String formerName, long regionId, LocalDate effectiveOn, String note);

    void remove(long id);
}
