-- Webhooks also post drift events, which concern no review.
alter table webhook_delivery alter column review_id drop not null;
