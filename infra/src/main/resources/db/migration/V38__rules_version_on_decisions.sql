-- Each decision made under the county's rules names the rules version it was made under, so that a later change never
-- leaves it unexplained: a payment notice (the price or fee standard its amount was fixed at; a fee payment's version is
-- its notice's), an order (the guide price its prices were checked against), a county 调剂 and a transfer into the
-- reserve (the guide price of their compensation). Earlier rows name none (null: made before versions were recorded).
alter table payment_notice add column rules_version_id bigint references county_rules_version (id);
alter table market_order add column rules_version_id bigint references county_rules_version (id);
alter table county_adjustment add column rules_version_id bigint references county_rules_version (id);
alter table reserve_transfer add column rules_version_id bigint references county_rules_version (id);
