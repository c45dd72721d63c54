-- A stated age always carries the date it was stated (issue 4 review: person keys and matching estimate the
-- birth year as that date's year minus the age; without the date the estimate would move with the calendar and
-- the same row keyed twice a year apart would get two different years).
--
-- Every writer has set age_recorded_on with an age since the case writer and the person service were written
-- (the case's registration date for imports, the day of the edit for an officer's correction); a row from before
-- that takes the date its case was registered, the date the age was written down in the FIR.
update persons p
   set age_recorded_on = c.registered_at::date
  from cases c
 where c.agency_id = p.agency_id
   and c.id = p.case_id
   and p.age is not null
   and p.age_recorded_on is null;
alter table persons add constraint persons_age_dated check (age is null or age_recorded_on is not null);
