-- Person keys, version 3 (issue 4): a name written with its aliases ("Ramesh Yadav @ Kalia") is also keyed by the
-- aliases, so an officer who screens "Kalia" finds him. Keys of version 2 stay readable as they are; a database
-- that holds persons keeps version 2 until `childgrid grid rekey` adds the alias keys (the server warns at
-- start). A database without persons has nothing to rebuild.
update person_keys_state set version = 3 where not exists (select 1 from persons);
