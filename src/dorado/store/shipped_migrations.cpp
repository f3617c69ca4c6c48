// The schema, as migrations. Shipped migrations are never edited: change the
// schema by adding a migration (the checksum check refuses edited ones).
#include <array>

#include "dorado/store/migrations.hpp"

namespace dorado::store {

namespace {

// Booked money is BIGINT micro-units with a currency column; analytics are
// DOUBLE PRECISION; BOOLEAN and BIGINT mean the same on both backends.
constexpr std::string_view kCoreTables = R"sql(
CREATE TABLE positions (
  id {{id}},
  user_id TEXT NOT NULL,
  bot_id TEXT,
  symbol TEXT NOT NULL,
  asset_class TEXT NOT NULL,
  strategy TEXT NOT NULL,
  venue TEXT NOT NULL,
  venue_mode TEXT NOT NULL,
  legs {{json}} NOT NULL,
  quantity DOUBLE PRECISION NOT NULL,
  avg_price_micros BIGINT,
  currency TEXT NOT NULL,
  status TEXT NOT NULL,
  paper BOOLEAN NOT NULL,
  opened_at {{timestamp}} NOT NULL,
  closed_at {{timestamp}},
  management {{json}},
  config_hash TEXT
);
CREATE INDEX positions_user_status ON positions (user_id, status);
CREATE INDEX positions_user_bot ON positions (user_id, bot_id, opened_at);

CREATE TABLE candidates (
  id {{id}},
  user_id TEXT NOT NULL,
  scan_id TEXT NOT NULL,
  scan_date {{date}} NOT NULL,
  bot_id TEXT,
  symbol TEXT NOT NULL,
  strategy TEXT NOT NULL,
  rank INTEGER,
  score DOUBLE PRECISION,
  components {{json}},
  gates {{json}},
  legs {{json}},
  status TEXT NOT NULL,
  reason_code TEXT,
  config_hash TEXT,
  created_at {{timestamp}} NOT NULL,
  expires_at {{timestamp}}
);
CREATE INDEX candidates_user_scan ON candidates (user_id, scan_date, rank);
CREATE INDEX candidates_user_status ON candidates (user_id, status);

CREATE TABLE trades (
  id {{id}},
  user_id TEXT NOT NULL,
  bot_id TEXT,
  candidate_id BIGINT REFERENCES candidates (id),
  position_id BIGINT REFERENCES positions (id),
  symbol TEXT NOT NULL,
  asset_class TEXT NOT NULL,
  strategy TEXT NOT NULL,
  side TEXT NOT NULL,
  quantity DOUBLE PRECISION NOT NULL,
  entry_price_micros BIGINT,
  exit_price_micros BIGINT,
  fees_micros BIGINT NOT NULL DEFAULT 0,
  realized_pnl_micros BIGINT,
  currency TEXT NOT NULL,
  opened_at {{timestamp}} NOT NULL,
  closed_at {{timestamp}},
  paper BOOLEAN NOT NULL,
  status TEXT NOT NULL,
  config_hash TEXT,
  entry_features {{json}},
  reward DOUBLE PRECISION
);
CREATE INDEX trades_user_bot ON trades (user_id, bot_id, opened_at);
CREATE INDEX trades_user_status ON trades (user_id, status);
CREATE INDEX trades_position ON trades (position_id);

CREATE TABLE signals (
  id {{id}},
  user_id TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('scan', 'webhook')),
  signal_id TEXT,
  bot_id TEXT,
  symbol TEXT NOT NULL,
  action TEXT NOT NULL,
  received_at {{timestamp}} NOT NULL,
  status TEXT NOT NULL,
  reason_code TEXT,
  reason TEXT,
  payload {{json}},
  research_context {{json}}
);
-- A webhook delivered twice carries the same external id: store it once.
CREATE UNIQUE INDEX signals_external_id ON signals (user_id, source, signal_id);
CREATE INDEX signals_user_received ON signals (user_id, received_at);

CREATE TABLE risk_events (
  id {{id}},
  user_id TEXT NOT NULL,
  at {{timestamp}} NOT NULL,
  kind TEXT NOT NULL,
  breaker TEXT,
  action TEXT NOT NULL,
  measured DOUBLE PRECISION,
  threshold DOUBLE PRECISION,
  reason TEXT NOT NULL,
  lifted_at {{timestamp}},
  lifted_by TEXT
);
CREATE INDEX risk_events_user_at ON risk_events (user_id, at);
CREATE INDEX risk_events_user_breaker ON risk_events (user_id, breaker, lifted_at);

CREATE TABLE regime_history (
  id {{id}},
  user_id TEXT NOT NULL,
  model TEXT NOT NULL,
  as_of {{timestamp}} NOT NULL,
  label TEXT NOT NULL,
  confidence DOUBLE PRECISION,
  probabilities {{json}},
  model_version TEXT
);
CREATE INDEX regime_history_user_model ON regime_history (user_id, model, as_of);

CREATE TABLE bot_configs (
  id {{id}},
  user_id TEXT NOT NULL,
  bot_id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version > 0),
  config_hash TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at {{timestamp}} NOT NULL,
  UNIQUE (user_id, bot_id, version)
);

CREATE TABLE bandit_state (
  user_id TEXT NOT NULL,
  bandit TEXT NOT NULL,
  arm TEXT NOT NULL,
  state {{json}} NOT NULL,
  updated_at {{timestamp}} NOT NULL,
  PRIMARY KEY (user_id, bandit, arm)
);

CREATE TABLE bandit_decisions (
  id {{id}},
  user_id TEXT NOT NULL,
  bandit TEXT NOT NULL,
  decided_at {{timestamp}} NOT NULL,
  context {{json}},
  arm TEXT NOT NULL,
  expected_reward DOUBLE PRECISION,
  reward DOUBLE PRECISION,
  rewarded_at {{timestamp}}
);
CREATE INDEX bandit_decisions_user_bandit ON bandit_decisions (user_id, bandit, decided_at);

CREATE TABLE fill_quality (
  id {{id}},
  user_id TEXT NOT NULL,
  client_order_id TEXT NOT NULL,
  symbol TEXT NOT NULL,
  expected_price_micros BIGINT NOT NULL,
  fill_price_micros BIGINT NOT NULL,
  slippage_per_contract_micros BIGINT NOT NULL,
  quantity DOUBLE PRECISION NOT NULL,
  currency TEXT NOT NULL,
  venue TEXT NOT NULL,
  filled_at {{timestamp}} NOT NULL
);
CREATE INDEX fill_quality_user_symbol ON fill_quality (user_id, symbol, filled_at);
CREATE INDEX fill_quality_order ON fill_quality (user_id, client_order_id);

CREATE TABLE annotations (
  id {{id}},
  user_id TEXT NOT NULL,
  candidate_id BIGINT REFERENCES candidates (id),
  trade_id BIGINT REFERENCES trades (id),
  tag TEXT NOT NULL,
  note TEXT,
  created_at {{timestamp}} NOT NULL
);
CREATE INDEX annotations_candidate ON annotations (candidate_id);
CREATE INDEX annotations_trade ON annotations (trade_id);

-- Append-only and hash-chained per user: seq has no gaps, hash covers the
-- content and prev_hash (see audit_chain.hpp).
CREATE TABLE audit_log (
  user_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  at {{timestamp}} NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  detail {{json}} NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (user_id, seq)
);
CREATE INDEX audit_log_entity ON audit_log (user_id, entity, entity_id);
)sql";

// Time series: keyed by (user, series, time), partitioned by month on
// PostgreSQL (the primary key includes the partition column, as it must).
constexpr std::string_view kTimeSeries = R"sql(
{{timescaledb}}
CREATE TABLE ohlcv (
  user_id TEXT NOT NULL,
  symbol TEXT NOT NULL,
  bar_date {{date}} NOT NULL,
  open DOUBLE PRECISION NOT NULL,
  high DOUBLE PRECISION NOT NULL,
  low DOUBLE PRECISION NOT NULL,
  close DOUBLE PRECISION NOT NULL,
  adj_close DOUBLE PRECISION,
  volume DOUBLE PRECISION NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY (user_id, symbol, bar_date),
  CHECK (low > 0 AND low <= open AND low <= close AND high >= open AND high >= close),
  CHECK (volume >= 0)
) {{partition_by_month:bar_date}};
{{hypertable:ohlcv:bar_date}}

CREATE TABLE macro_features (
  user_id TEXT NOT NULL,
  series TEXT NOT NULL,
  obs_date {{date}} NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (user_id, series, obs_date)
) {{partition_by_month:obs_date}};
{{hypertable:macro_features:obs_date}}

CREATE TABLE iv_history (
  user_id TEXT NOT NULL,
  symbol TEXT NOT NULL,
  obs_date {{date}} NOT NULL,
  iv30 DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (user_id, symbol, obs_date)
) {{partition_by_month:obs_date}};
{{hypertable:iv_history:obs_date}}

CREATE TABLE funding_rates (
  user_id TEXT NOT NULL,
  venue TEXT NOT NULL,
  symbol TEXT NOT NULL,
  funding_time {{timestamp}} NOT NULL,
  rate DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (user_id, venue, symbol, funding_time)
) {{partition_by_month:funding_time}};
{{hypertable:funding_rates:funding_time}}

-- "window" is reserved in both dialects, hence window_days.
CREATE TABLE hurst_series (
  user_id TEXT NOT NULL,
  symbol TEXT NOT NULL,
  obs_date {{date}} NOT NULL,
  window_days INTEGER NOT NULL,
  method TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (user_id, symbol, obs_date, window_days, method)
) {{partition_by_month:obs_date}};
{{hypertable:hurst_series:obs_date}}
)sql";

// The audit log refuses UPDATE and DELETE in the database itself, so a bug or
// a stray script cannot rewrite history; the hash chain catches anyone who
// drops these triggers first.
constexpr std::string_view kAuditAppendOnlySqlite = R"sql(
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused'); END;
)sql";

constexpr std::string_view kAuditAppendOnlyPostgres = R"sql(
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
)sql";

// Option chain snapshots as the source delivered them: raw quotes beside the
// source's greeks (nullable: chains arrive with gaps), so our own recomputed
// greeks can later be compared with the broker's. "right" and "last" are SQL
// keywords, hence option_right and last_price.
constexpr std::string_view kOptionQuotes = R"sql(
CREATE TABLE option_quotes (
  user_id TEXT NOT NULL,
  underlying TEXT NOT NULL,
  as_of {{timestamp}} NOT NULL,
  expiration {{date}} NOT NULL,
  strike DOUBLE PRECISION NOT NULL,
  option_right TEXT NOT NULL CHECK (option_right IN ('call', 'put')),
  bid DOUBLE PRECISION NOT NULL,
  ask DOUBLE PRECISION NOT NULL,
  last_price DOUBLE PRECISION NOT NULL,
  volume BIGINT NOT NULL,
  open_interest BIGINT NOT NULL,
  iv DOUBLE PRECISION,
  delta DOUBLE PRECISION,
  gamma DOUBLE PRECISION,
  theta DOUBLE PRECISION,
  vega DOUBLE PRECISION,
  quote_time {{timestamp}} NOT NULL,
  underlying_price DOUBLE PRECISION,
  source TEXT NOT NULL,
  PRIMARY KEY (user_id, underlying, as_of, expiration, strike, option_right),
  CHECK (strike > 0 AND bid >= 0 AND ask >= 0 AND last_price >= 0),
  CHECK (volume >= 0 AND open_interest >= 0)
) {{partition_by_month:as_of}};
{{hypertable:option_quotes:as_of}}
)sql";

// The journal of data-quality findings and engine decisions: append order is
// id order; detail is free-form JSON.
constexpr std::string_view kJournal = R"sql(
CREATE TABLE journal (
  id {{id}},
  user_id TEXT NOT NULL,
  at {{timestamp}} NOT NULL,
  stage TEXT NOT NULL,
  subject TEXT NOT NULL,
  reason_code TEXT NOT NULL,
  message TEXT NOT NULL,
  detail {{json}} NOT NULL,
  config_hash TEXT
);
CREATE INDEX journal_user_stage_subject ON journal (user_id, stage, subject, id);
CREATE INDEX journal_user_at ON journal (user_id, at);
)sql";

// Trained Regime Radar models, reloaded at start instead of retrained; the
// body is the model's own JSON. Readings of per-instrument models (FX pairs,
// coins) name their instrument in regime_history.subject ('' for the macro
// and correlation regimes).
constexpr std::string_view kRegimeModels = R"sql(
CREATE TABLE regime_models (
  id {{id}},
  user_id TEXT NOT NULL,
  model TEXT NOT NULL,
  version TEXT NOT NULL,
  trained_from {{date}} NOT NULL,
  trained_to {{date}} NOT NULL,
  metrics {{json}} NOT NULL,
  body TEXT NOT NULL,
  saved_at {{timestamp}} NOT NULL,
  UNIQUE (user_id, model, version)
);
CREATE INDEX regime_models_user_model ON regime_models (user_id, model, saved_at);

ALTER TABLE regime_history ADD COLUMN subject TEXT NOT NULL DEFAULT '';
CREATE INDEX regime_history_user_model_subject ON regime_history (user_id, model, subject, as_of);
)sql";

// Every bot state transition, in order per bot: the latest row is the bot's
// current state (the cache's bot:state:{id} only mirrors it). Approvals: one
// decision per candidate, marked used by the one order path it authorised.
constexpr std::string_view kLifecycle = R"sql(
CREATE TABLE bot_state_transitions (
  id {{id}},
  user_id TEXT NOT NULL,
  bot_id TEXT NOT NULL,
  seq BIGINT NOT NULL CHECK (seq > 0),
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  at {{timestamp}} NOT NULL,
  actor TEXT NOT NULL,
  candidate_id BIGINT,
  reason_code TEXT,
  reason TEXT NOT NULL,
  UNIQUE (user_id, bot_id, seq)
);
CREATE INDEX bot_state_transitions_to_state ON bot_state_transitions (user_id, to_state);

CREATE TABLE approvals (
  id {{id}},
  user_id TEXT NOT NULL,
  candidate_id BIGINT NOT NULL REFERENCES candidates (id),
  bot_id TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')),
  actor TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('terminal', 'telegram', 'web', 'automatic')),
  decided_at {{timestamp}} NOT NULL,
  reason TEXT,
  used_at {{timestamp}},
  used_by TEXT,
  UNIQUE (user_id, candidate_id)
);
CREATE INDEX approvals_user_bot ON approvals (user_id, bot_id, decided_at);
)sql";

// Orders of the execution path, keyed by client order id: written
// pending_send before the venue is asked, so reconciliation after a crash or
// timeout knows every order that may have reached the venue (DESIGN.md 5.7).
// order_json is the order exactly as sent (legs, quantity, limit price).
constexpr std::string_view kOrders = R"sql(
CREATE TABLE orders (
  id {{id}},
  user_id TEXT NOT NULL,
  client_order_id TEXT NOT NULL,
  candidate_id BIGINT NOT NULL REFERENCES candidates (id),
  bot_id TEXT NOT NULL,
  approval_id BIGINT NOT NULL REFERENCES approvals (id),
  attempt INTEGER NOT NULL CHECK (attempt > 0),
  venue TEXT NOT NULL,
  order_json {{json}} NOT NULL,
  expected_price_micros BIGINT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending_send', 'working', 'filled', 'ended')),
  venue_status TEXT,
  venue_order_id TEXT,
  created_at {{timestamp}} NOT NULL,
  updated_at {{timestamp}} NOT NULL,
  UNIQUE (user_id, client_order_id)
);
CREATE INDEX orders_user_state ON orders (user_id, state);
)sql";

constexpr std::array kMigrations{
    Migration{1, "core_tables", kCoreTables, "", ""},
    Migration{2, "time_series", kTimeSeries, "", ""},
    Migration{3, "audit_log_append_only", "", kAuditAppendOnlySqlite, kAuditAppendOnlyPostgres},
    Migration{4, "option_quotes", kOptionQuotes, "", ""},
    Migration{5, "journal", kJournal, "", ""},
    Migration{6, "regime_models", kRegimeModels, "", ""},
    Migration{7, "bot_lifecycle", kLifecycle, "", ""},
    Migration{8, "orders", kOrders, "", ""},
};

constexpr std::array<std::string_view, 23> kTables{
    "trades",        "positions",      "signals",
    "candidates",    "risk_events",    "regime_history",
    "bot_configs",   "bandit_state",   "bandit_decisions",
    "fill_quality",  "annotations",    "audit_log",
    "ohlcv",         "macro_features", "iv_history",
    "funding_rates", "hurst_series",   "option_quotes",
    "journal",       "regime_models",  "bot_state_transitions",
    "approvals",     "orders",
};

constexpr std::array kTimeSeriesTables{
    TimeSeriesTable{"ohlcv", "bar_date", false},
    TimeSeriesTable{"macro_features", "obs_date", false},
    TimeSeriesTable{"iv_history", "obs_date", false},
    TimeSeriesTable{"funding_rates", "funding_time", true},
    TimeSeriesTable{"hurst_series", "obs_date", false},
    TimeSeriesTable{"option_quotes", "as_of", true},
};

}  // namespace

std::span<const Migration> shipped_migrations() {
  return kMigrations;
}
std::span<const std::string_view> store_tables() {
  return kTables;
}
std::span<const TimeSeriesTable> time_series_tables() {
  return kTimeSeriesTables;
}

}  // namespace dorado::store
