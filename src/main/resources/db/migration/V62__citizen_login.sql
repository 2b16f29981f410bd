-- A citizen who logs in (demo: password; production: OpenID Connect via MitID) sees their own record.
ALTER TABLE app_user ADD COLUMN citizen_id UUID;
