-- dirsync state, version 4: when a cloud service asked for no writes before a time (Retry-After).

-- service: the throttled party (target URL and tenant); until: no writes before it.
CREATE TABLE throttle_deadline (
    service VARCHAR                  NOT NULL,
    until   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT throttle_deadline_pk PRIMARY KEY (service)
);
