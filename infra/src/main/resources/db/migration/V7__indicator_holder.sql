-- Indicators restored by an enterprise or project owner itself (自行补充): the lot lies in the township's
-- inventory but is held by that organisation, which alone may use it for its own obligations.
alter table inflow_project add column holder_org_id bigint references organization (id);
alter table indicator_lot add column holder_org_id bigint references organization (id);
