-- Indexes the grid needs at scale (issue 4, measured by bench/grid.bench.ts at 1,000,000 persons).

-- A person's own identifiers (the phone that screening and person matching score, the identifiers a new record
-- is matched on). Without it each lookup read every identifier of the person's agency: about 0.2 ms per
-- candidate at 30,000 persons, growing with the agency.
create index identifiers_person on identifiers (agency_id, person_id) where person_id is not null;
