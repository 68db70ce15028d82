//! One file per component.

pub mod app;
pub mod ask;
pub mod axes;
pub mod compare;
pub mod deviations;
pub mod entry;
pub mod explanation;
pub mod fan_chart;
pub mod freshness;
pub mod impact;
pub mod lever;
pub mod lever_table;
pub mod menu;
pub mod model_notice;
pub mod observed;
pub mod param_panel;
pub mod print_note;
pub mod provenance;
pub mod scenario_bar;
pub mod scorecard;
pub mod sensitivity;
pub mod solve;
pub mod summary;
pub mod table_scroll;
pub mod tabs;
pub mod update_notice;
