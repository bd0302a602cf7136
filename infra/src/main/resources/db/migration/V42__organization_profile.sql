-- What an organisation tells about itself: its unified social credit code (统一社会信用代码, checked by the application),
-- legal representative, contact person, phone and address. One row per organisation, replaced when edited (each edit
-- is an audit entry with the values).
create table organization_profile (
    org_id               bigint primary key references organization (id),
    credit_code          varchar(18)  not null,
    legal_representative varchar(100),
    contact_name         varchar(100),
    contact_phone        varchar(25),
    address              varchar(100),
    updated_at           timestamp with time zone not null
);
