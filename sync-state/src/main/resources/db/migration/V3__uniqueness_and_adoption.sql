-- dirsync state, version 3: the uniqueness index, anchored cloud users awaiting adoption, and
-- objects removed by disabling them.

-- Which managed object holds each value the tenant requires to be unique (64-bit key of the
-- normalized value). The holder that was there first keeps it.
CREATE TABLE unique_key (
    value_key BIGINT  NOT NULL,
    anchor    VARCHAR NOT NULL,
    CONSTRAINT unique_key_pk PRIMARY KEY (value_key)
);
CREATE INDEX unique_key_anchor_idx ON unique_key (anchor);

-- Cloud users carrying an anchor that the state does not know and the latest full run did not read.
CREATE TABLE unmanaged_user (
    anchor   VARCHAR NOT NULL,
    cloud_id VARCHAR NOT NULL,
    upn      VARCHAR,
    digests  BYTEA   NOT NULL,
    CONSTRAINT unmanaged_user_pk PRIMARY KEY (anchor)
);

ALTER TABLE synced_object ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL;
