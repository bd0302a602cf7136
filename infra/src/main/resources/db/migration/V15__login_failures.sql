-- Failed sign-ins per key (a username, or a client address) in the current window, shared by every replica: the
-- login throttle counts here, so N replicas behind a load balancer do not give a password guesser N times the limit.
create table login_failure (
    key          varchar(300) primary key,
    window_start timestamp with time zone not null,
    failures     integer not null check (failures > 0)
);
