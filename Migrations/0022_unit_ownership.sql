-- Campaigns owned by any unit (issue 14). A district runs campaigns for its communes, a commune for itself; the
-- province keeps every campaign it had. The owner is a unit code (NULL: the province), like forms.owner_unit_code,
-- because a code outlives the dated unit sets a reform adds. Which units a campaign covers stays in campaign_units;
-- the store refuses coverage outside the owner's scope when the campaign is created or its draft edited.
ALTER TABLE campaigns ADD COLUMN owner_unit_code TEXT;
CREATE INDEX campaigns_by_owner ON campaigns(owner_unit_code) WHERE owner_unit_code IS NOT NULL;
