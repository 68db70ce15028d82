//! One file per component.

pub mod app;
pub mod fan_chart;
pub mod lever;
pub mod scorecard;
