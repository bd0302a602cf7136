-- The county's assessment plan per year (seed 001 五1): points and the restoration task assigned to each township.
create table assessment_plan (
    county_id        bigint  not null references region (id),
    plan_year        integer not null,
    base_points      integer not null,
    max_bonus_points integer not null,
    updated_at       timestamp with time zone not null,
    primary key (county_id, plan_year)
);

create table assessment_task (
    county_id   bigint  not null,
    plan_year   integer not null,
    township_id bigint  not null references region (id),
    task_m2     bigint  not null,
    primary key (county_id, plan_year, township_id),
    foreign key (county_id, plan_year) references assessment_plan (county_id, plan_year) on delete cascade
);

-- [jooq ignore start]
alter table assessment_plan add constraint assessment_plan_points_ck
    check (base_points between 1 and 1000 and max_bonus_points between 0 and 1000);
alter table assessment_task add constraint assessment_task_area_ck check (task_m2 >= 0);
-- [jooq ignore stop]
