-- Users who log in with a password (demo profile) or are provisioned from OpenID Connect.
CREATE TABLE app_user (
    username        VARCHAR(100) PRIMARY KEY,
    display_name    VARCHAR(200) NOT NULL,
    password_hash   VARCHAR(200),
    enabled         BOOLEAN      NOT NULL,
    organization_id UUID         REFERENCES organization (id),
    version         BIGINT       NOT NULL
);

CREATE TABLE app_user_role (
    username        VARCHAR(100) NOT NULL REFERENCES app_user (username),
    role            VARCHAR(40)  NOT NULL,
    PRIMARY KEY (username, role)
);
