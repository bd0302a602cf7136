-- The county's annual in/out balance plan (年度进出平衡方案) for each year: its lifecycle (编制 → 报批 → 批准 → 备案 →
-- 实施 → 验收) with the dates and document numbers of each step, and the deadlines the year runs against.
create table annual_plan (
    county_id          bigint       not null references region (id),
    plan_year          smallint     not null,
    status             varchar(12)  not null,
    approval_due       date         not null,
    implementation_due date         not null,
    acceptance_due     date         not null,
    fee_delivery_due   date         not null,
    submitted_on       date,
    approved_on        date,
    approval_doc_no    varchar(100),
    filed_on           date,
    filing_no          varchar(100),
    implemented_on     date,
    accepted_on        date,
    updated_by         bigint       references app_user (id),
    updated_at         timestamp with time zone not null,
    primary key (county_id, plan_year),
    constraint annual_plan_status_ck check (status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'FILED', 'IMPLEMENTED', 'ACCEPTED')),
    constraint annual_plan_steps_ck check ((status in ('DRAFT')) = (submitted_on is null)
        and (status in ('DRAFT', 'SUBMITTED')) = (approved_on is null and approval_doc_no is null)
        and (status in ('DRAFT', 'SUBMITTED', 'APPROVED')) = (filed_on is null)
        and (status = 'IMPLEMENTED' or status = 'ACCEPTED') = (implemented_on is not null)
        and (status = 'ACCEPTED') = (accepted_on is not null))
);
