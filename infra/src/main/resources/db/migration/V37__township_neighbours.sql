-- Which of a county's townships border each other (the county records it): the 调剂 takes a neighbour's indicators
-- before a distant township's. One row per pair, the smaller id first.
create table township_neighbour (
    county_id    bigint not null references region (id),
    township_id  bigint not null references region (id),
    neighbour_id bigint not null references region (id),
    primary key (township_id, neighbour_id),
    constraint township_neighbour_order_ck check (township_id < neighbour_id)
);
create index township_neighbour_county_idx on township_neighbour (county_id);
