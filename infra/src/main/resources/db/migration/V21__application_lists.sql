-- Application lists, newest first, by county (and township) at any size.
create index outflow_application_county_id_idx on outflow_application (county_id, id desc);
create index outflow_application_township_id_idx on outflow_application (township_id, id desc);
