-- The seeded history-sheet rules (0010) cited their source as the domain file's rows ("domain file (e) H4 …
-- review interval U"), and the open-sheet dialog shows `source` to the officer. It now holds the legal citation
-- an officer can look up, and says in words where the rule is silent. The trace to the domain file stays here:
--   default-history-sheet  domain file (e) H4 (PPR r.23.9(2) pattern), reasons per H2; review interval U
--   pb-register-10-ii      domain file (e) H1, H2;   pb-history-sheet, hr-history-sheet  (e) H4
--   hr-register-10-ii      domain file (e) H1, H2;   up-class-a, up-class-b              (e) H5
-- A rule an administrator has since changed (its source no longer the seeded text) is left as it is.
update history_sheet_rules set source = v.source
from (values
  ('default-history-sheet',
   'Domain file (e) H4: PPR r.23.9(2) pattern (officer not below Inspector); reasons per H2; review interval U',
   'Pattern of Punjab Police Rules 1934 r.23.9(2) (ordered by an officer not below Inspector; reasons recorded), for states without their own rule. No rule sets the review interval: 12 months until your administrator sets it.'),
  ('pb-register-10-ii',
   'PPR 1934 r.23.4(3)(b) and r.23.5 (domain file (e) H1, H2); review interval U',
   'Punjab Police Rules 1934 r.23.4(3)(b) and r.23.5. The rules set no review interval: 12 months until your administrator sets it.'),
  ('pb-history-sheet',
   'PPR 1934 rr.23.8-23.12, 23.14; r.23.9(2) (domain file (e) H4); review interval U',
   'Punjab Police Rules 1934 rr.23.8–23.12 and 23.14; r.23.9(2). The rules set no review interval: 12 months until your administrator sets it.'),
  ('hr-register-10-ii',
   'PPR 1934 as applied in Haryana, r.23.4(3)(b) and r.23.5 (domain file (e) H1, H2); review interval U',
   'Punjab Police Rules 1934 as applied in Haryana, r.23.4(3)(b) and r.23.5. The rules set no review interval: 12 months until your administrator sets it.'),
  ('hr-history-sheet',
   'PPR 1934 as applied in Haryana, r.23.9(2) (domain file (e) H4); review interval U',
   'Punjab Police Rules 1934 as applied in Haryana, r.23.9(2). The rules set no review interval: 12 months until your administrator sets it.'),
  ('up-class-a',
   'UP Police Regulations para 228 (domain file (e) H5); opening rank and review interval U',
   'UP Police Regulations para 228. The opening rank and the review interval are not confirmed: Inspector and 12 months until your administrator sets them.'),
  ('up-class-b',
   'UP Police Regulations para 228 (domain file (e) H5); opening rank and review interval U',
   'UP Police Regulations para 228. The opening rank and the review interval are not confirmed: Inspector and 12 months until your administrator sets them.')
) as v(id, seeded, source)
where history_sheet_rules.id = v.id and history_sheet_rules.source = v.seeded;
