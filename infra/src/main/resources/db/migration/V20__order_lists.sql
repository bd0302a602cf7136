-- Order lists, newest first: a county's, a buyer's, and those with an allocation on a township's listings.
create index market_order_county_created_idx on market_order (county_id, created_at desc, id desc);
create index market_order_buyer_created_idx on market_order (buyer_org_id, created_at desc, id desc);
create index order_allocation_township_idx on order_allocation (township_id, order_id);
