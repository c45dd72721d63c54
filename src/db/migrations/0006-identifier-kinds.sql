-- Two more identifier kinds for the grid: `domain` (a web site, without its path) and `pincode` (an Indian postal
-- PIN code). Canonical forms and checks: docs/identifiers.md. The constraint is the one 0001 declared inline.
alter table identifiers drop constraint identifiers_kind_check;
alter table identifiers add constraint identifiers_kind_check check (kind in ('phone', 'email', 'upi', 'bank_account',
  'vehicle', 'social_handle', 'url', 'domain', 'ip', 'pincode', 'address', 'aadhaar_masked'));
