-- Four more constraint layers a restoration is overlaid with (河道湖区、林区、牧区、沙漠; 城镇村建成区; 退耕还林地块;
-- 严格管控类污染耕地) and the outlines the maps draw (乡镇界, 县界; never overlaid).
alter table constraint_layer drop constraint constraint_layer_kind_ck;
alter table constraint_layer add constraint constraint_layer_kind_ck check (kind in ('PERMANENT_BASIC_FARMLAND',
    'URBAN_DEVELOPMENT_BOUNDARY', 'HIGH_STANDARD_FARMLAND', 'ECOLOGICAL_RED_LINE', 'NATURE_RESERVE', 'WATER_SOURCE_PROTECTION',
    'RIVER_LAKE_FOREST_PASTORAL_DESERT', 'BUILT_UP_AREA', 'RETURNED_FARMLAND_FOREST', 'POLLUTED_SOIL', 'TOWNSHIP_OUTLINE',
    'COUNTY_OUTLINE'));
