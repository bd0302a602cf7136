-- Indexes the county reports need at the scale of a province (bench/reports): the market report reads one
-- county's settled orders of one year.
create index market_order_county_settled_idx on market_order (county_id, settled_at);
