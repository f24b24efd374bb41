-- dirsync state, version 2: a dry run is recorded as planned (it exported nothing).
ALTER TABLE run ADD COLUMN planned BOOLEAN DEFAULT FALSE NOT NULL;
