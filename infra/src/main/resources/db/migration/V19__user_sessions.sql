-- A signed token names the session version of its user; disabling the user, resetting or changing the password
-- moves the version on, so every token issued before stops working (within the cache time of the check).
alter table app_user add column session_version integer not null default 0;
